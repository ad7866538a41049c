//! The grouping on small synthetic catalogues (the measure on the real data is in
//! `tests/franchises.rs`).

use super::*;

const DAY: i64 = 24 * 3600 * 1000;

/// A synthetic work: title, kind, premiere and last day as days since 2000-01-01, site.
fn work(native: &'static str, kind: WorkKind, begin: Option<i64>, days: i64, site: Option<&'static str>) -> Entry<'static> {
    let base = 946_652_400_000; // 2000-01-01 in Japan
    Entry { native, english: Vec::new(), chinese: Vec::new(), kind, begin_ms: begin.map(|d| base + d * DAY), end_ms: begin.map(|d| base + (d + days) * DAY), site }
}

fn tv(native: &'static str, year: i64, site: Option<&'static str>) -> Entry<'static> {
    work(native, WorkKind::Tv, Some((year - 2000) * 365 + 90), 84, site)
}

#[test]
fn seasons_with_new_names_are_found_in_order() {
    let entries = vec![
        tv("かぐや様は告らせたい～天才たちの恋愛頭脳戦～", 2019, Some("kaguya.love/1st")),
        tv("かぐや様は告らせたい？～天才たちの恋愛頭脳戦～", 2020, Some("kaguya.love")),
        tv("かぐや様は告らせたい-ウルトラロマンティック-", 2022, Some("kaguya.love")),
        tv("モブサイコ100", 2016, None),
        tv("モブサイコ100II", 2019, None),
        tv("モブサイコ100III", 2022, None),
        work("モブサイコ100 REIGEN", WorkKind::Web, Some((2018 - 2000) * 365), 0, None),
    ];
    let f = Franchises::group(&entries);
    assert_eq!(f.next[0], Some(1));
    assert_eq!(f.next[1], Some(2));
    assert_eq!(f.next[2], None);
    assert_eq!(f.next[3], Some(4), "{:?}", f.reason(3, 4));
    assert_eq!(f.next[4], Some(5));
    assert_eq!(f.roles[6], Role::Special);
    assert!(f.reason(0, 2).unwrap().contains("かぐや様は告らせたい"));
    assert_ne!(f.franchise_of[0], f.franchise_of[3]);
}

#[test]
fn remakes_start_their_own_continuity() {
    let entries = vec![
        tv("うる星やつら", 1981, None),
        tv("うる星やつら(2022)", 2022, None),
        tv("うる星やつら(2022)第2期", 2024, None),
        tv("ドラえもん", 1979, None),
        tv("ドラえもん", 2005, None),
    ];
    let f = Franchises::group(&entries);
    assert_eq!(f.franchise_of[0], f.franchise_of[1]);
    assert_ne!(f.continuity_of[0], f.continuity_of[1]);
    assert_eq!(f.next[0], None);
    assert_eq!(f.next[1], Some(2));
    assert_eq!(f.next[3], None);
    assert_eq!(f.restarts.len(), 2, "{:?}", f.restarts);
}

#[test]
fn recaps_remasters_and_shorts_are_no_next_season() {
    let entries = vec![
        tv("鬼滅の刃", 2019, Some("kimetsu.com/anime")),
        tv("鬼滅の刃 遊郭編 特別編集版", 2021, Some("kimetsu.com/anime")),
        tv("鬼滅の刃 遊郭編", 2022, Some("kimetsu.com/anime")),
        tv("蒼天の拳", 2006, None),
        tv("蒼天の拳 HDリマスター", 2012, None),
        tv("蒼天の拳 第2期", 2013, None),
        tv("蒼天の拳 第2期 HDリマスター", 2014, None),
    ];
    let f = Franchises::group(&entries);
    assert_eq!(f.roles[1], Role::Recap);
    assert_eq!(f.next[0], Some(2));
    assert_eq!(f.roles[4], Role::Remaster);
    assert_eq!(f.next[3], Some(5));
    assert_eq!(f.next[4], Some(6), "a remaster's next is the next remaster");
}

#[test]
fn traps_stay_apart() {
    let entries = vec![
        tv("キャプテン", 1983, None),
        tv("キャプテン翼", 1983, None),
        tv("Captain Tsubasa", 2018, None),
        tv("ミルモでポン！", 2002, Some("tv-tokyo.co.jp/anime/mirumo")),
        tv("NARUTO", 2002, Some("tv-tokyo.co.jp/anime/naruto")),
        tv("ポケモン", 2002, Some("tv-tokyo.co.jp")),
        tv("ミルモでポン！ごおるでん", 2003, Some("tv-tokyo.co.jp/anime/mirumo")),
        tv("アニメ", 2004, None),
        tv("アニメ 2", 2005, None),
    ];
    let f = Franchises::group(&entries);
    assert_ne!(f.franchise_of[0], f.franchise_of[1]);
    assert_ne!(f.franchise_of[3], f.franchise_of[4]);
    assert_ne!(f.franchise_of[4], f.franchise_of[5]);
    assert_eq!(f.franchise_of[3], f.franchise_of[6], "the same page of a shared host, and a shared name");
}

