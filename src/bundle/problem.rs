//! What is wrong with a file, and where: the one type every decoder and rule reports in. Its
//! own file, at the bottom of the bundle, so that the rules and the decoders that call them
//! import one way.

use std::fmt;

/// One thing wrong with a file: where (a JSON path such as `article.sections[2].heading`;
/// empty for the file as a whole or for broken JSON) and what. `position` is the line and
/// column serde stopped at, when it was serde that refused the file; the bundle tool finds the
/// others from the path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
    pub position: Option<(usize, usize)>,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { path: path.into(), message: message.into(), position: None }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.path.is_empty(), self.position) {
            (false, _) => write!(f, "{}: {}", self.path, self.message),
            (true, Some((line, column))) => write!(f, "line {line}, column {column}: {}", self.message),
            (true, None) => f.write_str(&self.message),
        }
    }
}
