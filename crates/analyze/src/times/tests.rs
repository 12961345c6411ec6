//! Tests of time expressions: fixture sentences written for these tests, and the two seeds.

use super::*;
use crate::seeds::{body, seed};

fn published(value: Option<&str>, precision: Precision) -> Published {
    Published {
        value: value.map(str::to_string),
        precision,
        from: "test".to_string(),
    }
}

fn day(v: &str) -> Published {
    published(Some(v), Precision::Day)
}

fn find(text: &str, lang: &str, p: &Published) -> Vec<TimeExpr> {
    TimeRules::bundled().find(&Doc::new(text), lang, p)
}

/// (text, value) of every expression.
fn pairs(text: &str, lang: &str, p: &Published) -> Vec<(String, Option<String>)> {
    find(text, lang, p)
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect()
}

fn one(text: &str, lang: &str, p: &Published) -> TimeExpr {
    let found = find(text, lang, p);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found.into_iter().next().unwrap_or_else(|| unreachable!())
}

fn p(t: &str, v: &str) -> (String, Option<String>) {
    (t.to_string(), Some(v.to_string()))
}

#[test]
fn french_absolute_dates() {
    let pubd = day("2024-01-19");
    assert_eq!(
        pairs("Les attaques du 7 octobre 2023 ont choqué.", "fr", &pubd),
        [p("7 octobre 2023", "2023-10-07")]
    );
    // Without its year, the date takes the year nearest the publication.
    assert_eq!(
        pairs("Depuis le 7 octobre, la guerre dure.", "fr", &pubd),
        [p("7 octobre", "2023-10-07")]
    );
    assert_eq!(
        pairs("Le 1er janvier, rien.", "fr", &pubd),
        [p("1er janvier", "2024-01-01")]
    );
    assert_eq!(
        pairs("Le sommet du 15 mars sera décisif.", "fr", &pubd),
        [p("15 mars", "2024-03-15")]
    );
    assert_eq!(
        pairs("Il est arrivé le 19/01/2024.", "fr", &pubd),
        [p("19/01/2024", "2024-01-19")]
    );
}

#[test]
fn english_absolute_dates() {
    let pubd = day("2024-01-25");
    assert_eq!(
        pairs("It happened on January 19, 2024, at noon.", "en", &pubd),
        [p("January 19, 2024", "2024-01-19")]
    );
    assert_eq!(
        pairs("Talks began Jan. 19 in Doha.", "en", &pubd),
        [p("Jan. 19", "2024-01-19")]
    );
    assert_eq!(
        pairs("Talks began on 19 January 2024.", "en", &pubd),
        [p("19 January 2024", "2024-01-19")]
    );
    assert_eq!(
        pairs("The file is dated 2024-01-19.", "en", &pubd),
        [p("2024-01-19", "2024-01-19")]
    );
    assert_eq!(
        pairs("Since October 7, the war goes on.", "en", &pubd),
        [p("October 7", "2023-10-07")]
    );
}

#[test]
fn months_and_years() {
    let pubd = day("2024-01-19");
    let t = one("La trêve a été signée en novembre 2023.", "fr", &pubd);
    assert_eq!(
        (t.value.as_deref(), t.precision),
        (Some("2023-11"), Precision::Month)
    );
    let t = one("La trêve a été signée en novembre.", "fr", &pubd);
    assert_eq!(
        (t.text.as_str(), t.value.as_deref()),
        ("novembre", Some("2023-11"))
    );
    let t = one("Les élections ont eu lieu en 2022.", "fr", &pubd);
    assert_eq!(
        (t.text.as_str(), t.value.as_deref(), t.precision),
        ("2022", Some("2022"), Precision::Year)
    );
    let t = one("Prices rose in October 2023.", "en", &pubd);
    assert_eq!(t.value.as_deref(), Some("2023-10"));
    assert_eq!(
        pairs("Prices have risen since 2019.", "en", &pubd),
        [p("2019", "2019")]
    );
}

