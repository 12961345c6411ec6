//! Scare quotes: a state or group name alone between quote marks ("‘Israël’"), a pattern
//! driven by data/lexicons/framing/patterns.toml and by the entities of the article.

use serde::Deserialize;
use storyline_model::{Entity, EntityType, FramingMark, Span};

use crate::lexicon;

#[derive(Deserialize)]
struct PatternsFile {
    scare_quotes: ScareFile,
}

#[derive(Deserialize)]
struct ScareFile {
    pairs: Vec<String>,
    types: Vec<EntityType>,
    keys: Vec<String>,
    category: String,
}

/// The scare-quote rule.
pub struct ScareQuotes {
    pairs: Vec<(char, char)>,
    types: Vec<EntityType>,
    keys: Vec<String>,
    category: String,
}

impl ScareQuotes {
    /// The bundled rule.
    pub fn bundled() -> Self {
        let file: PatternsFile = lexicon::bundled(
            "patterns.toml",
            include_str!("../../../../data/lexicons/framing/patterns.toml"),
        );
        let rule = file.scare_quotes;
        let pairs = rule
            .pairs
            .iter()
            .filter_map(|p| {
                let mut chars = p.chars();
                Some((chars.next()?, chars.next()?))
            })
            .collect();
        ScareQuotes {
            pairs,
            types: rule.types,
            keys: rule.keys,
            category: rule.category,
        }
    }

    /// Every mention of a listed entity type or key that stands alone between a pair of marks.
    pub fn find(&self, text: &str, entities: &[Entity]) -> Vec<FramingMark> {
        let mut marks = Vec::new();
        let listed = |e: &&Entity| self.types.contains(&e.kind) || self.keys.contains(&e.key);
        for entity in entities.iter().filter(listed) {
            for span in &entity.spans {
                if let Some(quoted) = self.enclosing(text, *span) {
                    marks.push(FramingMark {
                        term: quoted.slice(text).to_string(),
                        lemma: entity.key.clone(),
                        category: self.category.clone(),
                        span: quoted,
                    });
                }
            }
        }
        marks
    }

    /// The span of `span` with the pair of marks around it, when there is one.
    fn enclosing(&self, text: &str, span: Span) -> Option<Span> {
        let before = text.get(..span.start)?;
        let after = text.get(span.end..)?;
        let (open_at, open) = mark_before(before)?;
        let (close_len, close) = mark_after(after)?;
        self.pairs
            .contains(&(open, close))
            .then(|| Span::new(open_at, span.end + close_len))
    }
}

/// The mark right before a name, allowing one space: its byte position and char.
fn mark_before(before: &str) -> Option<(usize, char)> {
    let mut rev = before.char_indices().rev();
    let (i, c) = rev.next()?;
    if is_space(c) {
        let (j, m) = rev.next()?;
        return Some((j, m));
    }
    Some((i, c))
}

/// The mark right after a name, allowing one space: bytes up to its end and the char.
fn mark_after(after: &str) -> Option<(usize, char)> {
    let mut chars = after.char_indices();
    let (_, c) = chars.next()?;
    if is_space(c) {
        let (j, m) = chars.next()?;
        return Some((j + m.len_utf8(), m));
    }
    Some((c.len_utf8(), c))
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}
