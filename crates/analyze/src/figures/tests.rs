//! Tests of figures: sentences written for these tests (facts real-world-like, wording ours),
//! and the acceptance case of the two seeds.

use storyline_model::{Precision, Published};

use super::*;
use crate::seeds::{body, seed};
use crate::times::TimeRules;

fn figures_at(text: &str, lang: &str, published: &Published) -> Vec<Figure> {
    let doc = Doc::new(text);
    let times = TimeRules::bundled().find(&doc, lang, published);
    FigureRules::bundled().find(&doc, lang, &times, &[])
}

fn figures(text: &str, lang: &str) -> Vec<Figure> {
    figures_at(text, lang, &Published::default())
}

fn only(text: &str, lang: &str) -> Figure {
    let found = figures(text, lang);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().unwrap_or_else(|| unreachable!())
}

fn values(found: &[Figure]) -> Vec<f64> {
    found.iter().map(|f| f.value).collect()
}

#[test]
fn french_count_with_qualifier_kind_place_and_source() {
    let f = only(
        "Au moins 35 personnes ont été tuées à Khartoum, selon le ministère soudanais de la Santé.",
        "fr",
    );
    assert_eq!(
        (f.value, f.qualifier, f.what),
        (35.0, Qualifier::AtLeast, FigureKind::Killed)
    );
    assert_eq!(f.who.as_deref(), Some("personnes"));
    assert_eq!(f.place.as_deref(), Some("Khartoum"));
    assert_eq!(
        f.source.as_deref(),
        Some("selon le ministère soudanais de la Santé")
    );
    assert_eq!(
        f.source_key, None,
        "no alias for this ministry: no key is guessed"
    );
    assert_eq!(
        f.span.slice("Au moins 35 personnes ont"),
        "Au moins 35 personnes"
    );
}

#[test]
fn french_qualifiers_and_kinds() {
    let cases: &[(&str, f64, Qualifier, FigureKind)] = &[
        (
            "Près de 1.400 migrants ont disparu en Méditerranée.",
            1400.0,
            Qualifier::Nearly,
            FigureKind::Missing,
        ),
        (
            "Environ 12 000 habitants ont été déplacés.",
            12000.0,
            Qualifier::About,
            FigureKind::Displaced,
        ),
        (
            "Plus de 18 000 blessés ont été soignés.",
            18000.0,
            Qualifier::MoreThan,
            FigureKind::Injured,
        ),
        (
            "Le mouvement détient encore quelque 130 otages.",
            130.0,
            Qualifier::About,
            FigureKind::Hostages,
        ),
        (
            "Jusqu'à 300 soldats ont été capturés.",
            300.0,
            Qualifier::UpTo,
            FigureKind::Captured,
        ),
        (
            "Moins de 50 manifestants ont été interpellés.",
            50.0,
            Qualifier::LessThan,
            FigureKind::Arrested,
        ),
        (
            "Deux policiers ont été blessés.",
            2.0,
            Qualifier::Exact,
            FigureKind::Injured,
        ),
        (
            "Vingt-trois soldats sont morts.",
            23.0,
            Qualifier::Exact,
            FigureKind::Killed,
        ),
        (
            "Des dizaines de blessés ont afflué.",
            20.0,
            Qualifier::AtLeast,
            FigureKind::Injured,
        ),
        (
            "Une centaine de familles ont fui.",
            100.0,
            Qualifier::About,
            FigureKind::Displaced,
        ),
        (
            "Le chômage a reculé de 0,3 % au trimestre.",
            0.3,
            Qualifier::Exact,
            FigureKind::Percent,
        ),
        (
            "La hausse atteint 12 pour cent.",
            12.0,
            Qualifier::Exact,
            FigureKind::Percent,
        ),
        (
            "On compte 1,4 million de réfugiés.",
            1_400_000.0,
            Qualifier::Exact,
            FigureKind::Displaced,
        ),
        (
            "Le pays a accueilli 250 visiteurs.",
            250.0,
            Qualifier::Exact,
            FigureKind::Other,
        ),
    ];
    for (text, value, qualifier, what) in cases {
        let f = only(text, "fr");
        assert_eq!(
            (f.value, f.qualifier, f.what),
            (*value, *qualifier, *what),
            "{text}"
        );
    }
}

#[test]
fn french_money() {
    let f = only(
        "Le gouvernement débloque 400 millions d'euros pour les hôpitaux.",
        "fr",
    );
    assert_eq!(
        (f.value, f.what, f.unit.as_deref()),
        (4e8, FigureKind::Money, Some("EUR"))
    );
    let f = only("Le plan coûte 3,5 milliards d'euros.", "fr");
    assert_eq!(f.value, 3.5e9);
}

