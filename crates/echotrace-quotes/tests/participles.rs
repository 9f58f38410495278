//! Sixth round (issue #4): who speaks through a participle cue (`…, saying …`), through a
//! document someone issues (`released a statement saying …`), and subjects with a prepositional
//! phrase (`Officials familiar with the talks said`). The sentences are written for
//! these tests in the style of wire copy; none is taken from an evaluation corpus.

mod common;
use common::{by_cue, content, run, src};

#[test]
fn a_fronted_subordinate_clause_is_not_the_subject_of_a_participle() {
    let text = "As the ministers met in Brussels, the farmers union was rallying in Lyon, \
                warning that fuel prices would ruin the harvest.";
    let out = run(text);
    let q = by_cue(&out, text, "warning");
    assert_eq!(
        content(q, text),
        ["that fuel prices would ruin the harvest"]
    );
    assert_eq!(src(q, text), Some("the farmers union"));
}

#[test]
fn a_fronted_time_adverbial_is_not_the_subject_of_a_participle() {
    let text = "Shortly after the merger was announced, the founding families mobilised, \
                arguing that the deal would destroy the company's culture.";
    let out = run(text);
    let q = by_cue(&out, text, "arguing");
    assert_eq!(src(q, text), Some("the founding families"));
}

#[test]
fn a_participle_inside_the_fronted_clause_has_that_clause_s_subject() {
    let text =
        "When the governor was touring the flood zone on Monday, praising the rescue crews, \
                the river had already burst its banks.";
    let out = run(text);
    let q = by_cue(&out, text, "praising");
    assert_eq!(src(q, text), Some("the governor"));
}

#[test]
fn a_participle_right_after_the_subordinator_takes_the_main_subject() {
    let text = "While saying that he respects the unions, the minister made clear that the \
                reform would go ahead.";
    let out = run(text);
    let q = by_cue(&out, text, "saying");
    assert_eq!(content(q, text), ["that he respects the unions"]);
    assert_eq!(src(q, text), Some("the minister"));
}

#[test]
fn a_role_before_the_name_is_part_of_the_subject() {
    let text = "Conservative party leader Kemi Badenoch also weighed in on Friday, tweeting \
                that the vote had been a disgrace.";
    let out = run(text);
    let q = by_cue(&out, text, "tweeting");
    assert_eq!(
        src(q, text),
        Some("Conservative party leader Kemi Badenoch")
    );
}

#[test]
fn the_issuer_of_a_document_speaks_through_it() {
    let text = "The ministry released a statement on Tuesday night saying the border would \
                reopen.";
    let out = run(text);
    let q = by_cue(&out, text, "released a statement on Tuesday night saying");
    assert_eq!(content(q, text), ["the border would reopen"]);
    assert_eq!(src(q, text), Some("The ministry"));

    let text = "The opposition fired back a response calling the budget a fraud.";
    let out = run(text);
    let q = by_cue(&out, text, "fired back a response calling");
    assert_eq!(src(q, text), Some("The opposition"));

    let text = "Her campaign sent out an email to supporters stating that the race was tied.";
    let out = run(text);
    let q = by_cue(&out, text, "sent out an email to supporters stating");
    assert_eq!(content(q, text), ["that the race was tied"]);
    assert_eq!(src(q, text), Some("Her campaign"));
}

#[test]
fn a_prepositional_phrase_after_the_subject_noun_is_part_of_the_subject() {
    let text = "Officials familiar with the negotiations said the talks had stalled over fishing \
                rights.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        content(q, text),
        ["the talks had stalled over fishing rights"]
    );
    assert_eq!(
        src(q, text),
        Some("Officials familiar with the negotiations")
    );

    let text = "A new survey of farmers in all 16 states shows that most expect lower yields.";
    let out = run(text);
    let q = by_cue(&out, text, "shows");
    assert_eq!(
        src(q, text),
        Some("A new survey of farmers in all 16 states")
    );

    let text = "Two in three said they would not vote for him.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("Two in three"));
}

