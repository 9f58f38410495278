//! Ninth round (issue #4): shapes of news sentences that lost or misread a quote — a subject
//! with an age, a hometown and a relative clause before its verb, a quotation that opens
//! mid-clause, a participle whose quote follows an adjunct, a cue with an adjunct before its
//! clause. The texts are written for these tests in the style of wire copy; none is taken from
//! an evaluation corpus.

mod common;
use common::{by_cue, content, run, src};

/// No quote of `text` has a content that starts with `prefix`.
fn assert_no_content_starting(text: &str, prefix: &str) {
    let out = run(text);
    assert!(
        out.quotes
            .iter()
            .all(|q| !content(q, text).iter().any(|c| c.starts_with(prefix))),
        "{:#?}",
        out.quotes
    );
}

#[test]
fn a_subject_with_age_hometown_and_relative_clause_is_the_source() {
    let text = "Maria Delgado, 47, of Yuma, Ariz., who drove six hours to the rally, said the \
                speech gave her hope for the border towns.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        src(q, text),
        Some("Maria Delgado, 47, of Yuma, Ariz., who drove six hours to the rally")
    );
    assert_eq!(
        content(q, text),
        ["the speech gave her hope for the border towns"]
    );
    assert_eq!(q.speaker.as_deref(), Some("Maria Delgado"));
}

#[test]
fn a_time_or_connective_before_the_subject_is_not_part_of_it() {
    let text = "Last month, Paul Ferris, a spokesman for the port authority, said the cranes \
                would be replaced.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        src(q, text),
        Some("Paul Ferris, a spokesman for the port authority")
    );
    let text = "However, Ines Moreau, the mayor of Lyon, said the tram line would open in May.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("Ines Moreau, the mayor of Lyon"));
}

#[test]
fn a_retired_officer_before_the_name_is_part_of_the_source() {
    let text = "\"The drills are a message to the whole region,\" retired admiral James Holt said.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("retired admiral James Holt"));
    assert_eq!(q.speaker.as_deref(), Some("James Holt"));
}

#[test]
fn when_it_was_said_may_stand_between_the_verb_and_its_clause() {
    let text = "The governor said after the vote she would sign the budget within a week.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        content(q, text),
        ["she would sign the budget within a week"]
    );

    // After a verb with a preposition, the pronoun opens a clause of the writer's.
    let text = "The senator lashed out at the protesters after he left the hall.";
    assert_no_content_starting(text, "he left");
}

#[test]
fn a_time_before_an_interrupting_attribution_is_not_what_was_said() {
    let text = "In recent weeks, aides to the governor say, she has grown tired of the feud.";
    let out = run(text);
    let q = by_cue(&out, text, "say");
    assert_eq!(src(q, text), Some("aides to the governor"));
    assert_eq!(content(q, text), ["she has grown tired of the feud"]);

    // A demonstrative is the subject of what was said, not a time.
    let text = "This, the mayor said, will cost the city its bond rating.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        content(q, text),
        ["This", "will cost the city its bond rating"]
    );
}

#[test]
fn a_relative_that_after_the_quotation_is_not_what_was_told() {
    let text = "\"We have no time left to lose,\" Finance Minister Olaf Berg told reporters after \
                the meeting that was held on a ferry.";
    let out = run(text);
    let q = by_cue(&out, text, "told");
    assert_eq!(content(q, text), ["\"We have no time left to lose,\""]);
}

#[test]
fn on_twitter_is_where_it_was_added_not_a_particle() {
    let text = "\"The summit did too little,\" he added on Twitter.";
    let out = run(text);
    assert_eq!(out.quotes.len(), 1, "{:#?}", out.quotes);
    let q = by_cue(&out, text, "added on Twitter");
    assert_eq!(content(q, text), ["\"The summit did too little,\""]);
}

#[test]
fn what_was_told_starts_at_its_subject_before_a_later_that() {
    let text = "Okafor told the station's weekly podcast it is clear that the pipeline leaked \
                for months.";
    let out = run(text);
    let q = by_cue(&out, text, "told");
    assert_eq!(
        content(q, text),
        ["it is clear that the pipeline leaked for months"]
    );

    // A pronoun inside a relative clause or a question does not start it.
    let text = "The firm would not tell regulators anything it did not have to.";
    assert_no_content_starting(text, "it did");
}

