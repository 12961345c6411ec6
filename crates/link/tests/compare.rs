//! `compare` on hand-made analyses that mirror the two archetype seeds (Hamas officials in
//! Moscow, October 2023 and January 2024), plus negative cases. The sentences are our own
//! paraphrases; the figures, sources and keys are those the analyzers are specified to produce.

use storyline_link::compare::{compare, render_text, Comparison, Side};
use storyline_model::{
    Analysis, Entity, EntityType, Figure, FigureKind, FramingMark, Precision, Published, Qualifier,
    Quote, QuoteKind, Span, TimeExpr,
};

/// An analysis whose text is `sentences` joined by spaces, with their spans.
fn article(
    id: &str,
    published: Option<&str>,
    precision: Precision,
    sentences: &[&str],
) -> Analysis {
    let mut text = String::new();
    let mut spans = Vec::new();
    for s in sentences {
        if !text.is_empty() {
            text.push(' ');
        }
        spans.push(Span::new(text.len(), text.len() + s.len()));
        text.push_str(s);
    }
    Analysis {
        id: id.to_string(),
        url: None,
        outlet: None,
        title: None,
        lang: "fr".to_string(),
        published: Published {
            value: published.map(str::to_string),
            precision,
            from: "header".to_string(),
        },
        dateline: None,
        text,
        sentences: spans,
        entities: Vec::new(),
        times: Vec::new(),
        figures: Vec::new(),
        quotes: Vec::new(),
        framing: Vec::new(),
        terms: Vec::new(),
        fingerprint: Vec::new(),
        missing: Vec::new(),
    }
}

/// The span of the `n`-th occurrence (from 0) of `needle`.
fn nth_span(a: &Analysis, needle: &str, n: usize) -> Span {
    let start = a
        .text
        .match_indices(needle)
        .nth(n)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    Span::new(start, start + needle.len())
}