#[test]
fn ambiguous_month_words_need_context() {
    let pubd = day("2024-01-19");
    assert!(find("Mars est une planète.", "fr", &pubd).is_empty());
    assert!(
        find("He may come.", "en", &pubd).is_empty(),
        "lower-case may is a verb"
    );
    assert!(
        find("Il a compté 2023 voix.", "fr", &pubd).is_empty(),
        "a bare number is not a year"
    );
}

#[test]
fn weekdays_resolve_only_with_a_day_precise_publication() {
    // 2024-01-19 is a Friday.
    let pubd = day("2024-01-19");
    assert_eq!(
        pairs("La délégation est arrivée vendredi.", "fr", &pubd),
        [p("vendredi", "2024-01-19")]
    );
    assert_eq!(
        pairs("Elle est arrivée mercredi soir.", "fr", &pubd),
        [p("mercredi soir", "2024-01-17")]
    );
    assert_eq!(
        pairs("Il reviendra vendredi prochain.", "fr", &pubd),
        [p("vendredi prochain", "2024-01-26")]
    );
    assert_eq!(
        pairs("Il est venu vendredi dernier.", "fr", &pubd),
        [p("vendredi dernier", "2024-01-12")]
    );
    assert_eq!(
        pairs("They met on Friday.", "en", &pubd),
        [p("Friday", "2024-01-19")]
    );
    assert_eq!(
        pairs("They met last Tuesday.", "en", &pubd),
        [p("last Tuesday", "2024-01-16")]
    );
    assert_eq!(
        pairs("They meet next Monday.", "en", &pubd),
        [p("next Monday", "2024-01-22")]
    );
    // Known only to the month, the publication gives a weekday its month, no more.
    let month = published(Some("2024-01"), Precision::Month);
    let t = one("Elle est arrivée vendredi.", "fr", &month);
    assert_eq!(t.value.as_deref(), Some("2024-01"));
    assert_eq!(t.precision, Precision::Month);
    assert_eq!(
        t.why.as_deref(),
        Some("publication date known to the month")
    );
    let t = one(
        "Elle est arrivée vendredi.",
        "fr",
        &published(None, Precision::Unknown),
    );
    assert_eq!(t.value, None);
    assert_eq!(
        t.why.as_deref(),
        Some("weekday needs a publication date known to the day (have: unknown)")
    );
}

#[test]
fn relative_days() {
    let pubd = day("2024-01-19");
    assert_eq!(
        pairs("Hier, le ministre a parlé.", "fr", &pubd),
        [p("Hier", "2024-01-18")]
    );
    assert_eq!(
        pairs("Il part aujourd'hui et revient demain.", "fr", &pubd),
        [p("aujourd'hui", "2024-01-19"), p("demain", "2024-01-20")]
    );
    assert_eq!(
        pairs("He spoke yesterday.", "en", &pubd),
        [p("yesterday", "2024-01-18")]
    );
    let unknown = Published::default();
    let t = one("He spoke yesterday.", "en", &unknown);
    assert_eq!(
        t.why.as_deref(),
        Some("relative day needs a publication date known to the day (have: unknown)")
    );
}

#[test]
fn anchored_days_count_from_the_previous_date() {
    let pubd = day("2024-01-19");
    let found = pairs(
        "Le vote a eu lieu le 12 janvier. La veille, des heurts avaient éclaté.",
        "fr",
        &pubd,
    );
    assert_eq!(
        found,
        [p("12 janvier", "2024-01-12"), p("La veille", "2024-01-11")]
    );
    // With no earlier day in the text, the count starts from the publication day; when that
    // is known only to the month, only the month can be given.
    let t = one("The next day, talks resumed.", "en", &pubd);
    assert_eq!(t.value.as_deref(), Some("2024-01-20"));
    let month = published(Some("2024-01"), Precision::Month);
    let t = one("The next day, talks resumed.", "en", &month);
    assert_eq!(
        (t.value.as_deref(), t.precision),
        (Some("2024-01"), Precision::Month)
    );
    // Counted from an event the text names but never dates: null, with the reason.
    let t = one("The day after the primary, talks resumed.", "en", &pubd);
    assert_eq!(t.value, None);
    assert_eq!(
        t.why.as_deref(),
        Some("counted from an event the text does not date")
    );
}