#[test]
fn ranges() {
    let f = only("Entre 30 et 40 manifestants ont été interpellés.", "fr");
    assert_eq!(
        (f.value, f.low, f.high, f.what),
        (30.0, Some(30.0), Some(40.0), FigureKind::Arrested)
    );
    assert_eq!(
        f.span.slice("Entre 30 et 40 manifestants ont"),
        "Entre 30 et 40 manifestants"
    );
    let f = only("Between 30 and 40 protesters were arrested.", "en");
    assert_eq!((f.low, f.high), (Some(30.0), Some(40.0)));
    let f = only("Some 30-40 homes were destroyed.", "en");
    assert_eq!(
        (f.low, f.high, f.qualifier),
        (Some(30.0), Some(40.0), Qualifier::About)
    );
    let f = only("De 30 à 40 maisons ont brûlé.", "fr");
    assert_eq!(f.high, Some(40.0));
    let f = only("On a retrouvé entre dix et douze cadavres.", "fr");
    assert_eq!(
        (f.low, f.high, f.what),
        (Some(10.0), Some(12.0), FigureKind::Killed)
    );
    let f = only("Un accord entre trois organisations.", "fr");
    assert_eq!(
        (f.high, f.span.slice("Un accord entre trois organisations.")),
        (None, "trois organisations")
    );
}

#[test]
fn parts_of_a_total() {
    let found = figures(
        "Plus de 500 civils ont été tués, dont 120 enfants et 80 femmes.",
        "fr",
    );
    assert_eq!(values(&found), [500.0, 120.0, 80.0]);
    assert_eq!(
        found.iter().map(|f| f.part_of).collect::<Vec<_>>(),
        [None, Some(0), Some(0)]
    );
    assert!(
        found.iter().all(|f| f.what == FigureKind::Killed),
        "{found:#?}"
    );
    let found = figures(
        "The Gaza health ministry said 11,000 people had been killed, including 4,500 children.",
        "en",
    );
    assert_eq!(values(&found), [11000.0, 4500.0]);
    assert_eq!(found.get(1).and_then(|f| f.part_of), Some(0));
    assert_eq!(found.get(1).map(|f| f.what), Some(FigureKind::Killed));
    assert!(found
        .iter()
        .all(|f| f.source_key.as_deref() == Some("org:gaza-health-ministry")));
    let found = figures("On déplore 500 décès et 12 000 cas confirmés.", "fr");
    assert_eq!(
        found.get(1).map(|f| f.what),
        Some(FigureKind::Other),
        "a kind word does not cross a join"
    );
    let found = figures(
        "Le virus a contaminé 597 personnes à Pékin et fait neuf morts.",
        "fr",
    );
    assert_eq!(values(&found), [597.0, 9.0]);
    assert_eq!(
        found.iter().map(|f| f.what).collect::<Vec<_>>(),
        [FigureKind::Other, FigureKind::Killed]
    );
    let found = figures("On compte 109 802 décès pour 1 920 061 cas.", "fr");
    assert_eq!(
        found.iter().map(|f| f.what).collect::<Vec<_>>(),
        [FigureKind::Killed, FigureKind::Other]
    );
    let found = figures("Dix morts, dont deux enfants, et 30 autres blessés.", "fr");
    assert_eq!(
        found.iter().map(|f| f.part_of).collect::<Vec<_>>(),
        [None, Some(0), None]
    );
}

