//! The cards with the real fonts (fonts-noto-cjk): text escaped, lines that never leave the
//! card (measured by usvg's own layout of the drawn SVG), faces by language, the choice of
//! who gets a card of their own, and a card drawn and decoded.

use super::svg::{card_svg, Drawn};
use super::*;
use crate::bundle::{DataOutlook, NativeText, Outlook, Show};
use crate::dates::PartialDate;
use std::sync::{Arc, OnceLock};

fn renderer() -> &'static Renderer {
    static RENDERER: OnceLock<Renderer> = OnceLock::new();
    RENDERER.get_or_init(|| Renderer::new(Fonts::load(&font_files()).expect("the cards' fonts (fonts-noto-cjk; .ci/setup.sh installs them)")))
}

fn seed(slug: &str) -> Show {
    let text = std::fs::read_to_string(format!("{}/public/data/shows/{slug}.json", env!("CARGO_MANIFEST_DIR"))).expect("an editor's shard");
    crate::bundle::decode_show(&text, slug).expect("the seed decodes")
}

fn card(name: &str, native: Option<(&str, &str)>, sentence: &str) -> Card {
    Card {
        name: name.into(),
        native: native.map(|(text, lang)| NativeText { text: text.into(), lang: lang.into() }),
        badge: Some(Badge { label: "No later season found".into(), tone: Tone::None, data: true }),
        sentence: Some(sentence.into()),
        sentence_lang: native.map(|(_, lang)| lang.into()),
        note: Some("A season the data does not hold yet may already have been announced.".into()),
        shared: false,
    }
}

/// Every text element of the drawn card, as usvg laid it out: its text and its box.
fn laid_out(svg: &str) -> Vec<(String, resvg::usvg::Rect)> {
    let tree = renderer().tree(svg).expect("the card's SVG parses");
    let mut found = Vec::new();
    for node in tree.root().children() {
        if let resvg::usvg::Node::Text(text) = node {
            let chars: String = text.chunks().iter().map(|c| c.text()).collect();
            found.push((chars, text.bounding_box()));
        }
    }
    found
}

const LONG: &str = "The Incredibly Long and Winding Title of a Light Novel Adaptation Whose Protagonist Was Reincarnated as a Vending Machine in Another World and Now Wanders the Dungeon";

#[test]
fn a_missing_font_file_is_named_with_what_to_install() {
    let missing = std::path::PathBuf::from("/nonexistent/NotoSansCJK-Regular.ttc");
    let Err(message) = Fonts::load(&[missing, font_files()[1].clone()]) else { panic!("loaded without its regular face") };
    assert!(message.contains("/nonexistent/NotoSansCJK-Regular.ttc") && message.contains("fonts-noto-cjk") && message.contains(FONT_DIR_VARIABLE), "{message}");
}

