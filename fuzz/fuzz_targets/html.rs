//! Any bytes as an HTML page: decoded as `storyline ingest` decodes a `.html` file, and also taken
//! as they are (lossy UTF-8) so that text the decoder refuses still reaches the extractor.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_model::{Format, RawDoc};

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = storyline_sources::decode_bytes(data, Format::Html, "fuzz.html") {
        let _ = storyline_extract::extract_each(&doc);
    }
    let doc = RawDoc {
        origin: "fuzz.html".into(),
        format: Format::Html,
        text: String::from_utf8_lossy(data).into_owned(),
    };
    let _ = storyline_extract::extract_each(&doc);
});