#[test]
fn english_counts() {
    let f = only(
        "At least 25 people were killed in Kharkiv, the regional governor said.",
        "en",
    );
    assert_eq!(
        (f.value, f.qualifier, f.what),
        (25.0, Qualifier::AtLeast, FigureKind::Killed)
    );
    assert_eq!(
        (f.place.as_deref(), f.source.as_deref()),
        (Some("Kharkiv"), Some("the regional governor said"))
    );
    let f = only("More than 1,200 were wounded overnight.", "en");
    assert_eq!(
        (f.value, f.qualifier, f.what, f.who.as_deref()),
        (1200.0, Qualifier::MoreThan, FigureKind::Injured, None)
    );
    let f = only("Twelve soldiers died in the ambush.", "en");
    assert_eq!((f.value, f.what), (12.0, FigureKind::Killed));
    let f = only("Dozens of people were injured.", "en");
    assert_eq!(
        (f.value, f.qualifier, f.what),
        (24.0, Qualifier::AtLeast, FigureKind::Injured)
    );
    let f = only("The fund holds $2.5bn in reserves.", "en");
    assert_eq!(
        (f.value, f.what, f.unit.as_deref()),
        (2.5e9, FigureKind::Money, Some("USD"))
    );
    let f = only(
        "Nearly 90% of the population has been displaced, according to the UN agency.",
        "en",
    );
    assert_eq!(
        (f.value, f.qualifier, f.what),
        (90.0, Qualifier::Nearly, FigureKind::Percent)
    );
    assert_eq!(f.source.as_deref(), Some("according to the UN agency"));
    let f = only("Militants still hold some 240 hostages.", "en");
    assert_eq!(
        (f.qualifier, f.what),
        (Qualifier::About, FigureKind::Hostages)
    );
    let f = only("The attack killed 25 in the north.", "en");
    assert_eq!((f.value, f.what, f.who), (25.0, FigureKind::Killed, None));
    let f = only("The city had 1.4 million residents.", "en");
    assert_eq!(f.value, 1_400_000.0);
}

#[test]
fn things_that_are_not_figures() {
    let fr =
        "L'article 49.3 a été utilisé le 7 octobre 2023 à 10h30 par la Première ministre, âgée de 62 ans, \
              lors de la 2e lecture. Le Covid-19 et le G7 ont occupé le numéro 2 du parti en 2024. \
              Le score était de 2-1. Appelez le 01 23 45 67 89. Le 1er mai, rien.";
    assert_eq!(figures(fr, "fr"), []);
    let en = "The 45-year-old man, who came 2nd in 2019, was seen at 10:30 on October 7 with a Boeing 737 \
              and an F-16. Section 230 applies. The final score was 3-1.";
    assert_eq!(figures(en, "en"), []);
    let years = "The 2008 campaign and the 2012 election cycle ended. He was the No. 3 Democrat.";
    assert_eq!(figures(years, "en"), []);
    assert_eq!(
        values(&figures("Plus de 2000 manifestants et 2000 morts.", "fr")),
        [2000.0, 2000.0]
    );
    assert_eq!(
        figures("Un homme a été vu.", "fr"),
        [],
        "an article is not a number"
    );
}

#[test]
fn unattributed_figures_have_no_source() {
    let f = only("Quelque 200 maisons ont été détruites à Rafah.", "fr");
    assert_eq!((f.source, f.source_key), (None, None));
}

#[test]
fn a_far_attribution_to_the_right_is_not_the_source() {
    let long = "Le pays compte 15 000 décès depuis le début de l'épidémie et les hôpitaux de la capitale \
                restent saturés tandis que le secteur touristique reste à l'arrêt dans la plupart des régions \
                du nord comme du sud du pays depuis les premières semaines du printemps dernier et jusqu'à \
                maintenant encore, a déclaré la directrice, qui parlait des hôtels fermés.";
    assert_eq!(Doc::new(long).sentences.len(), 1);
    let found = figures(long, "fr");
    assert_eq!(values(&found), [15000.0]);
    assert_eq!(found.first().and_then(|f| f.source.clone()), None);
    // The same attribution closing the sentence governs all of it.
    let closing = long.replace(", qui parlait des hôtels fermés", "");
    assert_eq!(
        figures(&closing, "fr")
            .first()
            .and_then(|f| f.source.as_deref()),
        Some("a déclaré la directrice")
    );
    let near = "Le pays compte 15 000 décès, a déclaré la directrice.";
    assert_eq!(
        figures(near, "fr")
            .first()
            .and_then(|f| f.source.as_deref()),
        Some("a déclaré la directrice")
    );
}

#[test]
fn continuation_takes_the_previous_source() {
    let found = figures(
        "Le bilan atteint 42 morts, selon la Protection civile. Parmi eux, 15 enfants.",
        "fr",
    );
    assert_eq!(values(&found), [42.0, 15.0]);
    assert!(
        found
            .iter()
            .all(|f| f.source.as_deref() == Some("selon la Protection civile")),
        "{found:#?}"
    );
    let found = figures(
        "Le bilan atteint 42 morts, selon la Protection civile. Un pont a cédé sous 15 camions.",
        "fr",
    );
    assert_eq!(found.get(1).and_then(|f| f.source.clone()), None);
}

