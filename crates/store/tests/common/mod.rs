//! Hand-built articles and analyses for the store tests. The facts follow the two archetype
//! articles (a Hamas delegation in Moscow, October 2023 and January 2024); the sentences are ours.

#![allow(dead_code)] // each test file uses a different part of these helpers

use storyline_model::{
    Analysis, Article, Entity, EntityType, Figure, FigureKind, FramingMark, Precision, Published,
    Qualifier, Quote, QuoteKind, Span, TimeExpr,
};

/// A plain article: one paragraph per entry, date with day/month/year precision from its length.
pub fn article(
    id: &str,
    outlet: &str,
    title: &str,
    date: Option<&str>,
    paragraphs: &[&str],
) -> Article {
    let precision = match date.map(str::len) {
        Some(10) => Precision::Day,
        Some(7) => Precision::Month,
        Some(4) => Precision::Year,
        _ => Precision::Unknown,
    };
    Article {
        id: id.to_string(),
        url: Some(format!("https://example.org/{id}")),
        outlet: Some(outlet.to_string()),
        title: Some(title.to_string()),
        author: None,
        published: Published {
            value: date.map(str::to_string),
            precision,
            from: if date.is_some() { "header" } else { "none" }.to_string(),
        },
        dateline: None,
        lang: Some("fr".to_string()),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        origin: format!("fixtures/{id}.txt"),
    }
}

/// The analysis of `a`, as the analyzer would shape it: sentences split on ". ", the given
/// entities (key, text, type) found in the text, and the given stemmed terms.
pub fn analysis(
    a: &Article,
    entities: &[(&str, &str, EntityType)],
    terms: &[(&str, u32)],
) -> Analysis {
    let text = a.paragraphs.join("\n\n");
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        sentences.push(Span::new(start, i + 1));
        start = i + 2;
    }
    if start < text.len() {
        sentences.push(Span::new(start, text.len()));
    }
    let entities = entities
        .iter()
        .map(|(key, surface, kind)| Entity {
            text: surface.to_string(),
            kind: *kind,
            key: key.to_string(),
            spans: text
                .match_indices(surface)
                .map(|(i, m)| Span::new(i, i + m.len()))
                .collect(),
        })
        .collect();
    Analysis {
        id: a.id.clone(),
        url: a.url.clone(),
        outlet: a.outlet.clone(),
        title: a.title.clone(),
        lang: "fr".to_string(),
        published: a.published.clone(),
        dateline: a.dateline.clone(),
        text,
        sentences,
        entities,
        times: Vec::new(),
        figures: Vec::new(),
        quotes: Vec::new(),
        framing: Vec::new(),
        terms: terms.iter().map(|(s, n)| (s.to_string(), *n)).collect(),
        fingerprint: vec![7, 11, 13],
        missing: Vec::new(),
    }
}

/// The October 2023 visit, with every analysis field filled, to check round trips.
pub fn october_visit() -> (Article, Analysis) {
    let a = article(
        "oct-visit",
        "Al Manar",
        "Une délégation du Hamas reçue à Moscou",
        Some("2023-10-26"),
        &[
            "Une délégation du Hamas conduite par Moussa Abou Marzouk est arrivée mercredi à Moscou. Elle a vu le vice-ministre Mikhaïl Bogdanov.",
            "Le mouvement a salué « la position du président russe » sur Gaza, où plus de 7 000 Palestiniens sont morts selon le ministère de la Santé.",
        ],
    );
    let mut an = analysis(
        &a,
        &[
            ("org:hamas", "Hamas", EntityType::ORG),
            ("loc:moscow", "Moscou", EntityType::LOC),
            ("per:abu-marzouk", "Moussa Abou Marzouk", EntityType::PER),
            ("loc:gaza", "Gaza", EntityType::LOC),
        ],
        &[("délégat", 3), ("hamas", 4), ("moscou", 3), ("marzouk", 1)],
    );
    let t = an.text.clone();
    let find = |needle: &str| {
        let i = t.find(needle).unwrap_or(0);
        Span::new(i, i + needle.len())
    };
    an.times = vec![TimeExpr {
        text: "mercredi".into(),
        value: Some("2023-10-25".into()),
        precision: Precision::Day,
        why: None,
        span: find("mercredi"),
    }];
    an.figures = vec![Figure {
        value: 7000.0,
        low: None,
        high: None,
        qualifier: Qualifier::MoreThan,
        what: FigureKind::Killed,
        unit: None,
        who: Some("Palestiniens".into()),
        place: Some("Gaza".into()),
        source: Some("selon le ministère de la Santé".into()),
        source_key: Some("org:gaza-health-ministry".into()),
        as_of: None,
        part_of: None,
        span: find("plus de 7 000 Palestiniens"),
    }];
    an.quotes = vec![Quote {
        text: "la position du président russe".into(),
        speaker: Some("Le mouvement".into()),
        speaker_key: Some("org:hamas".into()),
        kind: QuoteKind::Partial,
        as_of: Some("2023-10-25".into()),
        span: find("« la position du président russe »"),
    }];
    an.framing = vec![FramingMark {
        term: "mouvement".into(),
        lemma: "mouvement".into(),
        category: "neutral-group-term".into(),
        span: find("mouvement"),
    }];
    an.missing = vec!["nothing: fr is fully covered".into()];
    (a, an)
}

/// The January 2024 visit, from another outlet.
pub fn january_visit() -> (Article, Analysis) {
    let a = article(
        "jan-visit",
        "Le Figaro",
        "Le Hamas de nouveau à Moscou",
        Some("2024-01-19"),
        &["Des responsables du Hamas ont été reçus vendredi à Moscou par Mikhaïl Bogdanov. Ils ont parlé des otages."],
    );
    let an = analysis(
        &a,
        &[
            ("org:hamas", "Hamas", EntityType::ORG),
            ("loc:moscow", "Moscou", EntityType::LOC),
            ("per:bogdanov", "Mikhaïl Bogdanov", EntityType::PER),
        ],
        &[("hamas", 3), ("moscou", 3), ("otag", 1), ("bogdanov", 1)],
    );
    (a, an)
}

/// A story in another language and place, with an accented entity.
pub fn paris_summit() -> (Article, Analysis) {
    let mut a = article(
        "paris-summit",
        "Reuters",
        "Aid conference opens in Paris",
        Some("2023-11-09"),
        &["Donors met at the Élysée on Thursday to pledge aid for Gaza civilians."],
    );
    a.lang = Some("en".into());
    let mut an = analysis(
        &a,
        &[
            ("loc:elysee", "Élysée", EntityType::LOC),
            ("loc:gaza", "Gaza", EntityType::LOC),
        ],
        &[("aid", 3), ("donor", 1), ("gaza", 1)],
    );
    an.lang = "en".into();
    (a, an)
}
