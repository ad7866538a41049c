//! Whatever bytes a show file, the index or one of its parts holds, decoding, validating,
//! locating problems and detecting mis-decoded text return an answer: never a panic, never a
//! hang. The body, with its oracles, is `nextseason::bundle::fuzz_one` (src/bundle/fuzz.rs),
//! which `cargo test` also builds and runs (tests/fuzz_bodies.rs): keep this file to its call.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| nextseason::bundle::fuzz_one(data));