#[test]
fn as_of_comes_from_a_dated_attribution() {
    // 2024-01-19 is a Friday; "mardi" is the 16th.
    let published = Published {
        value: Some("2024-01-19".into()),
        precision: Precision::Day,
        from: "test".into(),
    };
    let found = figures_at(
        "Selon le bilan publié mardi par l'ONU, 300 personnes sont mortes.",
        "fr",
        &published,
    );
    assert_eq!(
        found.first().and_then(|f| f.as_of.as_deref()),
        Some("2024-01-16")
    );
    let found = figures_at(
        "Au 19 janvier, 300 personnes sont mortes, selon l'ONU.",
        "fr",
        &published,
    );
    assert_eq!(
        found.first().and_then(|f| f.as_of.as_deref()),
        Some("2024-01-19")
    );
    let found = figures_at(
        "Mardi, 300 personnes sont mortes, selon l'ONU.",
        "fr",
        &published,
    );
    assert_eq!(
        found.first().and_then(|f| f.as_of.clone()),
        None,
        "a time of the event is not an as-of date"
    );
}

#[test]
fn entities_keep_names_out_and_give_places() {
    use storyline_model::{Entity, EntityType};
    let text = "L'Airbus A 320 de Paris a transporté 180 passagers vers la ville de Lyon.";
    let doc = Doc::new(text);
    let span = |w: &str| {
        text.find(w)
            .map(|s| Span::new(s, s + w.len()))
            .unwrap_or_else(|| panic!("{w}"))
    };
    let entities = [
        Entity {
            text: "A 320".into(),
            kind: EntityType::MISC,
            key: "misc:a320".into(),
            spans: vec![span("A 320")],
        },
        Entity {
            text: "Lyon".into(),
            kind: EntityType::LOC,
            key: "loc:lyon".into(),
            spans: vec![span("Lyon")],
        },
    ];
    let found = FigureRules::bundled().find(&doc, "fr", &[], &entities);
    assert_eq!(values(&found), [180.0]);
    assert_eq!(found.first().and_then(|f| f.place.as_deref()), Some("Lyon"));
}

#[test]
fn a_place_after_a_preposition_wins_over_a_nearer_party() {
    use storyline_model::{Entity, EntityType};
    let text = "La guerre à Gaza entre Israël et le Hamas a fait 500 morts.";
    let doc = Doc::new(text);
    let loc = |w: &str| {
        let start = text.find(w).unwrap_or(0);
        Entity {
            text: w.into(),
            kind: EntityType::LOC,
            key: format!("loc:{w}"),
            spans: vec![Span::new(start, start + w.len())],
        }
    };
    let found = FigureRules::bundled().find(&doc, "fr", &[], &[loc("Gaza"), loc("Israël")]);
    assert_eq!(found.first().and_then(|f| f.place.as_deref()), Some("Gaza"));
}

#[test]
fn a_person_after_a_is_not_a_place() {
    use storyline_model::{Entity, EntityType};
    let text = "Le parti a promis 300 logements à Vladimir Poutine.";
    let doc = Doc::new(text);
    let start = text.find("Vladimir").unwrap_or(0);
    let person = Entity {
        text: "Vladimir Poutine".into(),
        kind: EntityType::PER,
        key: "per:poutine".into(),
        spans: vec![Span::new(start, start + "Vladimir Poutine".len())],
    };
    let rules = FigureRules::bundled();
    let with = rules.find(&doc, "fr", &[], &[person]);
    assert_eq!(with.first().map(|f| f.place.clone()), Some(None));
    let without = rules.find(&doc, "fr", &[], &[]);
    assert_eq!(
        without.first().and_then(|f| f.place.as_deref()),
        Some("Vladimir Poutine"),
        "the fallback cannot tell"
    );
}

#[test]
fn money_and_percent_count_no_one() {
    let f = only(
        "Une enveloppe de 100 millions d'euros celle-ci a été votée.",
        "fr",
    );
    assert_eq!((f.who, f.what), (None, FigureKind::Money));
    let f = only("Le conseil compte 101 élus dimanche soir.", "fr");
    assert_eq!(
        f.who.as_deref(),
        Some("élus"),
        "a time expression ends the counted phrase"
    );
}

#[test]
fn other_languages_and_odd_text_do_not_panic() {
    assert_eq!(figures("Mindestens 35 Menschen wurden getötet.", "de"), []);
    for text in [
        "",
        "12",
        "plus de",
        "entre 3 et",
        "1,,2 ,3 . 4 -",
        "$",
        "€ 5",
        "dont 3",
        "99999999999999999999999 morts",
    ] {
        let _ = figures(text, "fr");
        let _ = figures(text, "en");
    }
}

