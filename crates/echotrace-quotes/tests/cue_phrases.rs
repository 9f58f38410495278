//! Thirteenth round (issue #4): cues longer than their verb — an adverb after a modal, a
//! phrase that takes the verb of saying in the infinitive (`was quick to add`, `went out of
//! his way to say`), `made a point of saying` — where the words before the verb were read as
//! its subject (`only`, `likely`, `his`). Sentences paraphrased from PolNeAR train and written
//! for these tests in the style of wire copy.

mod common;
use common::{by_cue, content, run, src};

#[test]
fn an_adverb_after_a_modal_belongs_to_the_cue_not_to_the_subject() {
    for (text, cue, source) in [
        (
            "Asked about the audit, the spokesman would only say that the review was continuing.",
            "would only say",
            "the spokesman",
        ),
        (
            "Christie could only say that the bridge closures were not his doing.",
            "could only say",
            "Christie",
        ),
        (
            "Labor leaders may well argue that the pact costs jobs.",
            "may well argue",
            "Labor leaders",
        ),
        (
            "Clinton would likely point out that the plan adds to the deficit.",
            "would likely point out",
            "Clinton",
        ),
        (
            "The governor likely argued that the tax was temporary.",
            "likely argued",
            "The governor",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, cue);
        assert_eq!(src(q, text), Some(source), "{text}");
    }
    // `Only` before the subject, `likely` before a noun: no part of a cue.
    let text = "The likely nominee said the party was united.";
    let out = run(text);
    assert_eq!(
        src(by_cue(&out, text, "said"), text),
        Some("The likely nominee")
    );
}

#[test]
fn a_phrase_taking_the_infinitive_of_saying_is_the_cue_and_its_subject_speaks() {
    for (text, cue, source, speaker) in [
        (
            "Trump was quick to add that the wall would be paid for.",
            "was quick to add",
            "Trump",
            Some("Trump"),
        ),
        (
            "Obama was careful to note that no decision had been made.",
            "was careful to note",
            "Obama",
            Some("Obama"),
        ),
        (
            "Putin went out of his way to say that the economy had hit bottom this year.",
            "went out of his way to say",
            "Putin",
            Some("Putin"),
        ),
        (
            "Sanders went so far as to say that the primary had been rigged.",
            "went so far as to say",
            "Sanders",
            None,
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, cue);
        assert_eq!(src(q, text), Some(source), "{text}");
        if speaker.is_some() {
            assert_eq!(q.speaker.as_deref(), speaker, "{text}");
        }
        assert!(content(q, text)[0].starts_with("that "), "{text}");
    }
    // The expectation is someone else's: `is expected to argue` keeps its raising reading.
    let text = "Clinton is expected to argue that the plan is fair.";
    let out = run(text);
    assert!(out
        .quotes
        .iter()
        .all(|q| q.cue.map(|c| c.slice(text)) != Some("is expected to argue")));
}

#[test]
fn made_a_point_of_saying_is_one_cue() {
    let text = "In Iowa, Cruz made a point of saying that he had never taken lobbyist money.";
    let out = run(text);
    let q = by_cue(&out, text, "made a point of saying");
    assert_eq!(src(q, text), Some("Cruz"));
    assert_eq!(content(q, text), ["that he had never taken lobbyist money"]);
}