#[test]
fn a_verb_spelled_noun_inside_an_adjunct_does_not_stop_the_search_for_that() {
    let text = "The bank's finance chief, Ana Ruiz, told investors on a conference call that \
                loan losses had peaked.";
    let out = run(text);
    let q = by_cue(&out, text, "told");
    assert_eq!(content(q, text), ["that loan losses had peaked"]);
    assert_eq!(q.speaker.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_participle_after_a_number_is_an_adjective() {
    let text = "The court heard that the defendant had sent more than 200 threatening messages.";
    let out = run(text);
    assert!(
        out.quotes
            .iter()
            .all(|q| q.cue.is_none_or(|c| c.slice(text) != "threatening")),
        "{:#?}",
        out.quotes
    );
    // A year before a participle with its clause is a date, and the participle a cue.
    let text = "The group sued the city in 2019, alleging that the police had spied on mosques.";
    let out = run(text);
    let q = by_cue(&out, text, "alleging");
    assert_eq!(content(q, text), ["that the police had spied on mosques"]);
}

#[test]
fn quoted_by_a_medium_as_saying_is_one_cue() {
    let text = "The defence minister was quoted by state media as saying the sanctions would \
                \"backfire\".";
    let out = run(text);
    assert_eq!(out.quotes.len(), 1, "{:#?}", out.quotes);
    let q = by_cue(&out, text, "was quoted by state media as saying");
    assert_eq!(src(q, text), Some("The defence minister"));
    assert_eq!(content(q, text), ["the sanctions would \"backfire\""]);
}

#[test]
fn an_article_after_a_name_opens_a_new_noun_phrase() {
    let text = "Two people familiar with the matter told Bloomberg the merger could be \
                announced next week.";
    assert_no_content_starting(text, "Bloomberg");
}

#[test]
fn after_a_name_and_its_appositive_the_verb_of_saying_is_not_inverted() {
    let text = "Dr. Lena Park, a virologist at the University of Oslo, said the new strain \
                spread faster.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        src(q, text),
        Some("Dr. Lena Park, a virologist at the University of Oslo")
    );
    assert_eq!(content(q, text), ["the new strain spread faster"]);
}

#[test]
fn last_week_after_the_verb_is_part_of_the_cue() {
    let text = "The governor said last week that the bridge would be rebuilt by 2027.";
    let out = run(text);
    let q = by_cue(&out, text, "said last week");
    assert_eq!(
        content(q, text),
        ["that the bridge would be rebuilt by 2027"]
    );
}

#[test]
fn a_surname_spelled_like_an_auxiliary_is_a_name() {
    let text = "Prime Minister Theresa May said this week that talks would resume in March.";
    let out = run(text);
    let q = by_cue(&out, text, "said this week");
    assert_eq!(src(q, text), Some("Prime Minister Theresa May"));
    // A capitalised day before the verb still belongs to the cue.
    let text = "Sanders on Tuesday said he would stay in the race.";
    let out = run(text);
    let q = by_cue(&out, text, "on Tuesday said");
    assert_eq!(src(q, text), Some("Sanders"));
}

#[test]
fn asked_about_keeps_its_preposition_in_the_cue() {
    let text = "Asked about the possibility that the plant would close, the minister said no \
                decision had been made.";
    let out = run(text);
    let q = by_cue(&out, text, "Asked about");
    assert_eq!(
        content(q, text),
        ["the possibility that the plant would close"]
    );
}

#[test]
fn a_cue_word_heading_the_addressee_is_a_noun() {
    let text = "The ministry's spokesman, Lin Jian, told a regular briefing that Beijing \
                \"firmly opposes\" the tariffs.";
    let out = run(text);
    let q = by_cue(&out, text, "told");
    assert_eq!(
        content(q, text),
        ["that Beijing \"firmly opposes\" the tariffs"]
    );
    assert_eq!(q.speaker.as_deref(), Some("Lin Jian"));
}

#[test]
fn asked_someone_to_explain_why_is_a_request_not_a_question() {
    let text = "The court on Monday asked the government to explain why the rules had not \
                been published.";
    let out = run(text);
    let q = by_cue(&out, text, "on Monday asked");
    assert_eq!(
        content(q, text),
        ["the government to explain why the rules had not been published"]
    );
}