#[test]
fn weekday_check_and_impossible_dates() {
    let month = published(Some("2023-10"), Precision::Month);
    let t = one("le samedi 7 octobre", "fr", &month);
    assert_eq!(
        (t.text.as_str(), t.value.as_deref(), t.why.as_deref()),
        ("samedi 7 octobre", Some("2023-10-07"), None)
    );
    let t = one("le lundi 7 octobre 2023", "fr", &month);
    assert_eq!(t.value.as_deref(), Some("2023-10-07"));
    assert_eq!(
        t.why.as_deref(),
        Some("the weekday written does not match the date")
    );
    let t = one("le 31 février 2023", "fr", &month);
    assert_eq!((t.value, t.why.as_deref()), (None, Some("no such date")));
}

#[test]
fn unknown_language_and_bad_publication_dates_do_not_panic() {
    assert!(find("am 7. Oktober 2023", "de", &day("2024-01-19")).is_empty());
    let bad = published(Some("not-a-date"), Precision::Day);
    let t = one("le 7 octobre", "fr", &bad);
    assert_eq!(t.why.as_deref(), Some("no year: publication date unknown"));
    let t = one(
        "vendredi",
        "fr",
        &published(Some("2024-13-45"), Precision::Day),
    );
    assert_eq!(t.value, None);
}

#[test]
fn seed_000_published_in_october_2023() {
    let Some(raw) = seed("000_bee2e0c6c9ed2ed4.txt") else {
        return;
    };
    let pubd = published(Some("2023-10"), Precision::Month);
    let found = find(body(&raw), "fr", &pubd);
    let get = |t: &str| {
        found
            .iter()
            .find(|x| x.text == t)
            .unwrap_or_else(|| panic!("{t} not found in {found:?}"))
    };
    let wed = get("mercredi soir");
    assert_eq!(
        (wed.value.as_deref(), wed.precision),
        (Some("2023-10"), Precision::Month)
    );
    assert_eq!(
        wed.why.as_deref(),
        Some("publication date known to the month")
    );
    let sat = get("samedi 7 octobre");
    assert_eq!(
        (sat.value.as_deref(), sat.precision),
        (Some("2023-10-07"), Precision::Day)
    );
}

#[test]
fn seed_003_with_unknown_publication_date() {
    let Some(raw) = seed("003_416032a989ebdd06.txt") else {
        return;
    };
    let found: Vec<TimeExpr> = find(&raw, "fr", &Published::default())
        .into_iter()
        .map(|t| TimeExpr {
            text: t.text.replace(['\u{a0}', '\u{202f}'], " "),
            ..t
        })
        .collect();
    let fri: Vec<_> = found.iter().filter(|t| t.text == "vendredi").collect();
    assert_eq!(fri.len(), 3, "{found:?}");
    assert!(fri.iter().all(|t| t.value.is_none()
        && t.why
            .as_deref()
            .is_some_and(|w| w.contains("have: unknown"))));
    let full = found
        .iter()
        .find(|t| t.text == "7 octobre 2023")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(full.value.as_deref(), Some("2023-10-07"));
    let short = found
        .iter()
        .find(|t| t.text == "7 octobre")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(short.value, None);
    assert_eq!(
        short.why.as_deref(),
        Some("no year: publication date unknown")
    );
}

