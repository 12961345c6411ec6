//! The fitted pair score across languages: a French and an English report of one event
//! score above the same French report and an English report of another event, through
//! the bilingual concept ids, names and numbers (the stems of two languages never match).

use storyline_analyze::Analyzer;
use storyline_link::similarity::features::FEATURE_NAMES;
use storyline_link::similarity::{pair_score, PairFeatures, Profile};
use storyline_model::{Analysis, Article};

fn analyze(analyzer: &Analyzer, id: &str, lang: &str, text: &str) -> Analysis {
    analyzer.analyze(&Article {
        id: id.to_string(),
        lang: Some(lang.to_string()),
        paragraphs: text.split("\n\n").map(str::to_string).collect(),
        ..Article::default()
    })
}

const FR: &str = "Une délégation du Hamas reçue à Moscou par le vice-ministre Bogdanov\n\n\
    Une délégation du Hamas conduite par Moussa Abou Marzouk a été reçue jeudi à Moscou par \
    le vice-ministre russe des Affaires étrangères Mikhaïl Bogdanov. Selon le ministère de la \
    Santé du Hamas, plus de 7 028 Palestiniens ont été tués dans la bande de Gaza depuis le \
    début de la guerre. Israël a dénoncé cette visite et demandé l'expulsion de la délégation.";

const EN_SAME: &str = "Hamas delegation holds talks in Moscow\n\n\
    A Hamas delegation led by Mousa Abu Marzouk met Russian deputy foreign minister Mikhail \
    Bogdanov in Moscow on Thursday. The Gaza health ministry said more than 7,028 Palestinians \
    had been killed in the war. Israel condemned the visit and demanded the expulsion of the \
    delegation from Russia.";

const EN_OTHER: &str = "Storm floods coastal towns in Florida\n\n\
    Heavy rain and strong winds flooded several coastal towns in Florida on Thursday, the \
    National Weather Service said. Schools were closed and thousands of homes lost power as \
    the storm moved north along the coast. Officials urged residents to stay indoors.";

#[test]
fn a_french_and_an_english_report_of_one_event_score_above_another_event() {
    let analyzer = Analyzer::new();
    let fr = analyze(&analyzer, "fr", "fr", FR);
    let same = analyze(&analyzer, "en-same", "en", EN_SAME);
    let other = analyze(&analyzer, "en-other", "en", EN_OTHER);
    let (s_same, s_other) = (pair_score(&fr, &same), pair_score(&fr, &other));
    assert!(
        s_same > s_other + 0.2,
        "same event {s_same:.3}, other event {s_other:.3}"
    );
    // The cross-language signals themselves, not only the fitted sum.
    let features = PairFeatures::between(&Profile::new(&fr), &Profile::new(&same));
    let value = |name: &str| {
        let i = FEATURE_NAMES.iter().position(|n| *n == name);
        i.and_then(|i| features.values.get(i).copied())
            .unwrap_or(f64::NAN)
    };
    assert_eq!(
        value("term_cosine"),
        0.0,
        "stems of two languages are not compared"
    );
    assert!(value("concept_cosine") > 0.2, "{features:?}");
    assert!(value("name_cosine") > 0.2, "{features:?}");
    assert!(value("number_dice") > 0.0, "{features:?}");
}

#[test]
fn the_score_is_symmetric_and_bounded() {
    let analyzer = Analyzer::new();
    let fr = analyze(&analyzer, "fr", "fr", FR);
    let same = analyze(&analyzer, "en-same", "en", EN_SAME);
    let (ab, ba) = (pair_score(&fr, &same), pair_score(&same, &fr));
    assert!((ab - ba).abs() < 1e-12, "{ab} vs {ba}");
    assert!((0.0..=1.0).contains(&ab));
    let itself = pair_score(&fr, &fr);
    assert!(
        itself >= ab,
        "an article with itself {itself}, with its translation {ab}"
    );
}