#[test]
fn seed_000_acceptance() {
    let Some(raw) = seed("000_bee2e0c6c9ed2ed4.txt") else {
        return;
    };
    let published = Published {
        value: Some("2023-10".into()),
        precision: Precision::Month,
        from: "header".into(),
    };
    let found = figures_at(body(&raw), "fr", &published);
    assert_eq!(
        values(&found),
        [1400.0, 200.0, 7028.0, 2913.0, 18000.0],
        "{found:#?}"
    );
    let [settlers, captured, killed, children, injured] = found.as_slice() else {
        unreachable!()
    };
    assert_eq!(
        (settlers.what, settlers.who.as_deref()),
        (FigureKind::Killed, Some("colons et soldats israéliens"))
    );
    assert_eq!(
        (settlers.source.as_deref(), captured.source.as_deref()),
        (None, None)
    );
    assert_eq!(captured.what, FigureKind::Captured);
    assert_eq!(
        (killed.what, killed.qualifier, killed.who.as_deref()),
        (
            FigureKind::Killed,
            Qualifier::MoreThan,
            Some("Palestiniens")
        )
    );
    let source = Some("selon le ministère palestinien de la Santé");
    for f in [killed, children, injured] {
        assert_eq!(f.source.as_deref(), source);
        assert_eq!(f.source_key.as_deref(), Some("org:gaza-health-ministry"));
    }
    assert_eq!(
        (children.part_of, children.what, children.who.as_deref()),
        (Some(2), FigureKind::Killed, Some("enfants"))
    );
    assert_eq!(
        (injured.what, injured.qualifier, injured.part_of),
        (FigureKind::Injured, Qualifier::MoreThan, None)
    );
}

#[test]
fn seed_003_acceptance() {
    let Some(raw) = seed("003_416032a989ebdd06.txt") else {
        return;
    };
    let found = figures(&raw, "fr");
    assert_eq!(values(&found), [24762.0, 1140.0], "{found:#?}");
    let [war, attack] = found.as_slice() else {
        unreachable!()
    };
    assert_eq!(
        (war.what, war.qualifier, war.who.as_deref()),
        (FigureKind::Killed, Qualifier::Exact, Some("personnes"))
    );
    assert_eq!(
        war.source.as_deref(),
        Some("selon le bilan publié vendredi par le ministère de la Santé du Hamas")
    );
    assert_eq!(war.source_key.as_deref(), Some("org:gaza-health-ministry"));
    assert_eq!(war.place.as_deref(), Some("Gaza"));
    assert_eq!(
        (attack.what, attack.qualifier),
        (FigureKind::Killed, Qualifier::About)
    );
    assert_eq!(
        attack.source.as_deref(),
        Some("selon un décompte de l’AFP réalisé à partir de données officielles israéliennes")
    );
    assert_eq!(attack.source_key.as_deref(), Some("org:afp"));
}

#[test]
fn two_counts_in_one_sentence_keep_their_own_sources() {
    let found = figures(
        "Selon le ministère de l'Intérieur, 1,28 million de personnes ont manifesté mardi, \
         tandis que la CGT a compté 3,5 millions de manifestants.",
        "fr",
    );
    let source = |v: f64| {
        found
            .iter()
            .find(|f| f.value == v)
            .and_then(|f| f.source.clone())
    };
    assert_eq!(
        source(1_280_000.0).as_deref(),
        Some("Selon le ministère de l'Intérieur")
    );
    assert_eq!(source(3_500_000.0).as_deref(), Some("la CGT a compté"));
    let found = figures(
        "Police said 12,000 people marched, while organisers claimed 40,000 marchers.",
        "en",
    );
    let source = |v: f64| {
        found
            .iter()
            .find(|f| f.value == v)
            .and_then(|f| f.source.clone())
    };
    assert_eq!(source(12_000.0).as_deref(), Some("Police said"));
    assert_eq!(source(40_000.0).as_deref(), Some("organisers claimed"));
}

#[test]
fn a_written_minus_sign_makes_the_value_negative() {
    let f = only("Le solde des admissions est de - 12 patients.", "fr");
    assert_eq!(f.value, -12.0);
    let found = figures("Le candidat recule à 21 % (-4 points).", "fr");
    assert_eq!(values(&found), [21.0, -4.0]);
    let found = figures("Sa cote baisse encore (29 %, -3 points).", "fr");
    assert_eq!(values(&found), [29.0, -3.0]);
    let found = figures("Le Covid-19 a fait 30 morts.", "fr");
    assert_eq!(values(&found), [30.0], "a hyphen inside a name is no sign");
}