#[test]
fn periods_counted_from_the_publication_date() {
    // Wednesday 1 December 2010.
    let pubd = day("2010-12-01");
    let text = "Talks stalled last week and resume early next week. Sales fell last month \
                and will rise next year. The vote came last weekend, as it has more recently.";
    assert_eq!(
        pairs(text, "en", &pubd),
        vec![
            p("last week", "2010-11-22/2010-11-28"),
            p("early next week", "2010-12-06/2010-12-12"),
            p("last month", "2010-11"),
            p("next year", "2011"),
            p("last weekend", "2010-11-27/2010-11-28"),
            ("more recently".to_string(), None),
        ]
    );
    // Sunday 10 March 2019: the week and weekend end on the publication day.
    let pubd = day("2019-03-10");
    let text = "Cette semaine, le club a gagné deux fois ; le week-end a été calme. \
                L'année dernière, il avait perdu.";
    assert_eq!(
        pairs(text, "fr", &pubd),
        vec![
            p("Cette semaine", "2019-03-04/2019-03-10"),
            p("week-end", "2019-03-09/2019-03-10"),
            p("année dernière", "2018"),
        ]
    );
    let week = one(
        "Il a neigé la semaine dernière.",
        "fr",
        &published(Some("2019-03"), Precision::Month),
    );
    assert_eq!((week.value, week.precision), (None, Precision::Unknown));
    let m = one(
        "Prices rose this month.",
        "en",
        &published(Some("2019-03"), Precision::Month),
    );
    assert_eq!(m.value.as_deref(), Some("2019-03"));
}

#[test]
fn weekdays_of_future_clauses_resolve_forward() {
    // Wednesday 8 June 2016.
    let pubd = day("2016-06-08");
    let text = "The mayor will meet the unions on Thursday. She met them on Tuesday, \
                and she will decide Wednesday.";
    assert_eq!(
        pairs(text, "en", &pubd),
        vec![
            p("Thursday", "2016-06-09"),
            p("Tuesday", "2016-06-07"),
            p("Wednesday", "2016-06-08"),
        ]
    );
    assert_eq!(
        pairs(
            "Les travaux doivent reprendre lundi, a dit le maire.",
            "fr",
            &pubd
        ),
        vec![p("lundi", "2016-06-13")]
    );
    // A future verb of another clause leaves a past weekday alone.
    assert_eq!(
        pairs("He will run again, he said Monday.", "en", &pubd),
        vec![p("Monday", "2016-06-06")]
    );
}

#[test]
fn bare_years_and_decades() {
    let pubd = day("2015-07-31");
    assert_eq!(
        pairs(
            "During the 2012 campaign he sold them for $2010 to 2000 people, as in the 1940s.",
            "en",
            &pubd
        ),
        vec![p("2012", "2012"), p("1940s", "1940/1949")]
    );
    assert_eq!(
        pairs(
            "Une hausse par rapport à 2014, avec 1800 personnes et 2013 euros.",
            "fr",
            &pubd
        ),
        vec![p("2014", "2014")]
    );
}

#[test]
fn english_possessives_of_days_and_periods() {
    // Thursday 9 June 2016.
    let pubd = day("2016-06-09");
    assert_eq!(
        pairs(
            "After Tuesday's vote, this week's papers looked to next year's race.",
            "en",
            &pubd
        ),
        vec![
            p("Tuesday's", "2016-06-07"),
            p("this week's", "2016-06-06/2016-06-12"),
            p("next year's", "2017"),
        ]
    );
}

#[test]
fn offsets_back_from_the_publication_date() {
    // Saturday 12 September 2020.
    let pubd = day("2020-09-12");
    assert_eq!(
        pairs(
            "Le chantier a commencé il y a six mois, le projet il y a cinq ans, la grève voilà une semaine.",
            "fr",
            &pubd
        ),
        vec![
            p("il y a six mois", "2020-03"),
            p("il y a cinq ans", "2015"),
            p("voilà une semaine", "2020-09-05"),
        ]
    );
    assert_eq!(
        pairs("She ran two years ago and 3 days ago.", "en", &pubd),
        vec![p("two years ago", "2018"), p("3 days ago", "2020-09-09")]
    );
    let unknown = one(
        "She ran two years ago.",
        "en",
        &published(None, Precision::Unknown),
    );
    assert_eq!(
        (unknown.value, unknown.precision),
        (None, Precision::Unknown)
    );
}

