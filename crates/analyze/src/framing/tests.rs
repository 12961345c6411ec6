use super::*;
use crate::entities::{Recognizer, RuleRecognizer};
use crate::seeds::seed;

fn marks(text: &str, lang: &str) -> Vec<FramingMark> {
    let doc = Doc::new(text);
    let entities = RuleRecognizer::bundled().recognize(&doc, lang);
    FramingLexicon::bundled().find(&doc, lang, &[], &entities)
}

fn categories(marks: &[FramingMark]) -> Vec<(&str, &str)> {
    marks
        .iter()
        .map(|m| (m.term.as_str(), m.category.as_str()))
        .collect()
}

#[test]
fn french_terms_match_with_inflection_and_longest_phrase() {
    let text = "Dix civils sont tombés en martyre près des colonies, selon la résistance.";
    let found = marks(text, "fr");
    assert_eq!(
        categories(&found),
        [
            ("tombés en martyre", "religious-martyrdom-term"),
            ("colonies", "settler-label-for-civilians"),
            ("résistance", "resistance-label"),
        ]
    );
    assert_eq!(found[0].lemma, "tombé en martyre");
    assert_eq!(found[0].span.slice(text), "tombés en martyre");
}

#[test]
fn english_terms_and_counting_qualifiers() {
    let found = marks(
        "The Hamas-run health ministry said settlers and hostages were among them.",
        "en",
    );
    assert_eq!(
        categories(&found),
        [
            ("Hamas-run", "counting-source-qualifier"),
            ("settlers", "settler-label-for-civilians"),
            ("hostages", "hostage-term"),
        ]
    );
}

#[test]
fn a_state_name_alone_in_quote_marks_is_a_scare_quote() {
    let found = marks(
        "Le gouvernement de ‘Israël’ a répondu à « Israël » et à l’Iran.",
        "fr",
    );
    let scare: Vec<&str> = found
        .iter()
        .filter(|m| m.category == "scare-quotes-state-name")
        .map(|m| m.term.as_str())
        .collect();
    assert_eq!(scare, ["‘Israël’", "« Israël »"]);
    assert!(found
        .iter()
        .all(|m| m.category != "scare-quotes-state-name" || m.lemma == "loc:israel"));
    let group = marks("Le ‘Hamas’ et “Fox News” ont parlé.", "fr");
    assert_eq!(
        categories(&group),
        [("‘Hamas’", "scare-quotes-state-name")],
        "listed groups only"
    );
    let en = marks("They called \"Israel\" a threat, said Israel.", "en");
    assert_eq!(categories(&en), [("\"Israel\"", "scare-quotes-state-name")]);
}

#[test]
fn languages_without_a_lexicon_get_only_patterns() {
    assert!(marks("Die Kolonisten und die Märtyrer.", "de").is_empty());
}

#[test]
fn user_lexicons_add_terms_and_bad_ones_say_why() {
    let mut lexicon = FramingLexicon::bundled();
    let user = r#"
        lang = "fr"
        [[entry]]
        category = "euphemism-for-death"
        terms = ["disparu", "nous a quittés"]
        note = "mine"
    "#;
    assert_eq!(lexicon.add_toml(user, "mine.toml").ok(), Some(2));
    let text = "Les disparues nous ont quittés, mais lui nous a quittés.";
    let doc = Doc::new(text);
    let found = lexicon.find(&doc, "fr", &[], &[]);
    assert_eq!(
        categories(&found),
        [
            ("disparues", "euphemism-for-death"),
            ("nous a quittés", "euphemism-for-death")
        ]
    );

    let bad_category = "lang = \"fr\"\n[[entry]]\ncategory = \"Biased Words\"\nterms = [\"x\"]\n";
    let err = lexicon
        .add_toml(bad_category, "bad.toml")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("bad.toml:") && err.contains("kebab-case"),
        "{err}"
    );
    let unknown_field =
        "lang = \"fr\"\n[[entry]]\ncategory = \"a\"\nterms = [\"x\"]\nexcat = true\n";
    assert!(lexicon.add_toml(unknown_field, "typo.toml").is_err());
    assert!(lexicon
        .add_toml("not toml at all [", "broken.toml")
        .is_err());
}

fn has(found: &[FramingMark], term: &str, category: &str) -> bool {
    found
        .iter()
        .any(|m| m.term == term && m.category == category)
}

#[test]
fn seed_000_has_its_framing_vocabulary() {
    let Some(text) = seed("000_bee2e0c6c9ed2ed4.txt") else {
        return;
    };
    let found = marks(&text, "fr");
    let expected = [
        ("tombés en martyre", "religious-martyrdom-term"),
        ("colons", "settler-label-for-civilians"),
        ("colonies", "settler-label-for-civilians"),
        ("agression", "aggression-label"),
        ("agressions", "aggression-label"),
        ("mouvement de résistance", "resistance-label"),
        ("occupée", "occupation-label"),
        ("autorités d’occupation", "occupation-label"),
        ("terroristes", "terrorism-label"),
        ("‘Israël’", "scare-quotes-state-name"),
        ("opération Déluge d’Al-Aqsa", "operation-name"),
        ("guerre israélienne contre", "war-label"),
    ];
    for (term, category) in expected {
        assert!(
            has(&found, term, category),
            "{term} {category}: {:?}",
            categories(&found)
        );
    }
    assert_eq!(
        found
            .iter()
            .filter(|m| m.category == "scare-quotes-state-name")
            .count(),
        2
    );
}

#[test]
fn seed_003_has_its_framing_vocabulary() {
    let Some(text) = seed("003_416032a989ebdd06.txt") else {
        return;
    };
    let found = marks(&text, "fr");
    for (term, category) in [
        ("otages", "hostage-term"),
        ("commandos", "commando-label"),
        ("islamistes", "islamist-label"),
        (
            "ministère de la Santé du Hamas",
            "counting-source-qualifier",
        ),
    ] {
        assert!(
            has(&found, term, category),
            "{term} {category}: {:?}",
            categories(&found)
        );
    }
}
