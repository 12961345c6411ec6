use super::*;
use crate::entities::{Recognizer, RuleRecognizer};
use crate::seeds::seed;

fn quotes(text: &str, lang: &str) -> Vec<Quote> {
    let doc = Doc::new(text);
    let entities = RuleRecognizer::bundled().recognize(&doc, lang);
    QuoteRules::bundled().find(&doc, lang, &entities)
}

fn summary(quotes: &[Quote]) -> Vec<(&str, Option<&str>, Option<&str>, QuoteKind)> {
    quotes
        .iter()
        .map(|q| {
            (
                q.text.as_str(),
                q.speaker.as_deref(),
                q.speaker_key.as_deref(),
                q.kind,
            )
        })
        .collect()
}

#[test]
fn french_speaker_after_the_quote_with_adverbs_between() {
    let text = "« Nous ne céderons pas » a ainsi déclaré le Hamas dans un communiqué.";
    assert_eq!(
        summary(&quotes(text, "fr")),
        [(
            "Nous ne céderons pas",
            Some("le Hamas"),
            Some("org:hamas"),
            QuoteKind::Direct
        )]
    );
}

#[test]
fn french_speaker_before_the_verb_and_after_selon() {
    let text = "Le Qatar a affirmé que la trêve était « fragile ». La rencontre a porté sur « les otages », \
                selon le ministère russe des Affaires étrangères.";
    assert_eq!(
        summary(&quotes(text, "fr")),
        [
            (
                "fragile",
                Some("Le Qatar"),
                Some("loc:qatar"),
                QuoteKind::Partial
            ),
            (
                "les otages",
                Some("le ministère russe des Affaires étrangères"),
                Some("org:russia-foreign-ministry"),
                QuoteKind::Partial
            ),
        ]
    );
}

#[test]
fn statements_are_their_issuers() {
    let text = "Il a été question de « paix durable », selon un communiqué du Hamas publié jeudi. \
                Le ministère de la Santé a publié un bilan, a indiqué l'ONU dans un communiqué. \
                Il a parlé de « trêve humanitaire », selon le communiqué.";
    let found = quotes(text, "fr");
    assert_eq!(found[0].speaker.as_deref(), Some("Hamas"));
    assert_eq!(found[0].speaker_key.as_deref(), Some("org:hamas"));
    assert_eq!(found[1].speaker.as_deref(), Some("l'ONU"));
    assert_eq!(found[1].speaker_key.as_deref(), Some("org:un"));
}

#[test]
fn a_description_resolves_only_to_the_one_fitting_entity() {
    let one = "Le Hamas a parlé. Il veut « une trêve », selon le mouvement islamiste palestinien.";
    assert_eq!(
        quotes(one, "fr")[0].speaker_key.as_deref(),
        Some("org:hamas")
    );
    let two =
        "Le Hamas et le Jihad islamique ont parlé. Il veut « une trêve », selon le mouvement \
               islamiste palestinien.";
    let found = quotes(two, "fr");
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("le mouvement islamiste palestinien")
    );
    assert_eq!(found[0].speaker_key, None, "two movements fit: no guess");
}

#[test]
fn french_pronoun_speakers_name_no_one() {
    let text =
        "Elle a dit qu'il « normalisait » tout, estime-t-elle. Il parle de « paix », selon lui.";
    let found = quotes(text, "fr");
    assert_eq!(found.len(), 2);
    assert!(
        found.iter().all(|q| q.speaker.is_none()),
        "{:?}",
        summary(&found)
    );
}

#[test]
fn english_said_on_either_side_and_pronouns_name_no_one() {
    let text = "\"We will not leave,\" said the Foreign Ministry. The UN said: \"Aid must flow.\" \
                \"It is over,\" he said.";
    assert_eq!(
        summary(&quotes(text, "en")),
        [
            (
                "We will not leave,",
                Some("the Foreign Ministry"),
                Some("org:foreign-ministry"),
                QuoteKind::Direct
            ),
            (
                "Aid must flow.",
                Some("The UN"),
                Some("org:un"),
                QuoteKind::Direct
            ),
            ("It is over,", None, None, QuoteKind::Direct),
        ]
    );
}