#[test]
fn month_after_a_multi_word_lead() {
    let pubd = day("2019-05-05");
    assert_eq!(
        pairs(
            "Il a neigé en plein mois de mai, dans un immeuble de sept étages.",
            "fr",
            &pubd
        ),
        vec![p("mai", "2019-05")]
    );
}

#[test]
fn ranges_give_both_ends() {
    let pubd = day("2020-05-15");
    assert_eq!(
        pairs(
            "Versée entre le 1er mars et le 30 avril 2020, précise le décret.",
            "fr",
            &pubd
        ),
        [p("1er mars et le 30 avril 2020", "2020-03-01/2020-04-30")]
    );
    assert_eq!(
        pairs("Interrogés du 24 au 25 octobre 2018.", "fr", &pubd),
        [p("24 au 25 octobre 2018", "2018-10-24/2018-10-25")]
    );
    // The first weekday is the one before the dated second end.
    assert_eq!(
        pairs(
            "Dans la nuit de mercredi à jeudi 27 février, le feu a pris.",
            "fr",
            &pubd
        ),
        [p("mercredi à jeudi 27 février", "2020-02-26/2020-02-27")]
    );
    let en = day("2015-07-31");
    assert_eq!(
        pairs("They earned $141 million from 2007 to 2014.", "en", &en),
        [p("2007 to 2014", "2007/2014")]
    );
    assert_eq!(
        pairs("He spent $1 million in April and May alone.", "en", &en),
        [p("April and May", "2015-04/2015-05")]
    );
    // Without "entre", two weekdays joined by "et" stay two days.
    assert_eq!(
        pairs("Les trains rouleront lundi et mardi.", "fr", &pubd).len(),
        2
    );
}

#[test]
fn named_dates_and_event_years() {
    let pubd = day("2016-09-28");
    assert_eq!(
        pairs("A bill to let 9/11 victims sue.", "en", &pubd),
        [p("9/11", "2001-09-11")]
    );
    assert_eq!(
        pairs(
            "Families of those killed in the Sept. 11 attacks.",
            "en",
            &pubd
        ),
        [p("Sept. 11", "2001-09-11")]
    );
    // Without an event word, the date is this year's.
    assert_eq!(
        pairs(
            "The vote took place on Sept. 11 in the Senate.",
            "en",
            &pubd
        ),
        [p("Sept. 11", "2016-09-11")]
    );
}

#[test]
fn parts_of_days_nights_and_rolling_periods() {
    let pubd = day("2019-12-13");
    assert_eq!(
        pairs("Le vent soufflait fort à la mi-journée.", "fr", &pubd),
        [p("la mi-journée", "2019-12-13")]
    );
    assert_eq!(
        pairs(
            "Samedi 7 décembre dans la soirée, un accident.",
            "fr",
            &pubd
        ),
        [
            p("Samedi 7 décembre", "2019-12-07"),
            p("dans la soirée", "2019-12-07")
        ]
    );
    assert_eq!(
        pairs("Une accalmie est attendue la nuit prochaine.", "fr", &pubd),
        [p("nuit prochaine", "2019-12-13/2019-12-14")]
    );
    assert_eq!(
        pairs("417 malades au cours des 7 derniers jours.", "fr", &pubd),
        [p("7 derniers jours", "2019-12-07/2019-12-13")]
    );
    let rolling = one("Sur les 12 derniers mois, 3 235 tués.", "fr", &pubd);
    assert_eq!(rolling.value, None);
    assert_eq!(
        pairs("Il a bu une bière last night.", "en", &pubd),
        [p("last night", "2019-12-12")]
    );
}

#[test]
fn yearless_months_lie_ahead_only_in_future_sentences() {
    let pubd = day("2014-04-25");
    assert_eq!(
        pairs(
            "Biton pleaded guilty in August to a fraud charge.",
            "en",
            &pubd
        ),
        [p("August", "2013-08")]
    );
    assert_eq!(
        pairs("He will decide by August whether to run.", "en", &pubd),
        [p("August", "2014-08")]
    );
    // A few days off, a date is meant even when its weekday is miswritten.
    let t = one(
        "Pour la journée de mardi 19 juin, sa fortune a grimpé.",
        "fr",
        &day("2019-06-19"),
    );
    assert_eq!(t.value.as_deref(), Some("2019-06-19"));
    assert!(t.why.is_some());
}

