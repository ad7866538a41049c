//! Links to a work on a site of the data: the site's template (`urlTemplate`) with the work's
//! id in place of `{{id}}`, or the work's own `url`.
//!
//! The data is not trusted to be well-formed: an id is checked against its site's pattern
//! (digits for most sites) or else a safe charset (ASCII letters, digits, `-` and `_`), so that
//! it can add neither a path (`../`, `//`), nor a host (`@`), nor a query or a fragment; and the
//! link built must still be https on the template's own host. An item's own `url` is accepted
//! only when it is https on that same host. Whatever fails is refused with the reason.

use super::data::SiteMeta;
use crate::bundle::{is_safe_url, ReferenceSite};

/// The longest id accepted.
const MAX_ID: usize = 100;

/// The link to a work on a site, or why there is none.
pub fn site_url(site: &str, meta: &SiteMeta, id: Option<&str>, url: Option<&str>) -> Result<String, String> {
    let origin = template_origin(&meta.url_template)?;
    if let Some(url) = url.map(str::trim).filter(|u| !u.is_empty()) {
        // The data's own link wins over the template; when it cannot be used, the id would give
        // a link the data says is wrong, so there is no link.
        return if is_safe_url(url) && origin_of(url).is_some_and(|o| o.eq_ignore_ascii_case(origin)) && has_plain_path(url) {
            Ok(url.to_string())
        } else {
            Err(format!("its url {url:?} is not an https link on {origin}"))
        };
    }
    let Some(id) = id.map(str::trim).filter(|i| !i.is_empty()) else { return Err("it has neither an id nor a url".into()) };
    if !is_valid_id(site, id) {
        return Err(format!("its id {id:?} is not a {site} id{}", pattern_of(site)));
    }
    let built = meta.url_template.replacen("{{id}}", id, 1);
    // Defence in depth: whatever the id, the link stays on the template's scheme and host.
    if !is_safe_url(&built) || origin_of(&built) != Some(origin) || !has_plain_path(&built) {
        return Err(format!("the link {built:?} built from its id leaves {origin}"));
    }
    Ok(built)
}

/// "https://host" of a template, which must be https with `{{id}}` once, after the host.
fn template_origin(template: &str) -> Result<&str, String> {
    let origin = origin_of(template).filter(|o| !o.contains("{{"));
    match origin {
        Some(origin) if template.matches("{{id}}").count() == 1 && is_safe_url(&template.replace("{{id}}", "1")) => Ok(origin),
        _ => Err(format!("the site's template {template:?} is not an https link with {{{{id}}}} once, after the host")),
    }
}

/// "https://host" of an https link.
fn origin_of(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://")?;
    let host_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    (host_len > 0).then(|| &url[.."https://".len() + host_len])
}

/// No empty, `.` or `..` segment in the path, no backslash: the link names the page it seems to.
fn has_plain_path(url: &str) -> bool {
    let after_host = &url["https://".len()..];
    let path = after_host.find('/').map_or("", |at| &after_host[at..]);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let inner = segments.len().saturating_sub(1);
    !url.contains('\\')
        && segments.iter().enumerate().all(|(i, s)| !matches!(*s, "." | "..") && (i == inner || !s.is_empty()))
}

/// The sites whose ids are numbers.
const NUMERIC: [&str; 16] = [
    "bangumi", "mal", "aniList", "anidb", "acfun", "bilibili", "bilibili_hk_mo_tw", "bilibili_hk_mo", "bilibili_tw", "gamer",
    "gamer_hk", "mgtv", "netflix", "viu", "danime", "mikan",
];

/// Whether an id may go into its site's template: the site's own pattern where there is one,
/// else the safe charset.
pub fn is_valid_id(site: &str, id: &str) -> bool {
    if NUMERIC.contains(&site) {
        return (1..=12).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit());
    }
    match site {
        "tmdb" => ReferenceSite::Tmdb.is_valid_id(id),
        // Tencent Video: "7/7pczbp6tl3xn8v0", a folder letter and the id.
        "qq" => id.split_once('/').is_some_and(|(folder, rest)| {
            folder.len() == 1 && is_safe_charset(folder) && (1..=40).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_alphanumeric())
        }),
        _ => id.len() <= MAX_ID && is_safe_charset(id),
    }
}

/// What a site's id looks like, for messages.
fn pattern_of(site: &str) -> &'static str {
    if NUMERIC.contains(&site) {
        " (digits)"
    } else {
        match site {
            "tmdb" => " (tv/<n> or movie/<n>)",
            "qq" => " (a letter or digit, a slash, letters and digits)",
            _ => " (ASCII letters, digits, - and _)",
        }
    }
}

