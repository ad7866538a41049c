//! Mis-decoded text ("mojibake"): UTF-8 read once as a legacy single-byte code page, so that
//! `Hernández` became `Hern√°ndez` and `【` became `„Äź`. Finding it and undoing it, for the
//! validation shared by the site and the bundle tool.
//!
//! Repair works sequence by sequence, not on whole strings: a text often mixes mis-decoded
//! sequences with characters that were right all along (the seed's `’` and `•`). Each run of
//! characters that the code page turns back into the bytes of one valid UTF-8 character is
//! replaced by that character; nothing else changes. A code page's tables are its upper
//! halves (bytes 0x80 to 0xFF), generated from Python's codecs.

/// A single-byte code page: the characters of bytes 0x80 to 0xFF (U+FFFD where undefined).
pub struct CodePage {
    pub name: &'static str,
    upper: &'static str,
}

/// The code pages tried, most common first. The seed of this project went through Mac Central
/// European (x-mac-ce): the only one that turns all of its scars back into text.
pub const CODE_PAGES: [CodePage; 5] = [
    CodePage { name: "Windows-1252", upper: "\u{20AC}\u{FFFD}\u{201A}\u{0192}\u{201E}\u{2026}\u{2020}\u{2021}\u{02C6}\u{2030}\u{0160}\u{2039}\u{0152}\u{FFFD}\u{017D}\u{FFFD}\u{FFFD}\u{2018}\u{2019}\u{201C}\u{201D}\u{2022}\u{2013}\u{2014}\u{02DC}\u{2122}\u{0161}\u{203A}\u{0153}\u{FFFD}\u{017E}\u{0178}\u{00A0}\u{00A1}\u{00A2}\u{00A3}\u{00A4}\u{00A5}\u{00A6}\u{00A7}\u{00A8}\u{00A9}\u{00AA}\u{00AB}\u{00AC}\u{00AD}\u{00AE}\u{00AF}\u{00B0}\u{00B1}\u{00B2}\u{00B3}\u{00B4}\u{00B5}\u{00B6}\u{00B7}\u{00B8}\u{00B9}\u{00BA}\u{00BB}\u{00BC}\u{00BD}\u{00BE}\u{00BF}\u{00C0}\u{00C1}\u{00C2}\u{00C3}\u{00C4}\u{00C5}\u{00C6}\u{00C7}\u{00C8}\u{00C9}\u{00CA}\u{00CB}\u{00CC}\u{00CD}\u{00CE}\u{00CF}\u{00D0}\u{00D1}\u{00D2}\u{00D3}\u{00D4}\u{00D5}\u{00D6}\u{00D7}\u{00D8}\u{00D9}\u{00DA}\u{00DB}\u{00DC}\u{00DD}\u{00DE}\u{00DF}\u{00E0}\u{00E1}\u{00E2}\u{00E3}\u{00E4}\u{00E5}\u{00E6}\u{00E7}\u{00E8}\u{00E9}\u{00EA}\u{00EB}\u{00EC}\u{00ED}\u{00EE}\u{00EF}\u{00F0}\u{00F1}\u{00F2}\u{00F3}\u{00F4}\u{00F5}\u{00F6}\u{00F7}\u{00F8}\u{00F9}\u{00FA}\u{00FB}\u{00FC}\u{00FD}\u{00FE}\u{00FF}" },
    CodePage { name: "Mac Roman", upper: "\u{00C4}\u{00C5}\u{00C7}\u{00C9}\u{00D1}\u{00D6}\u{00DC}\u{00E1}\u{00E0}\u{00E2}\u{00E4}\u{00E3}\u{00E5}\u{00E7}\u{00E9}\u{00E8}\u{00EA}\u{00EB}\u{00ED}\u{00EC}\u{00EE}\u{00EF}\u{00F1}\u{00F3}\u{00F2}\u{00F4}\u{00F6}\u{00F5}\u{00FA}\u{00F9}\u{00FB}\u{00FC}\u{2020}\u{00B0}\u{00A2}\u{00A3}\u{00A7}\u{2022}\u{00B6}\u{00DF}\u{00AE}\u{00A9}\u{2122}\u{00B4}\u{00A8}\u{2260}\u{00C6}\u{00D8}\u{221E}\u{00B1}\u{2264}\u{2265}\u{00A5}\u{00B5}\u{2202}\u{2211}\u{220F}\u{03C0}\u{222B}\u{00AA}\u{00BA}\u{03A9}\u{00E6}\u{00F8}\u{00BF}\u{00A1}\u{00AC}\u{221A}\u{0192}\u{2248}\u{2206}\u{00AB}\u{00BB}\u{2026}\u{00A0}\u{00C0}\u{00C3}\u{00D5}\u{0152}\u{0153}\u{2013}\u{2014}\u{201C}\u{201D}\u{2018}\u{2019}\u{00F7}\u{25CA}\u{00FF}\u{0178}\u{2044}\u{20AC}\u{2039}\u{203A}\u{FB01}\u{FB02}\u{2021}\u{00B7}\u{201A}\u{201E}\u{2030}\u{00C2}\u{00CA}\u{00C1}\u{00CB}\u{00C8}\u{00CD}\u{00CE}\u{00CF}\u{00CC}\u{00D3}\u{00D4}\u{F8FF}\u{00D2}\u{00DA}\u{00DB}\u{00D9}\u{0131}\u{02C6}\u{02DC}\u{00AF}\u{02D8}\u{02D9}\u{02DA}\u{00B8}\u{02DD}\u{02DB}\u{02C7}" },
    CodePage { name: "Mac Central European", upper: "\u{00C4}\u{0100}\u{0101}\u{00C9}\u{0104}\u{00D6}\u{00DC}\u{00E1}\u{0105}\u{010C}\u{00E4}\u{010D}\u{0106}\u{0107}\u{00E9}\u{0179}\u{017A}\u{010E}\u{00ED}\u{010F}\u{0112}\u{0113}\u{0116}\u{00F3}\u{0117}\u{00F4}\u{00F6}\u{00F5}\u{00FA}\u{011A}\u{011B}\u{00FC}\u{2020}\u{00B0}\u{0118}\u{00A3}\u{00A7}\u{2022}\u{00B6}\u{00DF}\u{00AE}\u{00A9}\u{2122}\u{0119}\u{00A8}\u{2260}\u{0123}\u{012E}\u{012F}\u{012A}\u{2264}\u{2265}\u{012B}\u{0136}\u{2202}\u{2211}\u{0142}\u{013B}\u{013C}\u{013D}\u{013E}\u{0139}\u{013A}\u{0145}\u{0146}\u{0143}\u{00AC}\u{221A}\u{0144}\u{0147}\u{2206}\u{00AB}\u{00BB}\u{2026}\u{00A0}\u{0148}\u{0150}\u{00D5}\u{0151}\u{014C}\u{2013}\u{2014}\u{201C}\u{201D}\u{2018}\u{2019}\u{00F7}\u{25CA}\u{014D}\u{0154}\u{0155}\u{0158}\u{2039}\u{203A}\u{0159}\u{0156}\u{0157}\u{0160}\u{201A}\u{201E}\u{0161}\u{015A}\u{015B}\u{00C1}\u{0164}\u{0165}\u{00CD}\u{017D}\u{017E}\u{016A}\u{00D3}\u{00D4}\u{016B}\u{016E}\u{00DA}\u{016F}\u{0170}\u{0171}\u{0172}\u{0173}\u{00DD}\u{00FD}\u{0137}\u{017B}\u{0141}\u{017C}\u{0122}\u{02C7}" },
    CodePage { name: "Windows-1250", upper: "\u{20AC}\u{FFFD}\u{201A}\u{FFFD}\u{201E}\u{2026}\u{2020}\u{2021}\u{FFFD}\u{2030}\u{0160}\u{2039}\u{015A}\u{0164}\u{017D}\u{0179}\u{FFFD}\u{2018}\u{2019}\u{201C}\u{201D}\u{2022}\u{2013}\u{2014}\u{FFFD}\u{2122}\u{0161}\u{203A}\u{015B}\u{0165}\u{017E}\u{017A}\u{00A0}\u{02C7}\u{02D8}\u{0141}\u{00A4}\u{0104}\u{00A6}\u{00A7}\u{00A8}\u{00A9}\u{015E}\u{00AB}\u{00AC}\u{00AD}\u{00AE}\u{017B}\u{00B0}\u{00B1}\u{02DB}\u{0142}\u{00B4}\u{00B5}\u{00B6}\u{00B7}\u{00B8}\u{0105}\u{015F}\u{00BB}\u{013D}\u{02DD}\u{013E}\u{017C}\u{0154}\u{00C1}\u{00C2}\u{0102}\u{00C4}\u{0139}\u{0106}\u{00C7}\u{010C}\u{00C9}\u{0118}\u{00CB}\u{011A}\u{00CD}\u{00CE}\u{010E}\u{0110}\u{0143}\u{0147}\u{00D3}\u{00D4}\u{0150}\u{00D6}\u{00D7}\u{0158}\u{016E}\u{00DA}\u{0170}\u{00DC}\u{00DD}\u{0162}\u{00DF}\u{0155}\u{00E1}\u{00E2}\u{0103}\u{00E4}\u{013A}\u{0107}\u{00E7}\u{010D}\u{00E9}\u{0119}\u{00EB}\u{011B}\u{00ED}\u{00EE}\u{010F}\u{0111}\u{0144}\u{0148}\u{00F3}\u{00F4}\u{0151}\u{00F6}\u{00F7}\u{0159}\u{016F}\u{00FA}\u{0171}\u{00FC}\u{00FD}\u{0163}\u{02D9}" },
    CodePage { name: "ISO-8859-1 (Latin-1)", upper: "\u{0080}\u{0081}\u{0082}\u{0083}\u{0084}\u{0085}\u{0086}\u{0087}\u{0088}\u{0089}\u{008A}\u{008B}\u{008C}\u{008D}\u{008E}\u{008F}\u{0090}\u{0091}\u{0092}\u{0093}\u{0094}\u{0095}\u{0096}\u{0097}\u{0098}\u{0099}\u{009A}\u{009B}\u{009C}\u{009D}\u{009E}\u{009F}\u{00A0}\u{00A1}\u{00A2}\u{00A3}\u{00A4}\u{00A5}\u{00A6}\u{00A7}\u{00A8}\u{00A9}\u{00AA}\u{00AB}\u{00AC}\u{00AD}\u{00AE}\u{00AF}\u{00B0}\u{00B1}\u{00B2}\u{00B3}\u{00B4}\u{00B5}\u{00B6}\u{00B7}\u{00B8}\u{00B9}\u{00BA}\u{00BB}\u{00BC}\u{00BD}\u{00BE}\u{00BF}\u{00C0}\u{00C1}\u{00C2}\u{00C3}\u{00C4}\u{00C5}\u{00C6}\u{00C7}\u{00C8}\u{00C9}\u{00CA}\u{00CB}\u{00CC}\u{00CD}\u{00CE}\u{00CF}\u{00D0}\u{00D1}\u{00D2}\u{00D3}\u{00D4}\u{00D5}\u{00D6}\u{00D7}\u{00D8}\u{00D9}\u{00DA}\u{00DB}\u{00DC}\u{00DD}\u{00DE}\u{00DF}\u{00E0}\u{00E1}\u{00E2}\u{00E3}\u{00E4}\u{00E5}\u{00E6}\u{00E7}\u{00E8}\u{00E9}\u{00EA}\u{00EB}\u{00EC}\u{00ED}\u{00EE}\u{00EF}\u{00F0}\u{00F1}\u{00F2}\u{00F3}\u{00F4}\u{00F5}\u{00F6}\u{00F7}\u{00F8}\u{00F9}\u{00FA}\u{00FB}\u{00FC}\u{00FD}\u{00FE}\u{00FF}" },
];