#[test]
fn physical_measures_and_periods_are_not_counts() {
    assert!(figures("Le village est à 35 km de la ville.", "fr").is_empty());
    assert!(figures("Une tour de 300 mètres domine le port.", "fr").is_empty());
    assert!(figures("Les trains roulent à 80 km/h.", "fr").is_empty());
    assert!(figures("La route a été coupée sur 12 miles.", "en").is_empty());
    let found = figures("Sur les 7 derniers jours, 40 malades ont été admis.", "fr");
    assert_eq!(values(&found), [40.0]);
}

#[test]
fn a_subject_count_takes_the_kind_of_its_later_verb() {
    let found = figures(
        "Cinq randonneurs, dont deux guides, ont été blessés par la chute de pierres.",
        "fr",
    );
    assert_eq!(
        found.iter().map(|f| f.what).collect::<Vec<_>>(),
        [FigureKind::Injured, FigureKind::Injured]
    );
    let f = only(
        "Trois pêcheurs partis du port à l'aube avec leur chalutier sont morts.",
        "fr",
    );
    assert_eq!(f.what, FigureKind::Killed);
    let found = figures("Deux camions se sont percutés, faisant 4 morts.", "fr");
    assert_eq!(
        found.iter().map(|f| f.what).collect::<Vec<_>>(),
        [FigureKind::Other, FigureKind::Killed],
        "the deaths are the 4, not the trucks"
    );
    let f = only("L'incendie a coûté la vie à six personnes.", "fr");
    assert_eq!(f.what, FigureKind::Killed);
}

#[test]
fn a_bare_part_or_change_counts_what_its_figure_counts() {
    let found = figures(
        "L'épidémie a fait 1.200 morts, dont 300 à domicile et 900 en maison de retraite.",
        "fr",
    );
    assert_eq!(values(&found), [1200.0, 300.0, 900.0]);
    assert!(found.iter().all(|f| f.what == FigureKind::Killed));
    assert_eq!(found[1].part_of, Some(0));
    let found = figures(
        "Le virus a fait 812 morts, soit 35 de plus en un jour.",
        "fr",
    );
    assert_eq!(values(&found), [812.0, 35.0]);
    assert_eq!(found[1].what, FigureKind::Killed);
    assert_eq!(found[1].part_of, None, "a change is not a part");
    assert!(
        figures("Le match s'est joué à 35 de plus.", "fr").is_empty(),
        "no figure before it to change"
    );
}

#[test]
fn a_range_shares_its_written_sign_or_currency() {
    let f = only("La liste obtiendrait entre 12,5 et 14 % des voix.", "fr");
    assert_eq!(
        (f.value, f.high, f.what),
        (12.5, Some(14.0), FigureKind::Percent)
    );
    let f = only("Le billet coûte de 40 à 55 euros.", "fr");
    assert_eq!(
        (f.value, f.high, f.what, f.unit.as_deref()),
        (40.0, Some(55.0), FigureKind::Money, Some("EUR"))
    );
}

#[test]
fn a_range_may_repeat_its_currency_symbol() {
    let f = only("He raised $40,000 to $55,000 from donors.", "en");
    assert_eq!(
        (f.value, f.high, f.what),
        (40000.0, Some(55000.0), FigureKind::Money)
    );
    assert!(figures("The vote is set for 2 p.m. on Friday.", "en").is_empty());
}

#[test]
fn a_quoted_figure_takes_the_attribution_of_its_quotation() {
    let text = "\"We have 50 members in tough races. And we have 32 districts that are in states \
                where there is no presidential campaign going to be run, no big Senate race and \
                no governor race at all this year,\" he said. Turnout was 41 percent.";
    let doc = Doc::new(text);
    let rules = FigureRules::bundled();
    let mut found = rules.find(&doc, "en", &[], &[]);
    assert_eq!(values(&found), [50.0, 32.0, 41.0]);
    let close = text.find(" he said").unwrap_or(0);
    let quote = Quote {
        text: String::new(),
        speaker: None,
        speaker_key: None,
        kind: QuoteKind::Direct,
        as_of: None,
        span: Span::new(0, close),
    };
    rules.attribute_quoted(&doc, "en", &[], &[quote], &mut found);
    let sources: Vec<Option<&str>> = found.iter().map(|f| f.source.as_deref()).collect();
    assert_eq!(sources, [Some("he said"), Some("he said"), None]);
}

