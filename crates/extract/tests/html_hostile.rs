//! Hostile HTML: huge pages, absurd nesting, wrong charsets. Each must give an article or a
//! clear error, quickly, and never a panic or a stack overflow.

use std::time::{Duration, Instant};

use storyline_extract::extract;
use storyline_model::{Format, RawDoc};

fn html(text: String) -> RawDoc {
    RawDoc {
        origin: "hostile.html".into(),
        format: Format::Html,
        text,
    }
}

/// Runs `f` on a thread with a small stack (256 KiB), so that a recursive walk over a deep
/// tree shows here as an overflow rather than passing on the main thread's large stack.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .expect("a thread")
        .join()
        .expect("no panic and no stack overflow")
}

#[test]
fn ten_thousand_nested_elements_are_walked_without_recursion() {
    let depth = 10_000;
    let mut page = String::from("<html><head><title>Deep</title></head><body>");
    for _ in 0..depth {
        page.push_str("<div class=\"wrap\">");
    }
    page.push_str(
        "<p>The text at the bottom of a very deep page, long enough to be an article.</p>",
    );
    for _ in 0..depth {
        page.push_str("</div>");
    }
    page.push_str("</body></html>");
    let articles = on_small_stack(move || extract(&html(page)));
    let article = articles.expect("an article").remove(0);
    assert!(article
        .paragraphs
        .iter()
        .any(|p| p.contains("bottom of a very deep page")));
}

#[test]
fn deep_unclosed_inline_nesting_is_survived() {
    // Unclosed inline elements: the parser's adoption agency and our walks must both cope.
    let page = format!(
        "<html><body><p>{}Texte enfoui sous des milliers de balises jamais fermées.</p></body></html>",
        "<b><i><span><a href=\"#\">".repeat(2_500)
    );
    let result = on_small_stack(move || extract(&html(page)));
    // Either an article or an error naming the file: never a crash.
    if let Err(e) = result {
        assert!(e.to_string().starts_with("hostile.html:"), "{e}");
    }
}

/// 50 MB in release builds (`cargo test --release`, where it takes a few seconds); 10 MB in
/// debug builds, whose HTML parser is some twenty times slower, to keep the test suite quick.
const HUGE: usize = if cfg!(debug_assertions) { 10 } else { 50 } * 1024 * 1024;

#[test]
fn a_fifty_megabyte_page_is_read_in_seconds() {
    let paragraph = "<p>Un paragraphe ordinaire d'un article de presse, avec des virgules, des chiffres (3 000) et un <a href=\"/lien\">lien</a>.</p>\n";
    let nav = "<nav><ul><li><a href=\"/a\">Accueil</a></li><li><a href=\"/b\">Monde</a></li></ul></nav>\n";
    let mut page = String::with_capacity(HUGE + 1024);
    page.push_str("<html><head><title>Énorme</title></head><body><article>");
    while page.len() < HUGE {
        page.push_str(paragraph);
        page.push_str(nav);
    }
    page.push_str("</article></body></html>");
    let started = Instant::now();
    let article = extract(&html(page)).expect("an article").remove(0);
    let spent = started.elapsed();
    assert!(article.paragraphs.len() > HUGE / 1000);
    assert!(!article.paragraphs.iter().any(|p| p == "Accueil"));
    // Generous for a shared machine: the point is seconds, not minutes.
    assert!(spent < Duration::from_secs(60), "took {spent:?}");
}

#[test]
fn a_wrong_declared_charset_still_gives_text() {
    // Declared windows-1251 but written in UTF-8: decoding is upstream's job (sources); the
    // page must come out as an article whatever characters it ends up with.
    let bytes = "<html><head><meta charset=\"windows-1251\"></head><body><p>Le président a déclaré « non » à la réforme des retraites, jeudi à Paris.</p></body></html>".as_bytes();
    let doc = storyline_sources::decode_bytes(bytes, Format::Html, "wrong-charset.html")
        .expect("decodes");
    let article = extract(&doc).expect("an article").remove(0);
    assert!(article.paragraphs[0].contains("jeudi"));
}

#[test]
fn pages_without_text_are_a_clear_error() {
    for page in [
        "",
        "<html></html>",
        "<script>var a = '<p>not text</p>';</script>",
        "\u{0}\u{1}<<<>>>",
    ] {
        let err = extract(&html(page.to_string())).expect_err("no text");
        assert_eq!(err.to_string(), "hostile.html: no article text");
    }
}