#[test]
fn a_noun_spelled_like_a_cue_keeps_its_prepositional_phrase_out() {
    // `attacks` and `support` are nouns here: no subject is built across `in` or `with`.
    let text = "Between the three candidates, Moreno wins with 38 percent support.";
    let out = run(text);
    assert!(out.quotes.is_empty(), "{:#?}", out.quotes);
}

#[test]
fn a_participle_after_a_quotation_closing_on_its_comma_has_the_subject() {
    let text = "The union's leader called the offer a \u{201C}calculated insult,\u{201D} adding \
                that strikes would go ahead on Monday.";
    let out = run(text);
    let q = by_cue(&out, text, "adding");
    assert_eq!(content(q, text), ["that strikes would go ahead on Monday"]);
    assert_eq!(src(q, text), Some("The union's leader"));
}

#[test]
fn a_clause_before_said_comma_adding_is_what_was_said() {
    let text = "The two leaders will meet in Geneva next month, the spokesman said, adding, \
                \"They have a great deal to discuss.\"";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        content(q, text),
        ["The two leaders will meet in Geneva next month"]
    );
    assert_eq!(src(q, text), Some("the spokesman"));
    let q = by_cue(&out, text, "adding");
    assert_eq!(content(q, text), ["\"They have a great deal to discuss.\""]);
}

#[test]
fn a_possessive_of_a_noun_cue_lends_no_source() {
    let text = "The senator doubled down on her criticism of the plan, saying it would cost \
                thousands of jobs.";
    let out = run(text);
    let q = by_cue(&out, text, "saying");
    assert_eq!(content(q, text), ["it would cost thousands of jobs"]);
    assert_eq!(src(q, text), Some("The senator"));
}

#[test]
fn the_subject_speaks_when_its_own_possessive_governs_a_noun_cue() {
    // `renewed his criticism of`, `doubled down on its criticism of`: the possessive is the
    // subject's, and the subject is the source.
    let text = "The prime minister renewed his criticism of the central bank.";
    let out = run(text);
    let q = by_cue(&out, text, "renewed his criticism of");
    assert_eq!(content(q, text), ["the central bank"]);
    assert_eq!(src(q, text), Some("The prime minister"));

    let text = "The union on Monday doubled down on its criticism of the pension reform.";
    let out = run(text);
    let q = by_cue(&out, text, "doubled down on its criticism of");
    assert_eq!(src(q, text), Some("The union"));
}

#[test]
fn a_perfect_participle_opening_the_sentence_takes_the_main_subject() {
    let text = "Having said that he would not run again, the senator announced his retirement \
                on Friday.";
    let out = run(text);
    let q = by_cue(&out, text, "Having said");
    assert_eq!(src(q, text), Some("the senator"));
    assert_eq!(content(q, text), ["that he would not run again"]);
    // No verb of saying in the main clause: its subject is still the participle's, and what
    // was promised ends at the comma.
    let text = "Having promised that taxes would fall, the chancellor raised them in March.";
    let out = run(text);
    let q = by_cue(&out, text, "Having promised");
    assert_eq!(src(q, text), Some("the chancellor"));
    assert_eq!(content(q, text), ["that taxes would fall"]);
    let text = "Stating that the deal was dead, the prime minister left the summit early.";
    let out = run(text);
    let q = by_cue(&out, text, "Stating");
    assert_eq!(src(q, text), Some("the prime minister"));
    assert_eq!(content(q, text), ["that the deal was dead"]);
}