#[test]
fn one_counts_where_the_context_makes_it_a_count() {
    let counted = |text: &str, lang: &str| -> Vec<(f64, FigureKind)> {
        figures(text, lang)
            .iter()
            .map(|f| (f.value, f.what))
            .collect()
    };
    assert_eq!(
        counted("Un automobiliste de 70 ans a été tué vendredi matin.", "fr"),
        [(1.0, FigureKind::Killed)]
    );
    assert_eq!(
        counted("La bagarre a fait un mort mercredi à Fameck.", "fr"),
        [(1.0, FigureKind::Killed)]
    );
    assert_eq!(
        counted("Au moins une personne a été interpellée.", "fr"),
        [(1.0, FigureKind::Arrested)]
    );
    assert_eq!(
        counted("At least one insider said so.", "en"),
        [(1.0, FigureKind::Other)]
    );
    // An article: a thing, or the agent of the toll.
    assert!(
        counted("Un incendie a fait deux morts dans un immeuble.", "fr")
            .iter()
            .all(|(v, _)| *v == 2.0)
    );
    assert!(
        counted("Cinq policiers ont été tués par un militant.", "fr")
            .iter()
            .all(|(v, _)| *v == 5.0)
    );
    assert!(counted("Un voisin avait alerté la police.", "fr").is_empty());
}

#[test]
fn a_bare_number_listed_after_a_figure_counts_the_same() {
    let found = figures(
        "Au total, 17.101 personnes sont mortes en milieu hospitalier et 9.973 en Ehpad.",
        "fr",
    );
    let got: Vec<(f64, FigureKind)> = found.iter().map(|f| (f.value, f.what)).collect();
    assert_eq!(
        got,
        [(17101.0, FigureKind::Killed), (9973.0, FigureKind::Killed)]
    );
    assert_eq!(
        values(&figures("Il a 3 enfants et 2 en vacances à Nice.", "fr")),
        [3.0, 2.0]
    );
    assert!(
        figures("Le texte a été adopté en 2019 et 2020.", "fr").is_empty(),
        "no figure before it, nothing to list after"
    );
}

#[test]
fn a_bare_amount_after_money_is_money() {
    let found = figures(
        "L'État va prêter 7 milliards d'euros à Air France. Renault devrait bientôt bénéficier d'un prêt de 5 milliards.",
        "fr",
    );
    let got: Vec<(f64, FigureKind, Option<&str>)> = found
        .iter()
        .map(|f| (f.value, f.what, f.unit.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (7e9, FigureKind::Money, Some("EUR")),
            (5e9, FigureKind::Money, Some("EUR"))
        ]
    );
}

#[test]
fn shares_in_words_are_percentages() {
    let cases: &[(&str, &str, f64, Qualifier)] = &[
        (
            "La moitié des salariés ont fait grève.",
            "fr",
            50.0,
            Qualifier::Exact,
        ),
        (
            "Près de la moitié des paquets coûtent plus cher.",
            "fr",
            50.0,
            Qualifier::Nearly,
        ),
        (
            "Deux tiers des électeurs ont voté.",
            "fr",
            66.7,
            Qualifier::About,
        ),
        (
            "Un tiers des communes sont touchées.",
            "fr",
            33.3,
            Qualifier::About,
        ),
        (
            "Un Français sur deux part en vacances.",
            "fr",
            50.0,
            Qualifier::Exact,
        ),
        (
            "Environ un habitant de la ville sur cinq est au chômage.",
            "fr",
            20.0,
            Qualifier::About,
        ),
        (
            "Two-thirds of the senators voted for the bill.",
            "en",
            66.7,
            Qualifier::About,
        ),
        (
            "Roughly half of the emails were deleted.",
            "en",
            50.0,
            Qualifier::About,
        ),
        (
            "They give him a one-in-three chance to win.",
            "en",
            33.3,
            Qualifier::About,
        ),
        (
            "Voters gave him a 1 in 4 chance.",
            "en",
            25.0,
            Qualifier::Exact,
        ),
        (
            "Three-quarters of the members agreed.",
            "en",
            75.0,
            Qualifier::Exact,
        ),
    ];
    for (text, lang, value, qualifier) in cases {
        let f = only(text, lang);
        assert_eq!(
            (f.value, f.qualifier, f.what),
            (*value, *qualifier, FigureKind::Percent),
            "{text}"
        );
    }
}