#[test]
fn counts_after_an_event_seasons_easter_and_years_from_the_text() {
    let pubd = day("2015-04-02");
    // "one day after X" dates X, counted from the day of its sentence.
    assert_eq!(
        pairs(
            "He signed it on Thursday, one day after refusing to sign it.",
            "en",
            &pubd
        ),
        [
            p("Thursday", "2015-04-02"),
            p("one day after", "2015-04-01")
        ]
    );
    assert_eq!(
        pairs("A tape released last fall.", "en", &day("2017-11-10")),
        [p("fall", "2016-09/2016-11")]
    );
    assert_eq!(
        pairs("Candidates running in the fall.", "en", &day("2016-03-25")),
        [p("fall", "2016-09/2016-11")]
    );
    assert!(pairs("The fall of the regime.", "en", &pubd).is_empty());
    assert_eq!(
        pairs("La messe de Pâques a été visée.", "fr", &day("2019-04-21")),
        [p("Pâques", "2019-04-21")]
    );
    assert_eq!(
        pairs("It began in 2010. A year later, he said more.", "en", &pubd),
        [p("2010", "2010"), p("A year later", "2011")]
    );
    assert_eq!(
        pairs(
            "Une rixe a eu lieu dans l'après-midi de mercredi 31 juillet.",
            "fr",
            &day("2019-08-01")
        ),
        [p("dans l'après-midi de mercredi 31 juillet", "2019-07-31")]
    );
}

#[test]
fn parts_of_months_vague_offsets_and_seasons_of_a_year() {
    let pubd = day("2020-03-25");
    assert_eq!(
        pairs("Les faits remontent à la mi-mars.", "fr", &pubd),
        [p("mi-mars", "2020-03")]
    );
    assert_eq!(
        pairs("Since mid-March 2019, nothing.", "en", &pubd),
        [p("mid-March 2019", "2019-03")]
    );
    assert_eq!(
        pairs("À ce jour, 20 morts.", "fr", &pubd),
        [p("ce jour", "2020-03-25")]
    );
    let vague = one("Il y a quelques jours, rien.", "fr", &pubd);
    assert_eq!(vague.value, None);
    let vague = one("A few days ago, nothing.", "en", &pubd);
    assert_eq!(vague.value, None);
    assert_eq!(
        pairs("In the summer of 2018, talks began.", "en", &pubd),
        [p("summer of 2018", "2018-06/2018-08")]
    );
}

#[test]
fn future_tense_turns_weekdays_forward() {
    // Published on a Friday.
    let pubd = day("2024-01-19");
    for text in [
        "The documentary is to be shown on Tuesday.",
        "Talks are set to resume Tuesday in Cairo.",
        "The president is due to visit on Tuesday.",
    ] {
        assert_eq!(
            pairs(text, "en", &pubd),
            [p("Tuesday", "2024-01-23")],
            "{text}"
        );
    }
    // French writes the future in the verb's ending.
    assert_eq!(
        pairs("Le président se rendra jeudi à Lyon.", "fr", &pubd),
        [p("jeudi", "2024-01-25")]
    );
    assert_eq!(
        pairs("Les syndicats manifesteront mardi.", "fr", &pubd),
        [p("mardi", "2024-01-23")]
    );
    // A name with that ending is no verb, and past tense stays past.
    assert_eq!(
        pairs("Laura a parlé jeudi devant la caméra.", "fr", &pubd),
        [p("jeudi", "2024-01-18")]
    );
    assert_eq!(
        pairs("The film was shown on Tuesday.", "en", &pubd),
        [p("Tuesday", "2024-01-16")]
    );
}