#[test]
fn a_verb_not_in_an_incise_takes_its_subject() {
    let found = quotes(
        "Officials said Steele must apologize for his \"war of choice\" remark.",
        "en",
    );
    assert_eq!(
        summary(&found),
        [("war of choice", Some("Officials"), None, QuoteKind::Partial)]
    );
    let text = "Kay, who said little, said Steele needs to \"refocus\" on the vote, though he said no more.";
    let found = quotes(text, "en");
    assert_eq!(
        found[0].speaker.as_deref(),
        Some("Kay"),
        "the subject before the relative clause, neither the object (Steele) nor a pronoun"
    );
}

#[test]
fn languages_without_cues_keep_quotes_without_speakers() {
    let found = quotes("Er sagte: „Wir bleiben hier“, sagte der Minister.", "de");
    assert_eq!(
        summary(&found),
        [("Wir bleiben hier", None, None, QuoteKind::Direct)]
    );
}

fn quote_starting<'q>(found: &'q [Quote], start: &str) -> &'q Quote {
    match found.iter().find(|q| q.text.starts_with(start)) {
        Some(q) => q,
        None => panic!("no quote starting with {start:?} in {:#?}", summary(found)),
    }
}

#[test]
fn seed_000_quotes_and_speakers() {
    let Some(text) = seed("000_bee2e0c6c9ed2ed4.txt") else {
        return;
    };
    let found = quotes(&text, "fr");
    assert_eq!(found.len(), 5, "{:#?}", summary(&found));
    let reported = quote_starting(&found, "celle-ci était dirigée par Moussa Abou Marzouk");
    assert_eq!(
        (reported.speaker.as_deref(), reported.kind),
        (Some("l’agence de presse russe RIA"), QuoteKind::Indirect),
        "« qui a indiqué que » reports the words of the phrase before the relative"
    );
    let inverted = quote_starting(&found, "Moscou insiste sur la nécessité");
    assert_eq!(
        (inverted.speaker.as_deref(), inverted.kind),
        (Some("Maria Zakharova"), QuoteKind::Indirect)
    );
    let first = quote_starting(&found, "La délégation du mouvement");
    assert_eq!(
        (
            first.speaker.as_deref(),
            first.speaker_key.as_deref(),
            first.kind
        ),
        (Some("le Hamas"), Some("org:hamas"), QuoteKind::Direct)
    );
    for start in ["un acte obscène", "à expulser immédiatement"] {
        let q = quote_starting(&found, start);
        assert_eq!(
            q.speaker.as_deref(),
            Some("le ministère israélien des Affaires étrangères"),
            "{start}"
        );
        assert_eq!(
            q.speaker_key.as_deref(),
            Some("org:israel-foreign-ministry")
        );
        assert_eq!(q.kind, QuoteKind::Partial, "{start}");
    }
}

#[test]
fn seed_003_quotes_and_speakers() {
    let Some(text) = seed("003_416032a989ebdd06.txt") else {
        return;
    };
    let found = quotes(&text, "fr");
    let russian_ministry = Some("le ministère russe des Affaires étrangères");
    let first = quote_starting(&found, "La partie russe a insisté");
    assert_eq!(
        (first.speaker.as_deref(), first.kind),
        (russian_ministry, QuoteKind::Direct)
    );
    assert_eq!(
        first.speaker_key.as_deref(),
        Some("org:russia-foreign-ministry")
    );
    assert_eq!(
        quote_starting(&found, "ampleur catastrophique").kind,
        QuoteKind::Partial
    );
    let clarify = quote_starting(&found, "clarifier la position");
    assert_eq!(
        clarify.speaker.as_deref(),
        Some("mouvement islamiste palestinien")
    );
    assert_eq!(clarify.kind, QuoteKind::Partial);
    let clarify_key = clarify.speaker_key.as_deref();
    assert_eq!(
        clarify_key,
        Some("org:hamas"),
        "the one Islamist movement of the article"
    );
    let ceasefire = quote_starting(&found, "les moyens d’obtenir un cessez-le-feu");
    assert_eq!(
        (
            ceasefire.speaker.as_deref(),
            ceasefire.speaker_key.as_deref()
        ),
        (Some("le Hamas"), Some("org:hamas"))
    );
    let principle = quote_starting(&found, "position de principe constante");
    assert_eq!(
        principle.speaker.as_deref(),
        russian_ministry,
        "« selon le communiqué » is the ministry's"
    );
}

