//! Any bytes as a feed (RSS, Atom, JSON Feed): decoded as a `.xml` file is, then extracted item by item.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_model::{Format, RawDoc};

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = storyline_sources::decode_bytes(data, Format::Feed, "fuzz.xml") {
        let _ = storyline_extract::extract_each(&doc);
    }
    let doc = RawDoc {
        origin: "fuzz.xml".into(),
        format: Format::Feed,
        text: String::from_utf8_lossy(data).into_owned(),
    };
    let _ = storyline_extract::extract_each(&doc);
});
