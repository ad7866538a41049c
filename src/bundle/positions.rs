//! Where things are in a JSON text: the path of the value at a line and column (serde's errors
//! give a position, readers want a path), and the position of the value at each path (the tool
//! shows a line and column for every problem).

/// A container open at some point of a JSON text: an object with its current key, or an array
/// with its current index. Both JSON walkers below keep a stack of them.
#[derive(Clone)]
enum Frame {
    Object(Option<String>),
    Array(usize),
}

/// The JSON path a stack of open containers stands for: `cast[2].voices[0].actor`.
fn path_of(stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(index) => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// The JSON path (`cast[2].voices[0].actor.name`) of the value where serde_json stopped, from the
/// line and column it reports (1-based line, bytes from the line's start). Walks the text up to
/// there, keeping the stack of open objects (with their current key) and arrays (with their
/// current index).
///
/// serde_json reads on to an object's closing brace before it reports an error of the object's
/// last field: when the position follows a closing bracket, the path goes into what just closed,
/// to its last key or index, unless `about_container` (a missing field is the object's fault).
pub fn path_at(text: &str, line: usize, column: usize, about_container: bool) -> String {
    let line_start = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum::<usize>();
    let end = (line_start + column).min(text.len());
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut just_closed: Option<Frame> = None;
    let mut expecting_key = false;
    let mut i = 0;
    while i < end {
        let byte = bytes[i];
        if !byte.is_ascii_whitespace() {
            just_closed = None;
        }
        match byte {
            b'{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(0));
                expecting_key = false;
            }
            b'}' | b']' => {
                just_closed = stack.pop();
                expecting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                Some(Frame::Object(key)) => {
                    *key = None;
                    expecting_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if expecting_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        let raw = &text[start..i.min(text.len())];
                        *key = Some(serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string()));
                    }
                    expecting_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if !about_container {
        stack.extend(just_closed);
    }
    let path = path_of(&stack);
    if path.is_empty() {
        "(top level)".to_string()
    } else {
        path
    }
}

/// Where each value of a JSON text starts (1-based line and column, in characters), by path:
/// `""` for the whole, `article.sections[2].heading`. Unparseable text gives what it could.
pub fn value_positions(text: &str) -> std::collections::HashMap<String, (usize, usize)> {
    let mut positions = std::collections::HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let (mut line, mut column) = (1, 0);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
            column = 0;
            continue;
        }
        column += 1;
        let starts_value = !expecting_key && (matches!(c, '{' | '[' | '"' | '-' | 't' | 'f' | 'n') || c.is_ascii_digit());
        if starts_value {
            positions.entry(path_of(&stack)).or_insert((line, column));
        }
        match c {
            '{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            '[' => stack.push(Frame::Array(0)),
            '}' | ']' => {
                stack.pop();
            }
            ',' => match stack.last_mut() {
                Some(Frame::Array(i)) => *i += 1,
                Some(Frame::Object(key)) => {
                    *key = None;
                    expecting_key = true;
                }
                None => {}
            },
            '"' => {
                let mut raw = String::new();
                while let Some(d) = chars.next() {
                    column += 1;
                    match d {
                        '"' => break,
                        '\\' => {
                            raw.push(d);
                            if let Some(e) = chars.next() {
                                column += 1;
                                raw.push(e);
                            }
                        }
                        _ => raw.push(d),
                    }
                }
                if expecting_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        *key = Some(serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or(raw));
                    }
                    expecting_key = false;
                }
            }
            _ => {}
        }
    }
    positions
}

/// Whether `path` is `outer` or a path inside it: `cast[2].voices` is within `cast`.
pub(super) fn is_within(path: &str, outer: &str) -> bool {
    path.strip_prefix(outer).is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}