#[test]
fn quoting_goes_on_with_the_same_speaker_and_he_is_the_last_person_named() {
    let text = "“We will rebuild,” Mayor Anna Keller said on Monday. “It will take years.”\n\n\
                She added, “Nobody will be left behind.”\n\n\
                “Funds are ready,” the ministry said. “It is a promise.”";
    let all = quotes(text, "en");
    let found = summary(&all);
    let speakers: Vec<Option<&str>> = found.iter().map(|q| q.1).collect();
    assert_eq!(
        speakers,
        [
            Some("Mayor Anna Keller"),
            Some("Mayor Anna Keller"),
            Some("the ministry"),
        ],
        "{found:?}"
    );
    assert_eq!(
        found[0].0, "We will rebuild, It will take years.",
        "one quote on both sides of its reporting clause"
    );
    // An incise right after the quote wins over a later "according to".
    let found = quotes(
        "“It was a mistake,” Mr. Lind said, according to a recording of the call.",
        "en",
    );
    assert_eq!(
        found.first().and_then(|q| q.speaker.as_deref()),
        Some("Mr. Lind")
    );
}

#[test]
fn titles_and_pronouns_resolve_to_the_person_named_last() {
    let text = "Le vice-ministre Mikhaïl Bogdanov a reçu la délégation mercredi.\n\n\
                « Nous voulons une trêve », a déclaré le diplomate russe.\n\n\
                « Rien n'est fait », a-t-il ajouté.";
    let found = quotes(text, "fr");
    let keys: Vec<Option<&str>> = found.iter().map(|q| q.speaker_key.as_deref()).collect();
    assert_eq!(
        keys,
        [Some("per:bogdanov"), Some("per:bogdanov")],
        "{:?}",
        summary(&found)
    );
    let text = "Nancy Pelosi, the Democratic leader, met Mr. Obama on Tuesday. “It is not against him,” she said.";
    let found = quotes(text, "en");
    assert_eq!(
        found.first().and_then(|q| q.speaker.as_deref()),
        Some("Nancy Pelosi"),
        "the subject of the last sentence naming a person, not its object"
    );
}

#[test]
fn reported_speech_in_both_languages() {
    let fr = "Le drame s'est déroulé près du village, ont expliqué à l'AFP les pompiers. \
              La préfecture a indiqué que trois personnes avaient été évacuées.";
    let all = quotes(fr, "fr");
    assert_eq!(
        summary(&all),
        [
            (
                "Le drame s'est déroulé près du village",
                Some("les pompiers"),
                None,
                QuoteKind::Indirect
            ),
            (
                "trois personnes avaient été évacuées",
                Some("La préfecture"),
                None,
                QuoteKind::Indirect
            ),
        ]
    );
    let en = "Trump said Thursday he has doubts about the plan. The bill is narrowly tailored, \
              the senators said. The vote was held in a hall that was full.";
    let all = quotes(en, "en");
    let found = summary(&all);
    let texts: Vec<&str> = found.iter().map(|q| q.0).collect();
    assert_eq!(
        texts,
        [
            "he has doubts about the plan",
            "The bill is narrowly tailored"
        ]
    );
    assert!(found.iter().all(|q| q.3 == QuoteKind::Indirect));
}

#[test]
fn names_titles_and_unattributed_labels_are_not_quotes() {
    let text =
        "The show \"Celebrity Apprentice\" aired. Protesters known as \"birthers\" gathered. \
                Officials said it was a \"grave error\".";
    let all = quotes(text, "en");
    let found = summary(&all);
    assert_eq!(
        found,
        [("grave error", Some("Officials"), None, QuoteKind::Partial)]
    );
}

/// The texts of the reported speech (indirect quotes) found in `text`.
fn reported_texts(text: &str, lang: &str) -> Vec<String> {
    quotes(text, lang)
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| q.text)
        .collect()
}