#[test]
fn a_weekend_on_a_friday_or_in_the_future_is_the_coming_one() {
    assert_eq!(
        pairs(
            "Des manifestations ont eu lieu ce week-end.",
            "fr",
            &day("2024-01-22")
        ),
        [p("week-end", "2024-01-20/2024-01-21")]
    );
    assert_eq!(
        pairs(
            "Des manifestations sont prévues ce week-end.",
            "fr",
            &day("2024-01-17")
        ),
        [p("week-end", "2024-01-20/2024-01-21")]
    );
    assert_eq!(
        pairs(
            "This weekend, fans gather in Paris.",
            "en",
            &day("2024-01-19")
        ),
        [p("This weekend", "2024-01-20/2024-01-21")]
    );
    assert_eq!(
        pairs(
            "This past weekend, fans gathered.",
            "en",
            &day("2024-01-24")
        ),
        [p("This past weekend", "2024-01-20/2024-01-21")]
    );
}

#[test]
fn a_day_written_without_its_month() {
    let pubd = day("2024-01-19");
    // In the month of the last day the text gave.
    assert_eq!(
        pairs("Talks began on Dec. 3 and ended on the 15th.", "en", &pubd),
        [p("Dec. 3", "2023-12-03"), p("15th", "2023-12-15")]
    );
    // Else in the publication month, or the one before when the day is not yet past.
    assert_eq!(
        pairs("The payment was made on the 10th.", "en", &pubd),
        [p("10th", "2024-01-10")]
    );
    assert_eq!(
        pairs("Le paiement a été effectué le 25.", "fr", &pubd),
        [p("25", "2023-12-25")]
    );
    assert_eq!(
        pairs("Le 1er, la loi entrera en vigueur.", "fr", &pubd),
        [p("1er", "2024-02-01")]
    );
    // With a weekday: the nearest such day that falls on it.
    assert_eq!(
        pairs("Vendredi 29, les élus ont voté.", "fr", &day("2020-06-01")),
        [p("Vendredi 29", "2020-05-29")]
    );
    assert_eq!(
        pairs("The 15th of March was tense.", "en", &pubd),
        [p("15th of March", "2024-03-15")]
    );
    // Ranks and teams are no days.
    for (text, lang) in [
        ("In the 15th century, it was built.", "en"),
        ("The 15th anniversary passed.", "en"),
        ("Le 15 de France a gagné.", "fr"),
        ("Il se classe au 15e rang.", "fr"),
        ("The 15 members voted.", "en"),
    ] {
        assert!(pairs(text, lang, &pubd).is_empty(), "{text}");
    }
}

#[test]
fn decades_in_both_languages() {
    let pubd = day("2024-01-19");
    for (text, lang, locate, value) in [
        (
            "Dans les années 1990, la ville a grandi.",
            "fr",
            "années 1990",
            "1990/1999",
        ),
        (
            "Dans les années 80, tout allait bien.",
            "fr",
            "années 80",
            "1980/1989",
        ),
        (
            "Depuis les années 2000, rien.",
            "fr",
            "années 2000",
            "2000/2009",
        ),
        ("In the '90s, prices fell.", "en", "'90s", "1990/1999"),
        ("The 1970s were loud.", "en", "1970s", "1970/1979"),
    ] {
        assert_eq!(pairs(text, lang, &pubd), [p(locate, value)], "{text}");
    }
    assert_eq!(
        pairs("A decade ago, it was different.", "en", &pubd),
        [p("A decade ago", "2014")]
    );
}

