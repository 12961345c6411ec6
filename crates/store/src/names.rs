//! The text names of model enums as stored in the denormalized columns. They match the model's
//! serde names (a test checks), so the columns and the JSON in `analyses` agree.

use storyline_model::{EntityType, Precision, Qualifier, QuoteKind};

/// `PER`, `ORG`, `LOC`, `MISC`.
pub(crate) fn entity_type(t: EntityType) -> &'static str {
    match t {
        EntityType::PER => "PER",
        EntityType::ORG => "ORG",
        EntityType::LOC => "LOC",
        EntityType::MISC => "MISC",
    }
}

/// `exact`, `more_than`, …
pub(crate) fn qualifier(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::MoreThan => "more_than",
        Qualifier::AtLeast => "at_least",
        Qualifier::About => "about",
        Qualifier::Nearly => "nearly",
        Qualifier::UpTo => "up_to",
        Qualifier::LessThan => "less_than",
    }
}

/// `direct`, `partial` or `indirect`.
pub(crate) fn quote_kind(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    }
}

/// The precision named by [`Precision::as_str`]; anything else reads as unknown.
pub(crate) fn precision(s: &str) -> Precision {
    match s {
        "day" => Precision::Day,
        "month" => Precision::Month,
        "year" => Precision::Year,
        _ => Precision::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_name<T: serde::Serialize>(v: T) -> String {
        serde_json::to_value(v)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    #[test]
    fn names_match_the_model_serde_names() {
        for t in [
            EntityType::PER,
            EntityType::ORG,
            EntityType::LOC,
            EntityType::MISC,
        ] {
            assert_eq!(entity_type(t), serde_name(t));
        }
        for q in [
            Qualifier::Exact,
            Qualifier::MoreThan,
            Qualifier::AtLeast,
            Qualifier::About,
            Qualifier::Nearly,
            Qualifier::UpTo,
            Qualifier::LessThan,
        ] {
            assert_eq!(qualifier(q), serde_name(q));
        }
        for k in [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect] {
            assert_eq!(quote_kind(k), serde_name(k));
        }
        for p in [
            Precision::Day,
            Precision::Month,
            Precision::Year,
            Precision::Unknown,
        ] {
            assert_eq!(precision(p.as_str()), p);
            assert_eq!(p.as_str(), serde_name(p));
        }
    }
}
