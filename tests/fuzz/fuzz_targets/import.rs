//! Whatever bytes bangumi-data's data.json, or one of its items, holds, the importer reads what
//! it can, every shard it writes is valid and every link it builds stays https on its site's
//! host. The body, with its oracles, is `nextseason::import::fuzz_one` (src/import/fuzz.rs),
//! which `cargo test` also builds and runs (tests/fuzz_bodies.rs): keep this file to its call.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| nextseason::import::fuzz_one(data));