impl CodePage {
    /// Whether any table could hold a non-ASCII character: none holds one between U+2600 and
    /// U+F8FE or above U+FB02 (tested), so CJK text, most of an imported catalogue, needs no
    /// search through the tables.
    fn may_hold(c: char) -> bool {
        !(('\u{2600}'..'\u{F8FF}').contains(&c) || c > '\u{FB02}')
    }

    /// The byte this code page writes a character as, if it has one.
    fn byte_of(&self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return Some(c as u8);
        }
        if !Self::may_hold(c) {
            return None;
        }
        self.upper.chars().position(|u| u == c && u != '\u{FFFD}').map(|i| 0x80 + i as u8)
    }

    /// `text` with every mis-decoded sequence turned back into its character, and how many
    /// were; None when there is none (found without building anything).
    pub fn repair(&self, text: &str) -> Option<(String, usize)> {
        let mut out: Option<String> = None;
        let mut repaired = 0;
        let mut copied = 0;
        let mut i = 0;
        let bytes = text.as_bytes();
        while i < bytes.len() {
            // An ASCII character never begins a sequence.
            if bytes[i] < 0x80 {
                i += 1;
                continue;
            }
            match self.sequence_at(&text[i..]) {
                Some((c, taken)) => {
                    let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
                    out.push_str(&text[copied..i]);
                    out.push(c);
                    i += taken;
                    copied = i;
                    repaired += 1;
                }
                None => i += text[i..].chars().next().map_or(1, char::len_utf8),
            }
        }
        let mut out = out?;
        out.push_str(&text[copied..]);
        Some((out, repaired))
    }

    /// The character whose UTF-8 bytes the chars at the start of `rest` are, read as this code
    /// page, and how many bytes of `rest` that takes.
    fn sequence_at(&self, rest: &str) -> Option<(char, usize)> {
        let mut chars = rest.chars();
        let first = chars.next()?;
        let lead = self.byte_of(first)?;
        let len = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return None,
        };
        let mut bytes = [lead; 4];
        let mut taken = first.len_utf8();
        for byte in &mut bytes[1..len] {
            let c = chars.next().filter(|c| !c.is_ascii())?;
            *byte = self.byte_of(c)?;
            taken += c.len_utf8();
        }
        let decoded = std::str::from_utf8(&bytes[..len]).ok()?.chars().next()?;
        // A C1 control is no character anybody meant to write.
        (!decoded.is_control()).then_some((decoded, taken))
    }
}

