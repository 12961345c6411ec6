//! Datelines at the start of a body: `(Moscou)`, `MOSCOU —`, `MOSCOU (AFP) -`,
//! `WASHINGTON (Reuters) -`, `PARIS, 12 mars (Reuters) -`.

/// Longest dateline head considered, in characters: datelines are a place, a date and an agency.
const MAX_HEAD_CHARS: usize = 60;

/// Splits a paragraph into its dateline (as written, without brackets and dash) and the rest.
pub fn split(paragraph: &str) -> Option<(String, String)> {
    bracketed(paragraph).or_else(|| dashed(paragraph))
}

/// `(Moscou) La diplomatie…`: a short capitalised name in brackets opening the paragraph.
fn bracketed(paragraph: &str) -> Option<(String, String)> {
    let inner_and_rest = paragraph.strip_prefix('(')?;
    let close = inner_and_rest.find(')')?;
    let inner = inner_and_rest.get(..close)?.trim();
    let rest = inner_and_rest.get(close + 1..)?;
    let rest = rest
        .trim_start()
        .trim_start_matches(['—', '–', '-'])
        .trim_start();
    let name_like = inner.chars().count() <= MAX_HEAD_CHARS
        && inner.chars().next().is_some_and(char::is_uppercase)
        && !inner.contains(['(', '.', ':', ';']);
    (name_like && starts_sentence(rest)).then(|| (inner.to_string(), rest.to_string()))
}

/// `PLACE[, date] [(Agency)] — text`: the place in capitals before an em or en dash, or any
/// capitalised place when an agency in brackets follows it. A capitalised word before a plain
/// hyphen without an agency is a section kicker (`VIDÉO - `, `POLITIQUE - `), not a dateline.
fn dashed(paragraph: &str) -> Option<(String, String)> {
    let (head, dash, rest) = split_at_dash(paragraph)?;
    let head = head.trim();
    let (place_and_date, agency) = match head.strip_suffix(')') {
        Some(open_part) => {
            let open = open_part.rfind('(')?;
            let agency = open_part.get(open + 1..)?;
            (open_part.get(..open)?.trim(), Some(agency))
        }
        None => (head, None),
    };
    let place = place_and_date.split(',').next()?.trim();
    let agency_ok = agency
        .is_some_and(|a| a.chars().next().is_some_and(char::is_uppercase) && !a.contains('('));
    let capitals_ok = is_capitals(place) && dash != '-';
    let ok = is_place(place) && (capitals_ok || agency_ok) && (agency.is_none() || agency_ok);
    (ok && starts_sentence(rest)).then(|| (head.to_string(), rest.to_string()))
}

/// The text before and after the first dash that separates a dateline, and the dash: an em or
/// en dash, or a hyphen with a space before it (so `JEAN-PIERRE` is not split), near the start.
fn split_at_dash(paragraph: &str) -> Option<(&str, char, &str)> {
    for (i, c) in paragraph.char_indices().take(MAX_HEAD_CHARS + 2) {
        let is_dash = match c {
            '—' | '–' => true,
            '-' => paragraph
                .get(..i)
                .is_some_and(|h| h.ends_with(char::is_whitespace)),
            _ => false,
        };
        if is_dash {
            let rest = paragraph.get(i + c.len_utf8()..)?.trim_start();
            return Some((paragraph.get(..i)?, c, rest));
        }
    }
    None
}

/// One to five words of letters, spaces, hyphens, apostrophes or dots, starting with a capital.
fn is_place(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=5).contains(&words)
        && text.chars().next().is_some_and(char::is_uppercase)
        && text
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '-' | '\'' | '’' | '.'))
}

/// At least two letters, all of them capitals.
fn is_capitals(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase)
}

/// Text that can follow a dateline: it opens with a capital, a digit or an opening quote.
fn starts_sentence(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '«' | '"' | '“' | '‘')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Option<(String, String)> {
        split(text)
    }

    fn pair(dateline: &str, rest: &str) -> Option<(String, String)> {
        Some((dateline.to_string(), rest.to_string()))
    }

    #[test]
    fn dateline_forms() {
        assert_eq!(
            line("(Moscou) La diplomatie russe"),
            pair("Moscou", "La diplomatie russe")
        );
        assert_eq!(line("MOSCOU — Le Hamas"), pair("MOSCOU", "Le Hamas"));
        assert_eq!(
            line("MOSCOU (AFP) - Le Hamas"),
            pair("MOSCOU (AFP)", "Le Hamas")
        );
        assert_eq!(
            line("WASHINGTON (Reuters) - The talks"),
            pair("WASHINGTON (Reuters)", "The talks")
        );
        assert_eq!(
            line("PARIS, 12 mars (Reuters) - Le"),
            pair("PARIS, 12 mars (Reuters)", "Le")
        );
        assert_eq!(
            line("WASHINGTON — Michael Steele"),
            pair("WASHINGTON", "Michael Steele")
        );
        assert_eq!(
            line("Gaza (AFP) – « Nous »"),
            pair("Gaza (AFP)", "« Nous »")
        );
        assert_eq!(line("NEW YORK—The"), pair("NEW YORK", "The"));
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        for text in [
            "Le président — qui était absent — a parlé.",
            "JEAN-PIERRE a dit oui.",
            "(et non pas hier) le texte",
            "Une délégation du Hamas a atterri - selon RIA.",
            "ONU",
            "(Moscou)",
            "VIDÉO - Le ministre répond.",
            "FAIT DIVERS - Un homme interpellé.",
        ] {
            assert_eq!(line(text), None, "{text}");
        }
    }
}
