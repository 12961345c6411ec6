//! The feed list: one feed URL per line; blank lines and `#` comments are ignored.

use std::path::Path;

use url::Url;

use crate::WatchError;

/// Reads the feed URLs of `path`, in order and without repeats. A line that is not an http(s)
/// URL is an error naming its line: a typo should not silently drop a feed.
pub fn read_feed_list(path: &Path) -> Result<Vec<String>, WatchError> {
    let fail = |reason: String| WatchError::FeedList {
        path: path.display().to_string(),
        reason,
    };
    let text = std::fs::read_to_string(path).map_err(|e| fail(e.to_string()))?;
    parse_feed_list(&text).map_err(fail)
}

/// The feed URLs of a list's text (see [`read_feed_list`]).
fn parse_feed_list(text: &str) -> Result<Vec<String>, String> {
    let mut feeds: Vec<String> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        // A comment may follow the URL on its line; '#' is only a comment after whitespace,
        // since it also starts URL fragments.
        let line = match line.find(" #").or_else(|| line.find("\t#")) {
            Some(at) => &line[..at],
            None => line,
        };
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let url = Url::parse(line).map_err(|e| format!("line {}: {line:?}: {e}", number + 1))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(format!(
                "line {}: {line:?}: only http and https feeds can be watched",
                number + 1
            ));
        }
        let url = url.to_string();
        if !feeds.contains(&url) {
            feeds.push(url);
        }
    }
    Ok(feeds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_comments_and_blank_lines() {
        let text = "# news\n\nhttps://ex.org/feed.xml  # the main one\n  http://ex.fr/rss#top\nhttps://ex.org/feed.xml\n";
        assert_eq!(
            parse_feed_list(text).ok(),
            Some(vec![
                "https://ex.org/feed.xml".to_string(),
                "http://ex.fr/rss#top".to_string()
            ])
        );
    }

    #[test]
    fn a_bad_line_is_named() {
        let err = parse_feed_list("https://ok.org/f\nnot a url\n").err();
        assert!(err.is_some_and(|e| e.starts_with("line 2: \"not a url\"")));
        let err = parse_feed_list("ftp://ex.org/f\n").err();
        assert!(err.is_some_and(|e| e.contains("only http and https")));
    }
}