#[test]
fn text_is_escaped_and_never_markup() {
    assert_eq!(escape_xml(r#"<b>Tom & "Jerry"</b>'s"#), "&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;&apos;s");
    assert_eq!(escape_xml("a\u{1}b"), "a b", "a control character, which XML forbids");
    let hostile = card(r#"<svg onload="x">Tom & "Jerry" </text><text>"#, Some(("<&\"ja'>", "ja")), "A sentence with <script> & \"quotes\".");
    let drawn = card_svg(&hostile, &renderer().fonts);
    assert!(!drawn.svg.contains("<svg onload") && !drawn.svg.contains("<script>"), "{}", drawn.svg);
    let texts: Vec<String> = laid_out(&drawn.svg).into_iter().map(|(t, _)| t).collect();
    assert_eq!(texts[..2].join(" "), r#"<svg onload="x">Tom & "Jerry" </text><text>"#, "the title drawn as text, on two lines");
    assert!(texts.contains(&"<&\"ja'>".to_string()), "{texts:?}");
}

#[test]
fn lines_never_leave_the_card_measured_by_the_drawn_text() {
    let wide = "W".repeat(80);
    let cases = [
        card(LONG, Some(("とても長いタイトルの異世界転生ライトノベルのアニメ化作品、その第二期の題名はさらに長くなった", "ja")), &format!("{LONG}. {LONG}. {LONG}.")),
        card(&wide, Some(("葬送的芙莉莲 第二季 葬送的芙莉莲 第二季 葬送的芙莉莲 第二季 葬送的芙莉莲", "zh-Hans")), &"x".repeat(600)),
        card("Frieren", Some(("葬送のフリーレン", "ja")), "Short."),
        Card::shared(None),
    ];
    for card in &cases {
        let drawn = card_svg(card, &renderer().fonts);
        for (text, bbox) in laid_out(&drawn.svg) {
            assert!(bbox.left() >= 80.0 - 1.0 && bbox.right() <= 1200.0 - 80.0, "{text:?} runs from {} to {} px", bbox.left(), bbox.right());
            assert!(bbox.top() >= 0.0 && bbox.bottom() <= 630.0, "{text:?} runs from {} to {} px down", bbox.top(), bbox.bottom());
        }
    }
}

#[test]
fn wrapping_keeps_every_line_in_its_width_and_cuts_with_an_ellipsis() {
    let fonts = &renderer().fonts;
    let face = Face { family: Family::Jp, bold: true };
    let wrapped = wrap(LONG, face, 64.0, 1000.0, 2, fonts);
    assert_eq!(wrapped.lines.len(), 2);
    assert!(wrapped.cut && wrapped.lines[1].ends_with('…'), "{wrapped:?}");
    for line in &wrapped.lines {
        assert!(fonts.width(line, face, 64.0) <= 1000.0, "{line:?}");
    }
    assert!(wrapped.lines[0].starts_with("The Incredibly Long") && !wrapped.lines[0].ends_with(' '), "broken at a space: {wrapped:?}");

    let whole = wrap("Frieren", face, 64.0, 1000.0, 2, fonts);
    assert_eq!(whole, Wrapped { lines: vec!["Frieren".into()], cut: false });

    // Japanese breaks between characters, never before its closing punctuation.
    let ja = Face { family: Family::Jp, bold: false };
    let text = "葬送のフリーレン、".repeat(12);
    let wrapped = wrap(&text, ja, 36.0, 500.0, 10, fonts);
    assert!(wrapped.lines.len() > 1 && !wrapped.cut);
    assert_eq!(wrapped.lines.concat(), text, "nothing lost or added");
    for line in &wrapped.lines {
        assert!(fonts.width(line, ja, 36.0) <= 500.0, "{line:?}");
        assert!(!line.starts_with('、'), "{line:?}");
    }

    // One word wider than the line is broken where it must.
    let wrapped = wrap(&"W".repeat(100), face, 64.0, 1000.0, 3, fonts);
    assert!(wrapped.cut && wrapped.lines.iter().all(|l| fonts.width(l, face, 64.0) <= 1000.0), "{wrapped:?}");
}

#[test]
fn each_text_is_drawn_in_the_face_of_its_language() {
    assert_eq!(family_for_lang(Some("ja")), Family::Jp);
    assert_eq!(family_for_lang(None), Family::Jp, "Latin text");
    assert_eq!(family_for_lang(Some("en")), Family::Jp);
    assert_eq!(family_for_lang(Some("zh-Hans")), Family::Sc);
    assert_eq!(family_for_lang(Some("zh-CN")), Family::Sc);
    assert_eq!(family_for_lang(Some("zh")), Family::Sc);
    assert_eq!(family_for_lang(Some("zh-Hant")), Family::Tc);
    assert_eq!(family_for_lang(Some("zh-TW")), Family::Tc);
    assert_eq!(family_for_lang(Some("zh-Hant-HK")), Family::Hk);
    assert_eq!(family_for_lang(Some("ko")), Family::Kr);

    let zh = card("Frieren", Some(("葬送的芙莉蓮", "zh-Hant")), "Short.");
    let svg = card_svg(&zh, &renderer().fonts).svg;
    let native = svg.lines().find(|l| l.contains("葬送的芙莉蓮")).expect("the native title");
    assert!(native.contains("font-family=\"Noto Sans CJK TC\""), "{native}");
    let ja = card("Frieren", Some(("葬送のフリーレン", "ja")), "Short.");
    let svg = card_svg(&ja, &renderer().fonts).svg;
    assert!(svg.lines().find(|l| l.contains("葬送のフリーレン")).unwrap().contains("\"Noto Sans CJK JP\""));
    // The family names exist in the files: usvg found a face for each (else it draws nothing).
    for (text, bbox) in laid_out(&svg) {
        assert!(bbox.width() > 0.0, "{text:?} drawn");
    }
}

#[test]
fn a_shows_card_says_what_its_page_answers() {
    let rouge = seed("metallic-rouge");
    let card = Card::of_show(&rouge);
    let answer = SeasonAnswer::of(OutlookFacts::of(&rouge)).expect("an editor's outlook");
    assert_eq!(card.name, rouge.title);
    assert_eq!(card.native, rouge.native_title);
    assert_eq!(card.badge.as_ref().map(|b| b.label.as_str()), Some(answer.reading.label()));
    assert_eq!(card.sentence, Some(answer.sentence_text()));
    let alt = card.alt(false);
    assert!(alt.contains(&rouge.title) && alt.contains(answer.reading.label()) && alt.contains(&answer.sentence_text()), "{alt}");

    let mut nothing = rouge.clone();
    nothing.outlook = None;
    nothing.data_outlook = None;
    let card = Card::of_show(&nothing);
    assert_eq!((card.badge, card.sentence.as_deref()), (None, Some(NO_OUTLOOK)), "no badge is made up");

    // A shared card of the data's "nothing later" carries the caveat its every page gives.
    let mut from_data = rouge.clone();
    from_data.outlook = None;
    from_data.data_outlook = Some(serde_json::from_value(serde_json::json!({ "status": "nothing_later", "summary": "Synthetic." })).expect("a data outlook"));
    let answer = SeasonAnswer::of(OutlookFacts::of(&from_data)).expect("the data's reading");
    let shared = Card::shared(Some(answer.reading));
    assert_eq!(shared.note.as_deref(), answer.caveat);
    assert_eq!(shared.badge.as_ref().map(|b| (b.label.as_str(), b.data)), Some(("No later season found", true)));
    assert_eq!(Card::shared(answer_reading(&rouge)).note, None, "the editor's reading has no caveat");

    let shared = Card::shared(answer_reading(&rouge));
    assert!(!format!("{shared:?}").contains(&rouge.title), "a shared card names no show");
    assert_eq!(
        shared.alt(false),
        "NextSeason card shared by the shows whose answer is “No announcement”. Will it get another season, and when? The show's page gives the answer in full, with its dates and where it comes from."
    );
    assert_eq!(Card::home(8472).alt(false), "NextSeason card: Will it get a season 2? 8,472 anime. Will your anime get a season 2, and when? Outlooks, expected release windows, where to watch and the cast, show by show.");
}

fn answer_reading(show: &Show) -> Option<Reading> {
    SeasonAnswer::of(OutlookFacts::of(show)).map(|a| a.reading)
}

/// A synthetic show (labelled so): its premiere, and whether an editor or the data say what is
/// ahead.
fn synthetic(i: usize, premiere: Option<PartialDate>, editor: Option<Outlook>, data: Option<DataOutlook>) -> Arc<Show> {
    let mut show = seed("sengoku-youko");
    show.slug = format!("synthetic-{i:05}");
    show.title = format!("Synthetic show {i}");
    show.premiere = premiere;
    show.outlook = editor;
    show.data_outlook = data;
    show.article.author = None;
    Arc::new(show)
}

#[test]
fn editors_shows_then_shows_with_something_ahead_then_the_newest_get_their_own_card() {
    let rouge = seed("metallic-rouge");
    let editors = rouge.outlook.clone().expect("an editor's outlook");
    let data = |status: &str| -> DataOutlook { serde_json::from_value(serde_json::json!({ "status": status, "summary": "Synthetic." })).expect("a data outlook") };
    let year = |y: i32| Some(PartialDate::Year(y));
    let mut shows = vec![
        synthetic(0, year(2030), None, Some(data("nothing_later"))),
        synthetic(1, year(1990), Some(editors.clone()), None),
        synthetic(2, year(2000), None, Some(data("dated"))),
        synthetic(3, None, None, Some(data("airing"))),
        synthetic(4, year(2020), None, Some(data("aired"))),
        synthetic(5, None, None, None),
    ];
    shows.reverse();
    let plan = CardPlan::new(&shows, 4, Some(Card::home(10_000)), None);
    let own = |slug: &str| plan.of_show(slug).is_some_and(|f| f.file == format!("cards/shows/{slug}.png"));
    assert!(own("synthetic-00001"), "the editor's, however old");
    assert!(own("synthetic-00002") && own("synthetic-00003"), "something ahead, with or without a premiere");
    assert!(own("synthetic-00000"), "then the newest");
    assert!(!own("synthetic-00004") && !own("synthetic-00005"));
    assert_eq!(plan.of_show("synthetic-00004").unwrap().file, "cards/shared/data-aired.png");
    assert_eq!(plan.of_show("synthetic-00005").unwrap().file, "cards/shared/no-outlook.png");
    assert_eq!(plan.home().unwrap().file, "cards/home.png");
    assert_eq!(plan.methods(), None);
    assert_eq!((plan.own_count(), plan.files.len()), (4, 7));
}

/// Files the build held before the cards (BENCHMARKS.md, §14), and the calendars' and feeds'
/// to come: the cards must leave the host's 20,000 a margin.
const FILES_BEFORE: usize = 16_987 + 300;

#[test]
fn the_cards_stay_within_the_file_budget_on_a_large_catalogue() {
    let data = |status: &str| -> DataOutlook { serde_json::from_value(serde_json::json!({ "status": status, "summary": "Synthetic." })).expect("a data outlook") };
    let statuses = ["nothing_later", "films_only", "aired", "airing", "dated"];
    let shows: Vec<Arc<Show>> = (0..10_000).map(|i| synthetic(i, Some(PartialDate::Year(1960 + (i % 66) as i32)), None, (i % 7 != 0).then(|| data(statuses[i % 5])))).collect();
    let plan = CardPlan::new(&shows, OWN_CARDS_MAX, Some(Card::home(10_000)), Some(Card::methods()));
    assert_eq!(plan.own_count(), OWN_CARDS_MAX);
    assert!(plan.files.len() <= OWN_CARDS_MAX + SHARED_KINDS + 2, "{}", plan.files.len());
    assert!(FILES_BEFORE + plan.files.len() <= 19_500, "{} files", FILES_BEFORE + plan.files.len());
    assert!(shows.iter().all(|s| plan.of_show(&s.slug).is_some()), "every show's page has a card");
    let names: std::collections::HashSet<&str> = plan.files.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(names.len(), plan.files.len(), "no two cards share a file");
}

#[test]
fn a_card_is_a_1200_by_630_png_with_its_text_drawn() {
    let rouge = seed("metallic-rouge");
    let Drawn { svg, .. } = card_svg(&Card::of_show(&rouge), &renderer().fonts);
    let png = renderer().png(&svg).expect("drawn");
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
    let frame = reader.next_frame(&mut pixels).expect("its pixels");
    assert_eq!((frame.width, frame.height), (WIDTH, HEIGHT));
    let info = reader.info();
    let palette = info.palette.clone();
    let rgb = |x: usize, y: usize| -> [u8; 3] {
        match &palette {
            Some(p) => {
                let i = pixels[y * frame.line_size + x] as usize * 3;
                [p[i], p[i + 1], p[i + 2]]
            }
            None => {
                let i = y * frame.line_size + x * 3;
                [pixels[i], pixels[i + 1], pixels[i + 2]]
            }
        }
    };
    let background = rgb(600, 40);
    assert_eq!(background, [0xf6, 0xf5, 0xf2], "the site's background");
    // Where the name is (its first line's box, as laid out): dark pixels, not background.
    let (name, bbox) = laid_out(&svg).into_iter().next().expect("the name's line");
    assert!(rouge.title.starts_with(&name));
    let mut dark = 0;
    for y in bbox.top() as usize..bbox.bottom() as usize {
        for x in bbox.left() as usize..bbox.right() as usize {
            dark += usize::from(rgb(x, y).iter().all(|&c| c < 80));
        }
    }
    assert!(dark > 2_000, "{dark} dark pixels under the name");
}

/// How long a card takes to draw, on one core (BENCHMARKS.md, §15): `cargo test --lib
/// cards::tests::measure_drawing -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a test"]
fn measure_drawing() {
    let long = card(
        "Frieren: Beyond the Journey's End Season 2",
        Some(("葬送のフリーレン(第2期)", "ja")),
        "About 35 % of later TV seasons that ended 2020–2029 and had waited as long as this one (1 month) got another season within the next two years. When one came, half came within 9 months of the last episode. NextSeason found nothing after Frieren: Beyond the Journey's End Season 2 in bangumi-data as of May 15, 2026: no later season, part or film.",
    );
    let cards = [long, Card::of_show(&seed("metallic-rouge")), Card::shared(None)];
    let renderer = renderer();
    let rounds = 20;
    let started = std::time::Instant::now();
    let (mut layout, mut bytes) = (std::time::Duration::ZERO, 0);
    for _ in 0..rounds {
        for card in &cards {
            let t = std::time::Instant::now();
            let drawn = card_svg(card, &renderer.fonts);
            layout += t.elapsed();
            bytes += renderer.png(&drawn.svg).expect("drawn").len();
        }
    }
    let n = (rounds * cards.len()) as u32;
    eprintln!("{n} cards: {:.1} ms a card ({:.2} ms of it laying out), {} bytes a card", (started.elapsed() / n).as_secs_f64() * 1e3, (layout / n).as_secs_f64() * 1e3, bytes / n as usize);
}