fn span(a: &Analysis, needle: &str) -> Span {
    nth_span(a, needle, 0)
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

/// A figure over `needle` with no who/where/source; tests fill what they need.
fn fig(a: &Analysis, needle: &str, value: f64, qualifier: Qualifier, what: FigureKind) -> Figure {
    bare(value, qualifier, what, span(a, needle))
}

fn entity(a: &Analysis, text: &str, kind: EntityType, key: &str) -> Entity {
    Entity {
        text: text.to_string(),
        kind,
        key: key.to_string(),
        spans: vec![span(a, text)],
    }
}

fn mark(a: &Analysis, term: &str, n: usize, lemma: &str, category: &str) -> FramingMark {
    FramingMark {
        term: term.to_string(),
        lemma: lemma.to_string(),
        category: category.to_string(),
        span: nth_span(a, term, n),
    }
}

fn terms(list: &[(&str, u32)]) -> Vec<(String, u32)> {
    list.iter().map(|(t, n)| (t.to_string(), *n)).collect()
}

const HEALTH: &str = "org:gaza-health-ministry";

/// Mirrors seed 000 (October 2023, month precision).
fn seed_000() -> Analysis {
    let mut a = article(
        "000_bee2e0c6c9ed2ed4",
        Some("2023-10"),
        Precision::Month,
        &[
            "Une délégation du Hamas menée par Moussa Abou Marzouk est arrivée mercredi à Moscou.",
            "Abou Marzouk a vu Mikhaïl Bogdanov, vice-ministre russe des Affaires étrangères.",
            "« Nous saluons la position de la Russie », a déclaré le Hamas dans un communiqué.",
            "En réaction, ‘Israël’ a critiqué cette visite, et ‘Israël’ demande l’expulsion des invités.",
            "Le samedi 7 octobre, le Hamas a lancé une offensive contre les colonies de l’enveloppe de Gaza.",
            "Cette opération a causé la mort de 1400 colons et soldats israéliens et la capture de 200 autres.",
            "Depuis, des frappes ont touché des maisons et des hôpitaux à Gaza.",
            "Plus de 7 028 Palestiniens sont tombés en martyrs, dont 2 913 enfants, et plus de 18 000 autres \
             ont été blessés, selon le ministère palestinien de la Santé.",
        ],
    );
    let src = "selon le ministère palestinien de la Santé";
    a.figures = vec![
        Figure {
            who: s("Palestiniens"),
            source: s(src),
            source_key: s(HEALTH),
            ..fig(
                &a,
                "Plus de 7 028 Palestiniens",
                7028.0,
                Qualifier::MoreThan,
                FigureKind::Killed,
            )
        },
        Figure {
            who: s("enfants"),
            part_of: Some(0),
            ..fig(
                &a,
                "2 913 enfants",
                2913.0,
                Qualifier::Exact,
                FigureKind::Killed,
            )
        },
        Figure {
            who: s("autres"),
            source: s(src),
            source_key: s(HEALTH),
            ..fig(
                &a,
                "plus de 18 000 autres",
                18000.0,
                Qualifier::MoreThan,
                FigureKind::Injured,
            )
        },
        Figure {
            who: s("colons et soldats israéliens"),
            ..fig(
                &a,
                "1400 colons et soldats israéliens",
                1400.0,
                Qualifier::Exact,
                FigureKind::Killed,
            )
        },
        Figure {
            who: s("autres"),
            ..fig(
                &a,
                "200 autres",
                200.0,
                Qualifier::Exact,
                FigureKind::Captured,
            )
        },
    ];
    a.times = vec![TimeExpr {
        text: "Le samedi 7 octobre".to_string(),
        value: s("2023-10-07"),
        precision: Precision::Day,
        why: None,
        span: span(&a, "Le samedi 7 octobre"),
    }];
    a.entities = vec![
        entity(&a, "Hamas", EntityType::ORG, "org:hamas"),
        entity(
            &a,
            "Moussa Abou Marzouk",
            EntityType::PER,
            "per:abu-marzouk",
        ),
        entity(&a, "Mikhaïl Bogdanov", EntityType::PER, "per:bogdanov"),
        entity(&a, "Moscou", EntityType::LOC, "loc:moscow"),
        entity(&a, "Gaza", EntityType::LOC, "loc:gaza"),
        entity(&a, "Israël", EntityType::LOC, "loc:israel"),
    ];
    a.quotes = vec![Quote {
        text: "Nous saluons la position de la Russie".to_string(),
        speaker: s("le Hamas"),
        speaker_key: s("org:hamas"),
        kind: QuoteKind::Direct,
        as_of: None,
        span: span(&a, "« Nous saluons la position de la Russie »"),
    }];
    a.framing = vec![
        mark(&a, "‘Israël’", 0, "‘israël’", "scare-quotes-state-name"),
        mark(&a, "‘Israël’", 1, "‘israël’", "scare-quotes-state-name"),
        mark(&a, "colonies", 0, "colonie", "settler-label-for-civilians"),
        mark(&a, "colons", 0, "colon", "settler-label-for-civilians"),
        mark(&a, "martyrs", 0, "martyr", "religious-martyrdom-term"),
    ];
    a.terms = terms(&[
        ("hamas", 4),
        ("moscou", 2),
        ("marzouk", 2),
        ("bogdanov", 1),
        ("gaz", 2),
        ("israël", 2),
        ("russ", 2),
        ("délégat", 1),
    ]);
    a
}

/// Mirrors seed 003 (publication date unknown, dateline Moscou).
fn seed_003() -> Analysis {
    let mut b = article(
        "003_416032a989ebdd06",
        None,
        Precision::Unknown,
        &[
            "Moscou a demandé vendredi au Hamas de relâcher tous ses otages lors d’entretiens dans la capitale.",
            "Le vice-ministre Mikhaïl Bogdanov a reçu Moussa Abou Marzouk, du bureau politique du Hamas.",
            "« Les civils capturés doivent être libérés vite », a souligné la diplomatie russe.",
            "La guerre entre Israël et le Hamas à Gaza a coûté la vie à 24 762 personnes, selon le bilan publié \
             vendredi par le ministère de la Santé du Hamas.",
            "Elle a commencé par l’assaut de commandos islamistes dans le sud d’Israël, le 7 octobre, qui a tué \
             quelque 1140 personnes, majoritairement civiles, selon un décompte de l’AFP fondé sur des chiffres \
             officiels israéliens.",
        ],
    );
    b.dateline = s("Moscou");
    b.figures = vec![
        Figure {
            who: s("personnes"),
            place: s("Gaza"),
            source: s("selon le bilan publié vendredi par le ministère de la Santé du Hamas"),
            source_key: s(HEALTH),
            ..fig(
                &b,
                "24 762 personnes",
                24762.0,
                Qualifier::Exact,
                FigureKind::Killed,
            )
        },
        Figure {
            who: s("personnes, majoritairement civiles"),
            place: s("sud d’Israël"),
            source: s("selon un décompte de l’AFP fondé sur des chiffres officiels israéliens"),
            source_key: s("org:afp"),
            ..fig(
                &b,
                "quelque 1140 personnes, majoritairement civiles",
                1140.0,
                Qualifier::About,
                FigureKind::Killed,
            )
        },
    ];
    b.times = vec![
        TimeExpr {
            text: "vendredi".to_string(),
            value: None,
            precision: Precision::Unknown,
            why: s("publication date unknown"),
            span: span(&b, "vendredi"),
        },
        TimeExpr {
            text: "le 7 octobre".to_string(),
            value: None,
            precision: Precision::Unknown,
            why: s("publication date unknown"),
            span: span(&b, "le 7 octobre"),
        },
    ];
    b.entities = vec![
        entity(&b, "Hamas", EntityType::ORG, "org:hamas"),
        entity(
            &b,
            "Moussa Abou Marzouk",
            EntityType::PER,
            "per:abu-marzouk",
        ),
        entity(&b, "Mikhaïl Bogdanov", EntityType::PER, "per:bogdanov"),
        entity(&b, "Moscou", EntityType::LOC, "loc:moscow"),
        entity(&b, "Gaza", EntityType::LOC, "loc:gaza"),
        entity(&b, "Israël", EntityType::LOC, "loc:israel"),
        entity(&b, "AFP", EntityType::ORG, "org:afp"),
    ];
    b.quotes = vec![Quote {
        text: "Les civils capturés doivent être libérés vite".to_string(),
        speaker: s("la diplomatie russe"),
        speaker_key: None,
        kind: QuoteKind::Direct,
        as_of: None,
        span: span(&b, "« Les civils capturés doivent être libérés vite »"),
    }];
    b.framing = vec![
        mark(&b, "otages", 0, "otage", "hostage-term"),
        mark(&b, "islamistes", 0, "islamiste", "islamist-label"),
    ];
    b.terms = terms(&[
        ("hamas", 4),
        ("moscou", 2),
        ("otag", 2),
        ("marzouk", 1),
        ("bogdanov", 1),
        ("gaz", 1),
        ("israël", 2),
        ("russ", 2),
    ]);
    b
}

fn seeds() -> Comparison {
    compare(&seed_000(), &seed_003())
}

#[test]
fn seeds_conflict_over_7_october_toll() {
    let c = seeds();
    assert_eq!(c.conflicts.len(), 1, "{:#?}", c.conflicts);
    let k = &c.conflicts[0];
    assert_eq!((k.a_index, k.b_index), (3, 1));
    assert_eq!((k.a.value, k.b.value), (1400.0, 1140.0));
    assert_eq!(
        (k.a.qualifier, k.b.qualifier),
        (Qualifier::Exact, Qualifier::About)
    );
    assert_eq!(k.region.as_deref(), Some("israel"));
    assert_eq!(k.a.source, None);
    assert_eq!(k.b.source_key.as_deref(), Some("org:afp"));
    assert_eq!(k.a.evidence, "1400 colons et soldats israéliens");
    assert_eq!(
        k.b.evidence,
        "quelque 1140 personnes, majoritairement civiles"
    );
    assert!(
        k.note.contains("sources differ (unattributed vs org:afp)"),
        "{}",
        k.note
    );
    assert!(k.timing.contains("7 October"), "{}", k.timing);
}

#[test]
fn seeds_progression_of_gaza_toll_by_one_ministry_under_two_names() {
    let c = seeds();
    assert_eq!(c.progressions.len(), 1, "{:#?}", c.progressions);
    let p = &c.progressions[0];
    assert_eq!((p.a_index, p.b_index), (0, 0));
    assert_eq!(p.earlier, Some(Side::A));
    assert_eq!((p.from.value, p.to.value), (7028.0, 24762.0));
    assert_eq!(p.direction, "increase");
    // "Palestiniens" (a) and "Gaza" (b) agree; the narrower region is kept.
    assert_eq!(p.region.as_deref(), Some("gaza"));
    assert_eq!(p.source_key.as_deref(), Some(HEALTH));
    let g = p.growth_pct.unwrap_or_default();
    assert!((g - 252.3).abs() < 0.1, "{g}");
    assert!(p.note.contains("same source under two names"), "{}", p.note);
    // b has no publication date: the monotone-count rule decided, and says so.
    assert!(p.basis.contains("only grows"), "{}", p.basis);
}

#[test]
fn seeds_never_pair_gaza_and_israel_tolls_nor_parts_with_wholes() {
    let c = seeds();
    let pairs: Vec<(usize, usize)> = c
        .conflicts
        .iter()
        .map(|k| (k.a_index, k.b_index))
        .chain(c.progressions.iter().map(|p| (p.a_index, p.b_index)))
        .collect();
    // a#0 Gaza toll vs b#1 Israel toll, a#3 Israel toll vs b#0 Gaza toll, a#1 children vs b#0.
    for bad in [(0, 1), (3, 0), (1, 0), (1, 1)] {
        assert!(!pairs.contains(&bad), "{bad:?} paired");
    }
    let region = |i: usize| c.figures_a[i].region.as_deref();
    assert_eq!(
        (region(0), region(3), region(4)),
        (Some("palestine"), Some("israel"), Some("israel"))
    );
    assert_eq!(c.figures_a[4].region_from.as_deref(), Some("sentence"));
    assert_eq!(
        (region(1), c.figures_a[1].region_from.as_deref()),
        (Some("palestine"), Some("part_of"))
    );
    assert_eq!(c.figures_b[0].region.as_deref(), Some("gaza"));
}

#[test]
fn seeds_actors_quotes_and_headers() {
    let c = seeds();
    let shared: Vec<&str> = c.actors.shared.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(
        shared,
        [
            "per:abu-marzouk",
            "per:bogdanov",
            "org:hamas",
            "loc:gaza",
            "loc:israel",
            "loc:moscow"
        ]
    );
    assert!(c.actors.only_a.is_empty());
    let only_b: Vec<&str> = c.actors.only_b.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(only_b, ["org:afp"]);
    assert_eq!(c.quotes_a[0].speaker.as_deref(), Some("le Hamas"));
    assert_eq!(
        c.quotes_b[0].speaker.as_deref(),
        Some("la diplomatie russe")
    );
    assert_eq!(c.a.published.value.as_deref(), Some("2023-10"));
    assert_eq!(c.b.published.precision, Precision::Unknown);
    assert_eq!(c.b.dateline.as_deref(), Some("Moscou"));
    assert_eq!(c.figures_a.len(), 5);
    assert_eq!(c.figures_b.len(), 2);
}

#[test]
fn seeds_framing_differences() {
    let c = seeds();
    let get = |m: &std::collections::BTreeMap<String, Vec<String>>, k: &str| {
        m.get(k).cloned().unwrap_or_default()
    };
    assert_eq!(
        get(&c.framing.only_a, "religious-martyrdom-term"),
        ["martyrs"]
    );
    assert_eq!(
        get(&c.framing.only_a, "settler-label-for-civilians"),
        ["colonies", "colons"]
    );
    assert_eq!(
        get(&c.framing.only_a, "scare-quotes-state-name"),
        ["‘Israël’"]
    );
    assert_eq!(get(&c.framing.only_b, "hostage-term"), ["otages"]);
    assert_eq!(get(&c.framing.only_b, "islamist-label"), ["islamistes"]);
    assert!(c.framing.shared.is_empty());
}

#[test]
fn seeds_are_not_one_event_but_one_storyline() {
    let c = seeds();
    assert!(!c.same_event, "{:#?}", c.reasons);
    assert!(c.same_storyline, "{:#?}", c.reasons);
    let all = c.reasons.join("\n");
    assert!(
        all.contains("7028") && all.contains("24762") && all.contains("different times"),
        "{all}"
    );
    assert!(
        all.contains("per:abu-marzouk") || all.contains("similarity says same storyline"),
        "{all}"
    );
}

#[test]
fn render_shows_sections_and_fits_100_columns() {
    let text = render_text(&seeds());
    for needle in [
        "same event: no",
        "same storyline: yes",
        "«1400 colons et soldats israéliens»",
        "«quelque 1140 personnes, majoritairement civiles»",
        "same source under two names",
        "religious-martyrdom-term: martyrs",
        "hostage-term: otages",
        "Nous saluons la position de la Russie",
    ] {
        assert!(text.contains(needle), "{needle:?} missing in\n{text}");
    }
    for line in text.lines() {
        assert!(line.chars().count() <= 100, "too wide: {line:?}");
    }
}

/// Two one-sentence articles published on `day_a` / `day_b`, each with one killed figure.
fn pair(
    day_a: &str,
    sa: &str,
    fa: Figure,
    day_b: &str,
    sb: &str,
    fb: Figure,
) -> (Analysis, Analysis) {
    let mut a = article("a", Some(day_a), Precision::Day, &[sa]);
    let mut b = article("b", Some(day_b), Precision::Day, &[sb]);
    a.figures = vec![fa];
    b.figures = vec![fb];
    (a, b)
}

/// A figure over the whole of `needle`, placed by the caller's text.
fn bare(value: f64, qualifier: Qualifier, what: FigureKind, needle_span: Span) -> Figure {
    Figure {
        value,
        low: None,
        high: None,
        qualifier,
        what,
        unit: None,
        who: None,
        place: None,
        source: None,
        source_key: None,
        as_of: None,
        part_of: None,
        span: needle_span,
    }
}

/// Same day, same event date, Gaza, different sources: only the values decide.
fn same_day_event(qa: Qualifier, va: f64, vb: f64, what_b: FigureKind) -> Comparison {
    let sa = "Le 7 octobre, plus de 7 028 Palestiniens sont morts à Gaza, selon le ministère.";
    let sb = "Le 7 octobre, 7 100 personnes sont mortes à Gaza, selon l’ONU.";
    let fa = Figure {
        who: s("Palestiniens"),
        place: s("Gaza"),
        source_key: s(HEALTH),
        ..bare(va, qa, FigureKind::Killed, Span::new(18, 44))
    };
    let fb = Figure {
        who: s("personnes"),
        place: s("Gaza"),
        source_key: s("org:un"),
        ..bare(vb, Qualifier::Exact, what_b, Span::new(14, 30))
    };
    let (a, b) = pair("2023-10-26", sa, fa, "2023-10-26", sb, fb);
    compare(&a, &b)
}

#[test]
fn more_than_7028_vs_7100_is_no_conflict_but_exact_values_are() {
    let c = same_day_event(Qualifier::MoreThan, 7028.0, 7100.0, FigureKind::Killed);
    assert!(
        c.conflicts.is_empty() && c.progressions.is_empty(),
        "{:#?}",
        c.conflicts
    );
    // Control: the same pair without the qualifier is a conflict.
    let c = same_day_event(Qualifier::Exact, 7028.0, 7100.0, FigureKind::Killed);
    assert_eq!(c.conflicts.len(), 1);
}

#[test]
fn different_what_and_money_are_never_paired() {
    let c = same_day_event(Qualifier::Exact, 7028.0, 9000.0, FigureKind::Injured);
    assert!(c.conflicts.is_empty() && c.progressions.is_empty());
    let c = same_day_event(Qualifier::Exact, 7028.0, 9000.0, FigureKind::Money);
    assert!(c.conflicts.is_empty() && c.progressions.is_empty());
    // Control: the same values, both killed, conflict.
    assert_eq!(
        same_day_event(Qualifier::Exact, 7028.0, 9000.0, FigureKind::Killed)
            .conflicts
            .len(),
        1
    );
}

#[test]
fn money_is_not_compared_with_money() {
    let sa = "L’aide atteint 100 millions de dollars pour Gaza.";
    let sb = "L’aide atteint 300 millions de dollars pour Gaza.";
    let money = |v: f64| Figure {
        unit: s("USD"),
        place: s("Gaza"),
        source_key: s("org:un"),
        ..bare(v, Qualifier::Exact, FigureKind::Money, Span::new(16, 28))
    };
    let (a, b) = pair(
        "2023-10-26",
        sa,
        money(100e6),
        "2023-10-26",
        sb,
        money(300e6),
    );
    let c = compare(&a, &b);
    assert!(c.conflicts.is_empty() && c.progressions.is_empty());
}

#[test]
fn gaza_and_israel_tolls_from_one_source_on_one_date_are_not_paired() {
    let sa = "Le 7 octobre, 1400 Israéliens ont été tués, selon l’AFP.";
    let sb = "Le 7 octobre, 700 personnes ont été tuées à Gaza, selon l’AFP.";
    let fa = Figure {
        who: s("Israéliens"),
        source_key: s("org:afp"),
        ..bare(
            1400.0,
            Qualifier::Exact,
            FigureKind::Killed,
            Span::new(14, 29),
        )
    };
    let fb = Figure {
        who: s("personnes"),
        place: s("Gaza"),
        source_key: s("org:afp"),
        ..bare(
            700.0,
            Qualifier::Exact,
            FigureKind::Killed,
            Span::new(14, 27),
        )
    };
    let (a, b) = pair("2023-10-08", sa, fa.clone(), "2023-10-08", sb, fb);
    let c = compare(&a, &b);
    assert!(c.conflicts.is_empty() && c.progressions.is_empty());
    // Control: moved to Israel, the same figure conflicts.
    let fb = Figure {
        place: s("Israël"),
        ..fa.clone()
    };
    let fb = Figure { value: 700.0, ..fb };
    let (a, b) = pair("2023-10-08", sa, fa, "2023-10-08", sa, fb);
    assert_eq!(compare(&a, &b).conflicts.len(), 1);
}

#[test]
fn a_sentence_naming_both_sides_places_nothing() {
    // No where, no nationality: the sentence names Gaza and Israel, so the region stays unknown
    // and the figure is not paired with a Gaza toll from another source.
    let sa = "La guerre entre Israël et le Hamas à Gaza a fait 5000 morts, selon l’ONU.";
    let sb = "Ce jour-là, 9000 personnes sont mortes à Gaza, selon le ministère.";
    let fa = Figure {
        source_key: s("org:un"),
        ..bare(
            5000.0,
            Qualifier::Exact,
            FigureKind::Killed,
            Span::new(50, 59),
        )
    };
    let fb = Figure {
        place: s("Gaza"),
        source_key: s(HEALTH),
        ..bare(
            9000.0,
            Qualifier::Exact,
            FigureKind::Killed,
            Span::new(13, 28),
        )
    };
    let (a, b) = pair("2023-11-01", sa, fa, "2023-11-01", sb, fb);
    let c = compare(&a, &b);
    assert_eq!(c.figures_a[0].region, None);
    assert!(c.conflicts.is_empty() && c.progressions.is_empty());
}

#[test]
fn a_smaller_later_count_from_one_source_is_a_revision_ordered_by_dates() {
    let sa = "Le 7 octobre, 1400 personnes ont été tuées en Israël, selon les autorités.";
    let sb = "Le 7 octobre, 1200 personnes ont été tuées en Israël, selon les autorités.";
    let f = |v: f64| Figure {
        who: s("personnes"),
        place: s("Israël"),
        source_key: s("org:israel-government"),
        ..bare(v, Qualifier::Exact, FigureKind::Killed, Span::new(14, 28))
    };
    let (a, b) = pair("2023-10-20", sa, f(1400.0), "2023-11-10", sb, f(1200.0));
    let c = compare(&a, &b);
    assert!(c.conflicts.is_empty());
    assert_eq!(c.progressions.len(), 1);
    let p = &c.progressions[0];
    assert_eq!(
        (p.earlier, p.direction.as_str()),
        (Some(Side::A), "decrease")
    );
    assert!(p.basis.starts_with("publication dates"), "{}", p.basis);
    assert!(
        !c.same_event && c.reasons.iter().any(|r| r.contains("21 days apart")),
        "{:#?}",
        c.reasons
    );
}

#[test]
fn unrelated_articles_are_neither_event_nor_storyline() {
    let mut a = article(
        "a",
        Some("2023-10-20"),
        Precision::Day,
        &["Le Parlement vote le budget de la santé."],
    );
    let mut b = article(
        "b",
        Some("2023-10-21"),
        Precision::Day,
        &["Une tempête frappe la côte bretonne."],
    );
    a.terms = terms(&[("parl", 1), ("budget", 1), ("sant", 1)]);
    b.terms = terms(&[("tempêt", 1), ("côt", 1), ("breton", 1)]);
    let c = compare(&a, &b);
    assert!(!c.same_event && !c.same_storyline, "{:#?}", c.reasons);
}

#[test]
fn shared_framing_is_grouped_once() {
    let mut a = article(
        "a",
        None,
        Precision::Unknown,
        &["Les terroristes ont frappé."],
    );
    let mut b = article(
        "b",
        None,
        Precision::Unknown,
        &["Des Terroristes et des otages."],
    );
    a.framing = vec![mark(&a, "terroristes", 0, "terroriste", "terrorism-label")];
    b.framing = vec![
        mark(&b, "Terroristes", 0, "terroriste", "terrorism-label"),
        mark(&b, "otages", 0, "otage", "hostage-term"),
    ];
    let c = compare(&a, &b);
    assert_eq!(
        c.framing
            .shared
            .get("terrorism-label")
            .cloned()
            .unwrap_or_default(),
        ["terroristes", "Terroristes"]
    );
    assert!(c.framing.only_a.is_empty());
    assert_eq!(c.framing.only_b.len(), 1);
}

#[test]
fn malformed_analyses_do_not_panic() {
    let mut a = seed_000();
    let mut b = seed_003();
    // Spans past the text, a figure that is part of itself or of nothing, no sentences.
    for f in a.figures.iter_mut().chain(b.figures.iter_mut()) {
        f.span = Span::new(10_000, 5);
    }
    a.figures[1].part_of = Some(1);
    a.figures[2].part_of = Some(99);
    b.sentences.clear();
    a.published.value = s("garbage");
    let c = compare(&a, &b);
    let _ = render_text(&c);
    assert_eq!(c.figures_a.len(), 5);
}

#[test]
fn json_field_names_are_stable() {
    let v = serde_json::to_value(seeds()).unwrap_or_default();
    for key in [
        "a",
        "b",
        "same_event",
        "same_storyline",
        "reasons",
        "actors",
        "figures_a",
        "figures_b",
        "conflicts",
        "progressions",
        "quotes_a",
        "quotes_b",
        "framing",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["a"]["published"]["precision"], "month");
    assert_eq!(v["actors"]["shared"][0]["type"], "PER");
    assert_eq!(v["figures_b"][1]["where"], "sud d’Israël");
    assert_eq!(v["figures_b"][1]["qualifier"], "about");
    assert_eq!(v["conflicts"][0]["a"]["source"], serde_json::Value::Null);
    assert_eq!(v["conflicts"][0]["what"], "killed");
    assert_eq!(v["progressions"][0]["earlier"], "a");
    assert_eq!(v["progressions"][0]["source_key"], HEALTH);
    assert_eq!(v["framing"]["only_b"]["hostage-term"][0], "otages");
    assert_eq!(v["quotes_a"][0]["kind"], "direct");
}

#[test]
fn a_territorial_source_outweighs_a_misread_place() {
    // The sentence names Gaza and Israel; an analyzer may read where = "Israël" for the Gaza
    // health ministry's toll. The ministry's region wins, so the progression is still found and
    // the Gaza toll is still never paired with the Israel toll.
    let mut b = seed_003();
    b.figures[0].place = s("Israël");
    let c = compare(&seed_000(), &b);
    assert_eq!(c.figures_b[0].region.as_deref(), Some("gaza"));
    assert_eq!(c.figures_b[0].region_from.as_deref(), Some("source"));
    assert_eq!(c.progressions.len(), 1);
    assert_eq!(
        (c.progressions[0].a_index, c.progressions[0].b_index),
        (0, 0)
    );
    assert_eq!(c.conflicts.len(), 1);
    assert_eq!((c.conflicts[0].a_index, c.conflicts[0].b_index), (3, 1));
}

#[test]
fn a_repeated_figure_gives_one_finding() {
    let mut a = seed_000();
    let mut b = seed_003();
    let again = a.figures[3].clone();
    a.figures.push(again);
    let again = b.figures[0].clone();
    b.figures.push(again);
    let c = compare(&a, &b);
    assert_eq!((c.conflicts.len(), c.progressions.len()), (1, 1));
}

#[test]
fn an_english_report_of_the_7_october_toll_conflicts_across_languages() {
    let mut b = article(
        "en",
        Some("2023-12-01"),
        Precision::Day,
        &["Militants killed about 1,200 people in southern Israel on October 7, Israeli officials said."],
    );
    b.lang = "en".to_string();
    b.figures = vec![Figure {
        who: s("people"),
        place: s("southern Israel"),
        source: s("Israeli officials said"),
        source_key: s("org:israel-government"),
        ..fig(
            &b,
            "about 1,200 people",
            1200.0,
            Qualifier::About,
            FigureKind::Killed,
        )
    }];
    let c = compare(&seed_000(), &b);
    assert_eq!(c.conflicts.len(), 1, "{:#?}", c.conflicts);
    assert_eq!((c.conflicts[0].a_index, c.conflicts[0].b_index), (3, 0));
    assert_eq!(c.figures_b[0].region.as_deref(), Some("israel"));
    // A month and a half apart, by publication dates.
    assert!(!c.same_event);
}

#[test]
fn as_of_dates_decide_between_conflict_and_progression() {
    let sa = "Au 1er novembre, 8 000 personnes avaient été tuées à Gaza, selon le ministère.";
    let sb = "Au 1er novembre, 9 000 personnes avaient été tuées à Gaza, selon le ministère.";
    let f = |v: f64, as_of: &str| Figure {
        who: s("personnes"),
        place: s("Gaza"),
        source_key: s(HEALTH),
        as_of: s(as_of),
        ..bare(v, Qualifier::Exact, FigureKind::Killed, Span::new(17, 32))
    };
    let undated = |x: Figure, y: Figure| {
        let mut a = article("a", None, Precision::Unknown, &[sa]);
        let mut b = article("b", None, Precision::Unknown, &[sb]);
        a.figures = vec![x];
        b.figures = vec![y];
        compare(&a, &b)
    };
    // One source, one day, two values: a conflict even from the same source.
    let c = undated(f(8000.0, "2023-11-01"), f(9000.0, "2023-11-01"));
    assert_eq!((c.conflicts.len(), c.progressions.len()), (1, 0));
    assert!(c.conflicts[0].timing.contains("2023-11-01"));
    // Later as_of with the smaller value: a revision ordered by as_of, not by size.
    let c = undated(f(9000.0, "2023-11-01"), f(8000.0, "2023-11-05"));
    assert_eq!((c.conflicts.len(), c.progressions.len()), (0, 1));
    let p = &c.progressions[0];
    assert_eq!(
        (p.earlier, p.direction.as_str()),
        (Some(Side::A), "decrease")
    );
    assert!(p.basis.starts_with("as_of dates"), "{}", p.basis);
}