fn is_safe_charset(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// "www.crunchyroll.com" → "crunchyroll.com": the host a platform is known by, to match an
/// editor's offer with the data's.
pub fn host_key(url: &str) -> Option<String> {
    let host = origin_of(url)?.strip_prefix("https://")?.to_ascii_lowercase();
    let host = host.split(':').next().unwrap_or_default().to_string();
    Some(host.strip_prefix("www.").map(str::to_string).unwrap_or(host))
}

#[cfg(test)]
mod tests {
    use super::super::data::SiteKind;
    use super::*;

    fn meta(template: &str) -> SiteMeta {
        SiteMeta { title: "Site".into(), url_template: template.into(), regions: None, kind: SiteKind::Onair }
    }

    #[test]
    fn links_from_templates_and_ids() {
        let bilibili = meta("https://www.bilibili.com/bangumi/media/md{{id}}/");
        assert_eq!(site_url("bilibili", &bilibili, Some("21176389"), None).unwrap(), "https://www.bilibili.com/bangumi/media/md21176389/");
        let gamer = meta("https://acg.gamer.com.tw/acgDetail.php?s={{id}}");
        assert_eq!(site_url("gamer", &gamer, Some("131110"), None).unwrap(), "https://acg.gamer.com.tw/acgDetail.php?s=131110");
        let youtube = meta("https://www.youtube.com/playlist?list={{id}}");
        assert_eq!(
            site_url("ani_one", &youtube, Some("PLC18xlbCdwtSZfjYLAqxWYNYWQxadlsSx"), None).unwrap(),
            "https://www.youtube.com/playlist?list=PLC18xlbCdwtSZfjYLAqxWYNYWQxadlsSx"
        );
        let qq = meta("https://v.qq.com/detail/{{id}}.html");
        assert_eq!(site_url("qq", &qq, Some("7/7pczbp6tl3xn8v0"), None).unwrap(), "https://v.qq.com/detail/7/7pczbp6tl3xn8v0.html");
        let tmdb = meta("https://www.themoviedb.org/{{id}}");
        assert_eq!(site_url("tmdb", &tmdb, Some("tv/234995/season/2"), None).unwrap(), "https://www.themoviedb.org/tv/234995/season/2");
    }

    #[test]
    fn ids_that_would_leave_the_page_are_refused() {
        let nico = meta("https://ch.nicovideo.jp/{{id}}");
        for bad in ["../../evil", "x@evil.com/", "a//b", "//evil.example", "a/b", "a?b=1", "a#b", "a b", "ａ", "a\\b", "%2e%2e", "x.evil.com"] {
            let refused = site_url("nicovideo", &nico, Some(bad), None);
            assert!(refused.as_ref().is_err_and(|e| e.contains("is not a nicovideo id")), "{bad}: {refused:?}");
        }
        let netflix = meta("https://www.netflix.com/title/{{id}}");
        assert_eq!(site_url("netflix", &netflix, Some("8175a"), None).unwrap_err(), "its id \"8175a\" is not a netflix id (digits)");
        let qq = meta("https://v.qq.com/detail/{{id}}.html");
        for bad in ["7/../x", "7//x", "77/x", "/x", "7/"] {
            assert!(site_url("qq", &qq, Some(bad), None).is_err(), "{bad}");
        }
        assert_eq!(site_url("netflix", &netflix, Some(" "), None).unwrap_err(), "it has neither an id nor a url");
    }

    #[test]
    fn a_template_must_be_https_with_the_id_after_the_host() {
        for bad in ["http://x.org/{{id}}", "https://{{id}}.example.org/", "https://x.org/{{id}}/{{id}}", "https://x.org/", "javascript:{{id}}"] {
            let refused = site_url("nicovideo", &meta(bad), Some("abc"), None);
            assert!(refused.as_ref().is_err_and(|e| e.contains("template")), "{bad}: {refused:?}");
        }
    }

    #[test]
    fn an_items_own_url_must_be_https_on_the_templates_host() {
        let disney = meta("https://www.disneyplus.com/series/view/{{id}}");
        let own = "https://www.disneyplus.com/movies/macross-plus-movie-edition/6u0EbAmVpZcn";
        assert_eq!(site_url("disneyplus", &disney, Some("6u0EbAmVpZcn"), Some(own)).unwrap(), own);
        for bad in [
            "http://www.disneyplus.com/movies/x",
            "https://evil.example/www.disneyplus.com",
            "https://www.disneyplus.com.evil.example/x",
            "https://www.disneyplus.com@evil.example/x",
            "https://www.disneyplus.com/a/../../x",
            "https://www.disneyplus.com//evil.example",
        ] {
            // The id is never used in place of a refused url.
            assert!(site_url("disneyplus", &disney, Some("6u0EbAmVpZcn"), Some(bad)).is_err(), "{bad}");
        }
        let iqiyi = meta("https://www.iqiyi.com/{{id}}.html");
        let refused = site_url("iqiyi", &iqiyi, None, Some("http://www.iqiyi.com/v_19rrifx03h.html")).unwrap_err();
        assert_eq!(refused, "its url \"http://www.iqiyi.com/v_19rrifx03h.html\" is not an https link on https://www.iqiyi.com");
    }

    #[test]
    fn hosts_match_with_or_without_www() {
        assert_eq!(host_key("https://www.crunchyroll.com/search?q=x").as_deref(), Some("crunchyroll.com"));
        assert_eq!(host_key("https://Crunchyroll.com").as_deref(), Some("crunchyroll.com"));
        assert_eq!(host_key("http://crunchyroll.com"), None);
    }
}