#[test]
fn english_clauses_without_that() {
    let text = "Calling it a scam, Trump said he'd like Obama to show his birth certificate. \
                Obama vetoed the measure, telling lawmakers the bill would hurt troops. \
                Gowdy said Clinton did not respond to any of the subpoenas. \
                Cheney said in July she plans to challenge Mike Enzi. \
                The request comes after reports revealed Clinton used a private server. \
                And Sen. Olympia Snowe, a Republican from Maine, said she wouldn't seek re-election. \
                Critics have described the chairman as gaffe-prone and said he hasn't raised money.";
    assert_eq!(
        reported_texts(text, "en"),
        [
            "he'd like Obama to show his birth certificate",
            "the bill would hurt troops",
            "Clinton did not respond to any of the subpoenas",
            "she plans to challenge Mike Enzi",
            "Clinton used a private server",
            "she wouldn't seek re-election",
            "he hasn't raised money",
        ]
    );
}

#[test]
fn objects_and_relative_clauses_are_not_reported_speech() {
    let text = "Trump announced Friday a short-term plan that will reopen the government. \
                Hutchinson announced his opposition to the initial version of the bill. \
                Netanyahu was shown warning of the risks of a nuclear Iran. \
                Collins is open to repealing Don't Ask, Don't Tell, even if the other issues remain. \
                The police announced the death of four people so that they could warn the public.";
    assert_eq!(reported_texts(text, "en"), Vec::<String>::new());
}

#[test]
fn a_clause_holding_a_partial_quote_is_the_partial_quote_alone() {
    let text =
        "Trump said Obama has spent $2 million in legal fees \"to get away from this issue.\" \
                He said the plan is dead, calling it a \"stunt\" of the worst kind.";
    let all = quotes(text, "en");
    let found: Vec<(&str, QuoteKind)> = all.iter().map(|q| (q.text.as_str(), q.kind)).collect();
    assert_eq!(
        found,
        [
            ("to get away from this issue.", QuoteKind::Partial),
            ("the plan is dead", QuoteKind::Indirect),
            ("stunt", QuoteKind::Partial),
        ]
    );
}

#[test]
fn incises_cut_by_a_comma_a_date_or_the_subject() {
    let fr = "Au total, 254 personnes sont décédées contre 268 en 2018, a annoncé vendredi \
              13 décembre, la sécurité routière. Le projet, a précisé le ministre, sera présenté lundi.";
    assert_eq!(
        reported_texts(fr, "fr"),
        [
            "Au total, 254 personnes sont décédées contre 268 en 2018",
            "Le projet sera présenté lundi"
        ]
    );
    let en = "An interview, Gowdy argued, would provide protection for her privacy.";
    assert_eq!(
        reported_texts(en, "en"),
        ["An interview would provide protection for her privacy"]
    );
}

#[test]
fn datelines_statements_and_infinitives() {
    let text = "MOSCOU - Une délégation du Hamas a été reçue jeudi à Moscou, a annoncé la \
                diplomatie russe. La période de référence débute le 24 mars, indique le texte. \
                Au Parisien, il affirme tout de même rester simple et discret.";
    assert_eq!(
        reported_texts(text, "fr"),
        [
            "Une délégation du Hamas a été reçue jeudi à Moscou",
            "La période de référence débute le 24 mars",
            "rester simple et discret"
        ]
    );
}

#[test]
fn a_quote_glued_to_the_next_sentence_lets_reported_speech_go_on() {
    let text =
        "Des secours ont été appelés.Cinq blessés en \"urgence relative\"Huit personnes ont \
                été blessées dans l'accident, ont précisé les pompiers.";
    assert_eq!(
        reported_texts(text, "fr"),
        ["Huit personnes ont été blessées dans l'accident"]
    );
}

#[test]
fn titles_in_marks_are_no_quotes_even_with_their_period() {
    let text = "\"And to be honest with you, I hope he can,\" he told \"Today.\"";
    let all = quotes(text, "en");
    let texts: Vec<&str> = all.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["And to be honest with you, I hope he can,"]);
}

#[test]
fn a_long_reporting_clause_still_joins_two_pieces() {
    let text = "“I deeply respect the president,” Sen. Richard Blumenthal (D-Conn.) said ahead \
                of the vote. “But I urge my colleagues to reverse this veto.”";
    let all = quotes(text, "en");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(
        all[0].text,
        "I deeply respect the president, But I urge my colleagues to reverse this veto."
    );
}
