//! The two encodings, at their highest levels: brotli quality 11 and gzip level 9. Both are
//! deterministic (gzip's header carries no time or name), so a file gives the same twins on
//! every build.

use crate::rules::brotli_window;
use std::io::Write;

/// Brotli at quality 11, in the smallest standard window that holds the file.
pub fn brotli(data: &[u8]) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: brotli_window(data.len()),
        size_hint: data.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(data.len() / 4 + 64);
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).expect("brotli into memory cannot fail");
    out
}

/// Gzip at level 9 (flate2's pure-Rust deflate), modification time 0 and no file name.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::GzBuilder::new().mtime(0).write(Vec::with_capacity(data.len() / 3 + 64), flate2::Compression::new(9));
    encoder.write_all(data).expect("gzip into memory cannot fail");
    encoder.finish().expect("gzip into memory cannot fail")
}

/// Encodes with a twin's extension (`br` or `gz`).
pub fn encode(ext: &str, data: &[u8]) -> Vec<u8> {
    match ext {
        "br" => brotli(data),
        "gz" => gzip(data),
        _ => unreachable!("no encoding for .{ext}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn samples() -> Vec<Vec<u8>> {
        let page = "<!DOCTYPE html><html lang=\"en\"><title>Metallic Rouge</title><p>Will it get a season 2?</p></html>\n".repeat(40);
        let mut noise = Vec::new();
        let mut x = 0x2545_f491_u32;
        for _ in 0..5000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            noise.push(x as u8);
        }
        vec![Vec::new(), b"a".to_vec(), page.into_bytes(), "金属口红 — シーズン2 ".repeat(300).into_bytes(), noise]
    }

    #[test]
    fn brotli_decodes_to_the_original() {
        for data in samples() {
            let encoded = brotli(&data);
            let mut decoded = Vec::new();
            brotli::Decompressor::new(&encoded[..], 4096).read_to_end(&mut decoded).unwrap();
            assert_eq!(decoded, data);
        }
    }

    #[test]
    fn gzip_decodes_to_the_original() {
        for data in samples() {
            let encoded = gzip(&data);
            let mut decoded = Vec::new();
            flate2::read::GzDecoder::new(&encoded[..]).read_to_end(&mut decoded).unwrap();
            assert_eq!(decoded, data);
        }
    }

    #[test]
    fn text_shrinks_and_the_output_is_the_same_every_time() {
        let page = &samples()[2];
        for ext in ["br", "gz"] {
            let once = encode(ext, page);
            assert!(once.len() * 10 < page.len(), ".{ext}: {} of {}", once.len(), page.len());
            assert_eq!(once, encode(ext, page), ".{ext}");
        }
    }
}