/// A likely repair of mis-decoded text: the repaired text and the code page it went through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repair {
    pub text: String,
    pub code_page: &'static str,
}

/// The repair of `text`, if it holds mis-decoded sequences: by the code page that explains
/// the most of them (the first, on a tie).
pub fn detect(text: &str) -> Option<Repair> {
    // Only a character some table holds can be part of a sequence.
    if !text.chars().any(|c| !c.is_ascii() && CodePage::may_hold(c)) {
        return None;
    }
    CODE_PAGES
        .iter()
        .filter_map(|page| page.repair(text).map(|(fixed, count)| (count, fixed, page.name)))
        .fold(None, |best: Option<(usize, String, &str)>, candidate| match best {
            Some(b) if b.0 >= candidate.0 => Some(b),
            _ => Some(candidate),
        })
        .map(|(_, text, code_page)| Repair { text, code_page })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../tests/fixtures/seed.txt");

    #[test]
    fn no_table_holds_the_characters_byte_of_skips() {
        for page in CODE_PAGES {
            for c in page.upper.chars().filter(|&c| c != '\u{FFFD}') {
                assert!(!('\u{2600}'..'\u{F8FF}').contains(&c) && c <= '\u{FB02}', "{} holds {c:?}", page.name);
            }
        }
    }

    #[test]
    fn the_seed_went_through_mac_central_european() {
        for (scar, right) in [
            ("Will Metallic Rouge to have season 2?„ÄźRelease Date„ÄĎ", "Will Metallic Rouge to have season 2?【Release Date】"),
            ("in terms of source material¬Ļ. However", "in terms of source material¹. However"),
        ] {
            assert_eq!(detect(scar), Some(Repair { text: right.into(), code_page: "Mac Central European" }), "{scar}");
        }
        // Alone, "√°" is the same bytes in Mac Roman and its relatives: the text is sure, the page is not.
        assert_eq!(detect("Natalia Hern√°ndez").unwrap().text, "Natalia Hernández");
    }

    #[test]
    fn the_whole_seed_repairs_and_keeps_its_right_characters() {
        let repaired = detect(SEED).unwrap();
        assert_eq!(repaired.code_page, "Mac Central European");
        assert!(repaired.text.contains("【Release Date】") && repaired.text.contains("Hernández") && repaired.text.contains("material¹"));
        // Right all along: the apostrophes and the bullets.
        assert!(repaired.text.contains("You’ve come") && repaired.text.contains("  • Rouge Redstar: Yume Miyamoto"));
        for scar in ["„", "Ä", "ź", "√", "¬", "Ļ", "Ď"] {
            assert!(!repaired.text.contains(scar), "{scar} left");
        }
        assert_eq!(detect(&repaired.text), None, "repaired text is clean");
    }

    #[test]
    fn windows_1252_mojibake() {
        assert_eq!(detect("CafÃ© au lait").unwrap().text, "Café au lait");
        assert_eq!(detect("It‚Äôs").unwrap().text, "It’s");
        assert_eq!(detect("donâ€™t").unwrap(), Repair { text: "don’t".into(), code_page: "Windows-1252" });
    }

    #[test]
    fn right_text_is_left_alone() {
        for text in ["Hernández", "メタリックルージュ", "You’ve", "Café", "naïve — “quoted” • ¹", "Ærøskøbing", "Ã", "plain ascii"] {
            assert_eq!(detect(text), None, "{text}");
        }
    }
}