#[test]
fn lookalikes_of_shares_are_not_shares() {
    assert!(figures("Il a attendu un quart d'heure.", "fr").is_empty());
    assert!(figures("Le tiers payant est généralisé.", "fr").is_empty());
    assert!(figures("The second half was better.", "en").is_empty());
    assert!(figures("Elle est à moitié vide.", "fr").is_empty());
    // "2 killed in 3 attacks" is two counts, not a ratio.
    let found = figures("Two people were killed in three attacks.", "en");
    assert!(
        found.iter().all(|f| f.what != FigureKind::Percent),
        "{found:#?}"
    );
    // "3 in 2019" is a count and a year.
    assert!(figures("He won 3 in 2019.", "en")
        .iter()
        .all(|f| f.what != FigureKind::Percent));
}

#[test]
fn a_share_of_a_count_leaves_the_count_a_figure() {
    let found = figures("La moitié des 931 patients sont sortis.", "fr");
    assert_eq!(values(&found), vec![50.0, 931.0]);
    assert_eq!(found[0].what, FigureKind::Percent);
}

#[test]
fn partitive_counts_are_figures() {
    let found = figures("Fifteen of the 19 hijackers were Saudi citizens.", "en");
    assert_eq!(values(&found), vec![15.0, 19.0]);
    let found = figures(
        "Fifty members signed the letter, and 18 of them are women.",
        "en",
    );
    assert_eq!(values(&found), vec![50.0, 18.0]);
    let f = only(
        "Parmi les habitants, treize d'entre eux ont été blessés.",
        "fr",
    );
    assert_eq!((f.value, f.what), (13.0, FigureKind::Injured));
    assert!(
        figures("One of the senators left.", "en").is_empty(),
        "one of them is an article"
    );
}

#[test]
fn money_abbreviated_with_its_scale() {
    let f = only("Le projet a coûté 4,4 M€ à la commune.", "fr");
    assert_eq!(
        (f.value, f.what, f.unit.as_deref()),
        (4.4e6, FigureKind::Money, Some("EUR"))
    );
    let f = only("The deal is worth $2.5bn.", "en");
    assert_eq!((f.value, f.what), (2.5e9, FigureKind::Money));
}

#[test]
fn a_change_from_one_value_to_another_is_two_figures() {
    let found = figures("Sa cote est passée de 36 à 33 % en un mois.", "fr");
    assert_eq!(values(&found), vec![36.0, 33.0]);
    assert!(found
        .iter()
        .all(|f| f.what == FigureKind::Percent && f.high.is_none()));
    let found = figures("Unemployment rose from 4 to 6 percent.", "en");
    assert_eq!(values(&found), vec![4.0, 6.0]);
    // Without a change word, "30 à 40" stays one uncertain value.
    let f = only("Entre 30 et 40 personnes ont été blessées.", "fr");
    assert_eq!((f.value, f.high), (30.0, Some(40.0)));
}

#[test]
fn a_year_does_not_swallow_the_amount_after_it() {
    let found = figures(
        "Le bénéfice est passé de 200 000 euros en 2016 à 4,4 M€ en 2018.",
        "fr",
    );
    assert_eq!(values(&found), vec![200_000.0, 4.4e6]);
}

#[test]
fn the_nearer_of_a_subject_before_and_a_verb_after_is_the_source() {
    let text = "Le directeur a précisé que 931 patients sont en réanimation et que les hôpitaux tiennent bon malgré la fatigue des équipes, 7 % des personnes décédées avaient moins de 65 ans, a détaillé le professeur.";
    let found = figures(text, "fr");
    let sources: Vec<Option<&str>> = found.iter().map(|f| f.source.as_deref()).collect();
    assert_eq!(
        sources,
        vec![
            Some("Le directeur a précisé"),
            Some("a détaillé le professeur")
        ]
    );
}

#[test]
fn thresholds_are_qualifiers() {
    let cases: &[(&str, Qualifier)] = &[
        (
            "Le taux de grévistes est passé sous la barre des 5 %.",
            Qualifier::LessThan,
        ),
        (
            "Le prix est égal ou supérieur à 8 euros.",
            Qualifier::AtLeast,
        ),
        (
            "Le baril reste au-dessus de 60 dollars.",
            Qualifier::MoreThan,
        ),
        ("Un loyer inférieur à 500 euros.", Qualifier::LessThan),
    ];
    for (text, qualifier) in cases {
        assert_eq!(only(text, "fr").qualifier, *qualifier, "{text}");
    }
}