#[test]
fn works_without_dates_or_out_of_order_are_left_out_of_the_order() {
    let entries = vec![tv("グラゼニ", 2018, None), work("グラゼニ 第3期", WorkKind::Tv, None, 0, None), tv("グラゼニ 第4期", 2019, None), tv("グラゼニ 第2期", 2020, None)];
    let f = Franchises::group(&entries);
    let unplaced: Vec<usize> = f.unplaced.iter().map(|(w, _)| *w).collect();
    assert_eq!(unplaced, [1, 3], "{:?}", f.unplaced);
    assert_eq!(f.next[0], Some(2));
    assert!(!f.is_placed(1));
}

#[test]
fn a_film_named_after_its_series_joins_it() {
    let entries = vec![
        tv("夏目友人帳", 2008, None),
        tv("夏目友人帳 陸", 2017, None),
        work("劇場版 夏目友人帳 ～うつせみに結ぶ～", WorkKind::Movie, Some((2018 - 2000) * 365), 0, None),
        tv("金田一少年の事件簿", 1997, None),
        work("金田一少年の事件簿スペシャル", WorkKind::Tv, Some((2007 - 2000) * 365), 7, None),
    ];
    let f = Franchises::group(&entries);
    assert_eq!(f.franchise_of[2], f.franchise_of[0], "the main title after 劇場版 is 夏目友人帳");
    assert_eq!(f.roles[2], Role::Film);
    assert_eq!(f.roles[4], Role::Special, "スペシャル written onto the title marks a special");
    assert_eq!(f.franchise_of[3], f.franchise_of[4]);
}

#[test]
fn side_series_are_their_own_continuity() {
    let entries = vec![
        tv("BanG Dream!", 2017, None),
        tv("BanG Dream! ガルパ☆ピコ", 2018, None),
        tv("BanG Dream! 2nd Season", 2019, None),
        work("BanG Dream! ガルパ☆ピコ～大盛り～", WorkKind::Web, Some((2020 - 2000) * 365), 180, None),
        tv("BanG Dream! 3rd Season", 2020, None),
        tv("魔道祖师", 2018, None),
        work("魔道祖师Q", WorkKind::Web, Some((2019 - 2000) * 365 + 200), 100, None),
        tv("てーきゅう", 2012, None),
        tv("高宮なすのです！～てーきゅうスピンオフ～", 2013, None),
        tv("てーきゅう(第2期)", 2013, None),
    ];
    let f = Franchises::group(&entries);
    assert_eq!([f.roles[1], f.roles[3], f.roles[6], f.roles[8]], [Role::SideStory; 4]);
    assert_eq!(f.next[0], Some(2));
    assert_eq!(f.next[2], Some(4), "the chibi shorts between two seasons are no next season");
    assert_eq!(f.next[4], None);
    assert_eq!(f.next[1], Some(3), "the chibi series' own next: a name continuing its own");
    assert_eq!(f.next[5], None, "a Q版 is a chibi version");
    assert_eq!(f.next[7], Some(9));
}

#[test]
fn a_brand_is_one_whether_its_series_are_spaced_or_not() {
    // 機動戦士ガンダム is continued without a space by five series and with one by three: eight
    // series of one brand, whose series only their sites join.
    let names = ["SEED", "00", "UC", "AGE", "ZZ"];
    let mut entries: Vec<Entry> = names.iter().enumerate().map(|(i, n)| tv(Box::leak(format!("機動戦士ガンダム{n}").into_boxed_str()), 2002 + i as i64, None)).collect();
    entries.push(tv("機動戦士ガンダム", 1979, None));
    entries.push(tv("機動戦士ガンダム 鉄血のオルフェンズ", 2015, None));
    entries.push(tv("機動戦士ガンダム サンダーボルト", 2016, None));
    entries.push(tv("機動戦士ガンダム Twilight AXIS", 2017, None));
    entries.push(tv("機動戦士ガンダム 水星の魔女", 2018, None));
    let f = Franchises::group(&entries);
    let n = names.len();
    assert_ne!(f.franchise_of[n + 1], f.franchise_of[n + 2]);
    assert_ne!(f.franchise_of[n + 3], f.franchise_of[n + 4]);
    assert_eq!(f.next[n + 1], None);
}
