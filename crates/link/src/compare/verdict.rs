//! Same event? Same storyline? The similarity evidence, corrected by what the figures show
//! about time, and the actors the two articles share.

use storyline_model::EntityType;

use super::figures::{is_monotone, side_letter};
use super::{Actors, Progression};
use crate::similarity::{same_event, same_storyline, Evidence, EVENT_MAX_DAYS};

/// A cumulative toll from one source that grew by more than this (in per cent) between the two
/// articles shows they were written at different times, even when their dates are unknown.
const MAX_EVENT_GROWTH_PCT: f64 = 25.0;
/// Persons or organisations both articles name, for one storyline without term similarity.
const MIN_SHARED_ACTORS: usize = 2;
/// Shared content terms that make the shared actors' subject the same; one word in common can
/// be chance, two begin to name a subject.
const MIN_SHARED_TERMS: usize = 2;

/// The two booleans and their reasons.
pub(crate) struct Verdict {
    pub(crate) same_event: bool,
    pub(crate) same_storyline: bool,
    pub(crate) reasons: Vec<String>,
}

/// A cumulative toll from one source that grew beyond `MAX_EVENT_GROWTH_PCT`, in words.
fn time_gap_from_figures(progressions: &[Progression]) -> Option<String> {
    progressions
        .iter()
        .filter(|p| is_monotone(p.what) && p.earlier.is_some())
        .find(|p| p.growth_pct.is_some_and(|g| g > MAX_EVENT_GROWTH_PCT))
        .map(|p| {
            format!(
                "publication dates do not settle it, but the {} count of {} went from {} ({}) to {} ({}), {:+.0}%: \
                 the articles were written at different times, so not the same event",
                p.what.as_str(),
                p.source_key.as_deref().unwrap_or("one source"),
                p.from.value,
                side_letter(p.from.side),
                p.to.value,
                side_letter(p.to.side),
                p.growth_pct.unwrap_or_default()
            )
        })
}

/// Decides both questions from the evidence, the shared actors and the progressions.
pub(crate) fn decide(e: &Evidence, actors: &Actors, progressions: &[Progression]) -> Verdict {
    let mut reasons = vec![format!(
        "similarity {:.2} (terms {:.2}, entities {:.2}); shared entities: {}",
        e.score,
        e.term_cosine,
        e.entity_overlap,
        if e.shared_keys.is_empty() {
            "none".to_string()
        } else {
            e.shared_keys.join(", ")
        }
    )];
    let same_event_by_evidence = same_event(e);
    let same_event = match e.days_apart {
        Some(d) if d > EVENT_MAX_DAYS => {
            reasons.push(format!(
                "published {d} days apart (more than {EVENT_MAX_DAYS}): not the same event"
            ));
            false
        }
        Some(_) => {
            reasons.push(format!(
                "similarity says same event: {}",
                yes_no(same_event_by_evidence)
            ));
            same_event_by_evidence
        }
        None => match time_gap_from_figures(progressions) {
            Some(why) => {
                reasons.push(why);
                false
            }
            None => {
                reasons.push(format!(
                    "publication days unknown; similarity says same event: {}",
                    yes_no(same_event_by_evidence)
                ));
                same_event_by_evidence
            }
        },
    };
    let key_actors: Vec<&str> = actors
        .shared
        .iter()
        .filter(|s| matches!(s.kind, EntityType::PER | EntityType::ORG))
        .map(|s| s.key.as_str())
        .collect();
    let by_evidence = same_storyline(e);
    let by_actors =
        key_actors.len() >= MIN_SHARED_ACTORS && e.shared_terms.len() >= MIN_SHARED_TERMS;
    if by_evidence {
        reasons.push("similarity says same storyline".to_string());
    }
    if by_actors {
        let terms: Vec<&str> = e.shared_terms.iter().take(8).map(String::as_str).collect();
        reasons.push(format!(
            "same storyline: {} shared key actors ({}) and shared terms ({})",
            key_actors.len(),
            key_actors.join(", "),
            terms.join(", ")
        ));
    }
    if same_event && !(by_evidence || by_actors) {
        reasons.push("same event, hence same storyline".to_string());
    }
    let same_storyline = same_event || by_evidence || by_actors;
    if !same_storyline {
        reasons.push(format!(
            "not the same storyline: similarity too low and {} shared key actors, {} shared terms",
            key_actors.len(),
            e.shared_terms.len()
        ));
    }
    Verdict {
        same_event,
        same_storyline,
        reasons,
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}