#[test]
fn counts_from_the_last_day_given_and_null_when_none() {
    let pubd = day("2024-01-19");
    assert_eq!(
        pairs(
            "Le 3 janvier, la police l'a arrêté ; deux jours plus tard, il a été inculpé.",
            "fr",
            &pubd
        ),
        [
            p("3 janvier", "2024-01-03"),
            p("deux jours plus tard", "2024-01-05")
        ]
    );
    assert_eq!(
        pairs(
            "On Jan. 10 he spoke. A week earlier, he had been detained.",
            "en",
            &pubd
        ),
        [
            p("Jan. 10", "2024-01-10"),
            p("A week earlier", "2024-01-03")
        ]
    );
    assert_eq!(
        pairs(
            "Le 2 janvier, il est parti. Trois mois plus tard, il est revenu.",
            "fr",
            &pubd
        ),
        [
            p("2 janvier", "2024-01-02"),
            p("Trois mois plus tard", "2024-04")
        ]
    );
    // The event counted from is never dated: no guess from the publication date.
    for (text, lang) in [
        ("Two weeks later, he was released.", "en"),
        ("Une semaine plus tôt, il avait été arrêté.", "fr"),
    ] {
        let t = one(text, lang, &pubd);
        assert_eq!(t.value, None, "{text}");
        assert_eq!(
            t.why.as_deref(),
            Some("counted from an event the text does not date")
        );
    }
}

#[test]
fn parts_of_periods_named_in_words() {
    let pubd = day("2024-01-19");
    for (text, lang, locate, value) in [
        (
            "Fin de l'année dernière, le projet a calé.",
            "fr",
            "Fin de l'année dernière",
            "2023",
        ),
        (
            "L'an passé, la croissance a ralenti.",
            "fr",
            "an passé",
            "2023",
        ),
        (
            "En fin de mois, les prix ont grimpé.",
            "fr",
            "En fin de mois",
            "2024-01",
        ),
        (
            "At the end of last year, prices rose.",
            "en",
            "end of last year",
            "2023",
        ),
        (
            "Early next month, the law takes effect.",
            "en",
            "Early next month",
            "2024-02",
        ),
        (
            "En début de semaine, les syndicats ont appelé à la grève.",
            "fr",
            "En début de semaine",
            "2024-01-15/2024-01-21",
        ),
    ] {
        assert_eq!(pairs(text, lang, &pubd), [p(locate, value)], "{text}");
    }
}

#[test]
fn a_publication_known_to_the_month_gives_days_their_month() {
    let pubd = published(Some("2024-01"), Precision::Month);
    for (text, lang) in [
        ("Il a parlé mardi.", "fr"),
        ("Il a parlé hier.", "fr"),
        ("He spoke on Tuesday.", "en"),
        ("He spoke yesterday.", "en"),
        ("The vote was this week.", "en"),
    ] {
        let t = one(text, lang, &pubd);
        assert_eq!(t.value.as_deref(), Some("2024-01"), "{text}");
        assert_eq!(t.precision, Precision::Month);
        assert_eq!(
            t.why.as_deref(),
            Some("publication date known to the month")
        );
    }
    // A date written in full keeps its day.
    assert_eq!(
        pairs("He spoke on Jan. 10.", "en", &pubd),
        [p("Jan. 10", "2024-01-10")]
    );
    // Without any publication date, a weekday stays null.
    assert_eq!(
        one(
            "He spoke on Tuesday.",
            "en",
            &published(None, Precision::Unknown)
        )
        .value,
        None
    );
}

#[test]
fn weekdays_after_one_found_ahead() {
    let pubd = day("2016-09-28");
    // Coordinated with a weekday ahead, shortly after it.
    assert_eq!(
        pairs(
            "The vote is expected to begin in the Senate on Wednesday, followed by the House on Thursday.",
            "en",
            &pubd
        ),
        [p("Wednesday", "2016-09-28"), p("Thursday", "2016-09-29")]
    );
    // The same weekday named again later is that day.
    assert_eq!(
        pairs(
            "He will speak with members Monday evening. He asked them to join a call Monday evening.",
            "en",
            &day("2010-12-12")
        ),
        [p("Monday evening", "2010-12-13"), p("Monday evening", "2010-12-13")]
    );
    // Far from it, in a past clause, a weekday stays past.
    assert_eq!(
        pairs(
            "Les chiffres devraient être actualisés mardi, selon le communiqué publié ce matin par le ministère, qui compare avec le bilan de dimanche.",
            "fr",
            &day("2020-06-01")
        ),
        [p("mardi", "2020-06-02"), p("ce matin", "2020-06-01"), p("dimanche", "2020-05-31")]
    );
}