#[test]
fn going_on_to_say_after_a_quotation_is_an_attribution_of_its_own() {
    let text = "\"The tax plan is a gift to the wealthy,\" the governor said, going on to say \
                that working families would pay for it.";
    let out = run(text);
    let said = by_cue(&out, text, "said");
    assert_eq!(
        content(said, text),
        ["\"The tax plan is a gift to the wealthy,\""]
    );
    let went_on = by_cue(&out, text, "going on to say");
    assert_eq!(
        content(went_on, text),
        ["that working families would pay for it"]
    );
    assert_eq!(src(went_on, text), Some("the governor"));
    // Going on to do something else is the writer's account, not more of what was said.
    let text = "\"We are looking at the needs of the people,\" the senator said, going on to \
                contrast the two budget plans.";
    let out = run(text);
    assert_eq!(
        content(by_cue(&out, text, "said"), text),
        ["\"We are looking at the needs of the people,\""]
    );
    // `continuing to argue` opens the same kind of adjunct.
    let text = "The mayor vetoed the bill on Friday, continuing to argue that the city could \
                not afford it.";
    let out = run(text);
    let q = by_cue(&out, text, "continuing to argue");
    assert_eq!(content(q, text), ["that the city could not afford it"]);
    assert_eq!(src(q, text), Some("The mayor"));
}

#[test]
fn a_gerund_after_a_preposition_takes_the_clause_subject_or_the_one_blamed() {
    // The noun phrase before the preposition is not the gerund's subject.
    let text = "The campaign has long avoided any talk of criticizing the president.";
    let out = run(text);
    let q = by_cue(&out, text, "criticizing");
    assert_eq!(src(q, text), Some("The campaign"));
    // After a verb of praise or blame, its object did what the gerund says.
    let text = "The senator thanked the mayor on Twitter for backing his bill.";
    let out = run(text);
    let q = by_cue(&out, text, "backing");
    assert_eq!(src(q, text), Some("the mayor"));
    let text = "A House panel voted to hold the former aide in contempt of Congress for \
                refusing to testify.";
    let out = run(text);
    let q = by_cue(&out, text, "refusing");
    assert_eq!(src(q, text), Some("the former aide"));
    // A time between a subject and its verb leaves no preposition in the source.
    let text = "RNC spokesman Sean Spicer on Thursday evening said the party was united.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("RNC spokesman Sean Spicer"));
}

#[test]
fn a_document_that_says_speaks_for_whoever_issued_it() {
    let text = "The senator released a letter from his doctor on Friday afternoon that says he \
                is in excellent health.";
    let out = run(text);
    let q = by_cue(
        &out,
        text,
        "released a letter from his doctor on Friday afternoon that says",
    );
    assert_eq!(src(q, text), Some("The senator"));
    assert_eq!(content(q, text), ["he is in excellent health"]);
    let text = "The ministry issued a policy paper welcoming the plans to expand the port.";
    let out = run(text);
    let q = by_cue(&out, text, "issued a policy paper welcoming");
    assert_eq!(src(q, text), Some("The ministry"));
}

#[test]
fn a_people_or_party_adjective_before_a_plural_is_part_of_the_subject() {
    for (text, source) in [
        (
            "European leaders gathered Friday in Brussels, offering broad new defense efforts.",
            "European leaders",
        ),
        (
            "Democratic senators met on Tuesday, saying the bill was dead.",
            "Democratic senators",
        ),
    ] {
        let out = run(text);
        let q = out.quotes.first().expect("a quote");
        assert_eq!(src(q, text), Some(source), "{text}");
    }
}

#[test]
fn a_gerund_subject_of_a_sentence_reported_at_its_end_is_no_participle() {
    let text = "Seeing his brother suffering led him to avoid ever trying alcohol or cigarettes, \
                he said.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        content(q, text),
        ["Seeing his brother suffering led him to avoid ever trying alcohol or cigarettes"]
    );
    assert!(
        out.quotes
            .iter()
            .all(|q| q.cue.map(|c| c.slice(text)) != Some("Seeing")),
        "{:#?}",
        out.quotes
    );
    // A participle of saying takes the clause as its object.
    let text = "Noting he majored in philosophy during college, Allen joked.";
    let out = run(text);
    let q = by_cue(&out, text, "Noting");
    assert_eq!(
        content(q, text),
        ["he majored in philosophy during college"]
    );
}
