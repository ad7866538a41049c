//! Whatever bytes a show file or the index holds, decoding, validating, locating problems and
//! detecting mis-decoded text return an answer: never a panic, never a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nextseason::{bundle, mojibake};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = bundle::decode_show(text, "fuzz");
    let _ = bundle::decode_catalogue(text);
    // The editor's tool: every problem of a bundle whose index and one show are this text.
    for located in bundle::check_bundle(Some(text), &[("fuzz.json".to_string(), text.to_string())]) {
        assert!(located.line >= 1 && located.column >= 1);
        assert!(!located.problem.message.is_empty());
    }
    let _ = bundle::value_positions(text);
    if let Some(repair) = mojibake::detect(text) {
        assert!(repair.text.chars().count() < text.chars().count());
    }
});
