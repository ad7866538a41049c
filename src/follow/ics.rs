//! iCalendar's text form (RFC 5545 §3.1, §3.3.11): content lines ended by CRLF and folded at 75
//! octets, text values escaped.

/// A calendar being written, one content line at a time.
#[derive(Default)]
pub struct Lines(String);

impl Lines {
    /// `NAME:value` (or `NAME;PARAM=x:value`), the value as given: for values that are not text
    /// (dates, rules, URIs), which have no character to escape.
    pub fn raw(&mut self, name: &str, value: &str) {
        self.fold(&format!("{name}:{value}"));
    }

    /// A TEXT property: the value escaped.
    pub fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape_text(value));
    }

    pub fn finish(self) -> String {
        self.0
    }

    /// One content line, folded so that no line is longer than 75 octets: a fold is CRLF and a
    /// space, never inside a character's UTF-8 bytes.
    fn fold(&mut self, line: &str) {
        let mut width = 0;
        for c in line.chars() {
            let len = c.len_utf8();
            if width + len > 75 {
                self.0.push_str("\r\n ");
                // The space that starts the continuation counts towards its 75.
                width = 1;
            }
            self.0.push(c);
            width += len;
        }
        self.0.push_str("\r\n");
    }
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as
/// `\n`, other control characters (which a TEXT value cannot hold) dropped.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a, b; c\\d\ne\r"), "a\\, b\\; c\\\\d\\ne");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut lines = Lines::default();
        let title = "葬送のフリーレン".repeat(10);
        lines.text("SUMMARY", &title);
        let text = lines.finish();
        assert!(text.ends_with("\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        // Unfolded (RFC 5545 §3.1: remove each CRLF followed by one space), the value is whole.
        assert_eq!(text.replace("\r\n ", "").trim_end(), format!("SUMMARY:{title}"));
    }
}
