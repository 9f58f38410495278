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

#[test]
fn an_adverb_or_a_year_between_subject_and_verb_belongs_to_the_cue() {
    for (text, cue, source) in [
        (
            "China and the United States, which together vowed to stave off the worst effects \
             of climate change, met in Hangzhou.",
            "together vowed",
            "which",
        ),
        (
            "They learned of the deals on Friday and almost immediately disclosed them to the AP.",
            "almost immediately disclosed",
            "They",
        ),
        (
            "Of the refugees, 29 others who only specified \"Christian\" as their religion were \
             admitted as well.",
            "only specified",
            "who",
        ),
        (
            "The Senate majority leader, who in 2010 said the party's goal was to make Obama a \
             one-term president, was in the room.",
            "in 2010 said",
            "who",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, cue);
        assert_eq!(src(q, text), Some(source), "{text}");
    }
    // An adjective before a noun is no adverb of a verb: `the only hope`.
    let text = "The only hope the Gulf States have now is for Washington to change course.";
    assert!(run(text)
        .quotes
        .iter()
        .all(|q| q.cue.map(|c| c.slice(text)) != Some("only hope")));
}

#[test]
fn a_verb_taking_the_gerund_of_saying_is_part_of_the_cue() {
    for (text, cue, source) in [
        (
            "In their report they could not resist pointing out that every shooting did not \
             result in a homicide.",
            "could not resist pointing out",
            "they",
        ),
        (
            "She keeps saying she opposed the war, when there are clips of her supporting it.",
            "keeps saying",
            "She",
        ),
        (
            "Trump described the shooting as a terrible situation, but stopped short of calling \
             the officer's actions racially motivated.",
            "stopped short of calling",
            "Trump",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, cue);
        assert_eq!(src(q, text), Some(source), "{text}");
    }
}

#[test]
fn the_subject_a_participle_borrows_is_the_whole_noun_phrase() {
    // After a fronted phrase and a connective, the subject of the main clause.
    let text = "On Thursday, however, Trump spoke to a gathering of industry leaders, promising \
                to lift environmental regulations.";
    let out = run(text);
    assert_eq!(src(by_cue(&out, text, "promising"), text), Some("Trump"));
    // A possessive name is the determiner of the subject, not the subject.
    let text = "Obama\u{2019}s aides were also complimentary, perhaps recognizing that imitation \
                is the best form of flattery.";
    let out = run(text);
    assert_eq!(
        src(by_cue(&out, text, "perhaps recognizing"), text),
        Some("Obama\u{2019}s aides")
    );
    // A contraction is no possessive.
    let text = "It\u{2019}s become a major issue, with Clinton lambasting Trump\u{2019}s plan.";
    let out = run(text);
    assert!(out
        .quotes
        .iter()
        .all(|q| q.source.map(|s| s.slice(text)) != Some("It\u{2019}s become a major issue")));
    // An adverb opening the sentence is not part of the name after it.
    let text = "Donald Trump spoke in Ohio. Only Trump said the deal was bad.";
    let out = run(text);
    assert_eq!(
        by_cue(&out, text, "said").speaker.as_deref(),
        Some("Donald Trump")
    );
}

#[test]
fn adverbs_of_time_and_manner_before_the_verb_are_not_its_subject() {
    for (text, cue, source) in [
        (
            "He was amused that Mr. Rubio had at last described his views on immigration.",
            "had at last described",
            "Mr. Rubio",
        ),
        (
            "The Vermont senator has struggled in the South, instead claiming victories in the \
             Midwest.",
            "instead claiming",
            "The Vermont senator",
        ),
        (
            "Fact-checkers soon noted that Clinton may have been referring to a hypothetical.",
            "soon noted",
            "Fact-checkers",
        ),
        (
            "Authorities never quite realized that the men had already identified their targets.",
            "never quite realized",
            "Authorities",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, cue);
        assert_eq!(src(q, text), Some(source), "{text}");
    }
}

#[test]
fn an_existential_there_names_no_source() {
    let text = "As crowds descend on Brazil for the carnival, there are fears the crush will \
                help the virus spread.";
    let out = run(text);
    let q = by_cue(&out, text, "are fears");
    assert_eq!(src(q, text), None);
    assert_eq!(content(q, text), ["the crush will help the virus spread"]);
}

#[test]
fn the_manner_and_the_place_of_speaking_belong_to_the_cue() {
    let text = "Asked about the devil, he laughed and said, \"I don't believe in the devil.\"";
    let out = run(text);
    assert_eq!(
        src(by_cue(&out, text, "laughed and said"), text),
        Some("he")
    );
    // Not a reaction that is no speech: `the audience laughed and applauded`.
    let text = "\"How big is that wall?\" asked the boy, and the audience laughed and applauded.";
    let out = run(text);
    assert!(out
        .quotes
        .iter()
        .all(|q| q.cue.map(|c| c.slice(text)) != Some("laughed and applauded")));

    let text = "\"I think Lester Holt will be very fair,\" Trump said during a rally in \
                Kenansville, N.C., \"but the system is rigged.\"";
    let out = run(text);
    let q = by_cue(&out, text, "said during a rally in Kenansville, N.C.");
    assert_eq!(content(q, text).len(), 2);
    // Where the clause goes on about the place, the place is not taken.
    let text = "\"We like a lot of the candidates,\" Adelson said during the interview in Macau, \
                the world's largest gambling hub, ahead of the opening of his new resort.";
    let out = run(text);
    let q = by_cue(&out, text, "said during the interview");
    assert_eq!(content(q, text), ["\"We like a lot of the candidates,\""]);
}

#[test]
fn a_verb_of_speaking_that_a_gerund_tells_how_is_part_of_the_cue() {
    for (text, cue, source) in [
        (
            "A Chinese official responded by saying Japan should be careful not to stir up \
             problems.",
            "responded by saying",
            "A Chinese official",
        ),
        (
            "When he returned he began by saying that he had no regrets.",
            "began by saying",
            "he",
        ),
        (
            "Obama punctuated his list by saying, \"Too many.\"",
            "punctuated his list by saying",
            "Obama",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, cue);
        assert_eq!(src(q, text), Some(source), "{text}");
    }
    // Not a deed that the words served: the gerund alone is the cue.
    let text = "Bill Clinton won his party's nomination by promising to end welfare as we know it.";
    let out = run(text);
    assert!(by_cue(&out, text, "promising").cue.is_some());
}

#[test]
fn phrases_that_take_a_gerund_of_avoiding_or_deciding_are_part_of_the_cue() {
    let text = "The campaign has been steering clear of criticizing the president.";
    let out = run(text);
    let q = by_cue(&out, text, "has been steering clear of criticizing");
    assert_eq!(src(q, text), Some("The campaign"));
    assert_eq!(content(q, text), ["the president"]);
    let text = "Voters will have no way of knowing how much he pays in taxes.";
    let out = run(text);
    let q = by_cue(&out, text, "will have no way of knowing");
    assert_eq!(src(q, text), Some("Voters"));
    let text = "The bureau decided against recommending charges against her.";
    let out = run(text);
    let q = by_cue(&out, text, "decided against recommending");
    assert_eq!(content(q, text), ["charges against her"]);
    let text = "Republicans have shied away from calling it a tax.";
    let out = run(text);
    let q = by_cue(&out, text, "have shied away from calling");
    assert_eq!(src(q, text), Some("Republicans"));
}

#[test]
fn a_noun_of_feeling_or_saying_with_its_topic_joins_the_verbs_cue() {
    for (text, cue, said) in [
        (
            "He expressed doubts about the new casino project.",
            "expressed doubts about",
            "the new casino project",
        ),
        (
            "The aide offered a preview of the candidate's thinking.",
            "offered a preview of",
            "the candidate's thinking",
        ),
        (
            "The veteran was offering his thoughts on military readiness.",
            "was offering his thoughts on",
            "military readiness",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, cue);
        assert_eq!(content(q, text), [said], "{text}");
    }
    // Not an object that is no such noun, a medium, or a clause after a verb of saying.
    for (text, cue) in [
        ("They criticized the treatment of women.", "criticized"),
        (
            "The governor is trumpeting a positive message on the campaign trail.",
            "is trumpeting",
        ),
        (
            "He said his recent attacks on the senator have given his campaign momentum.",
            "said",
        ),
    ] {
        let out = run(text);
        by_cue(&out, text, cue);
    }
}

#[test]
fn a_verb_that_voices_takes_a_singular_noun_of_attitude_with_no_determiner() {
    for (text, cue, source, what) in [
        (
            "Marine Le Pen voiced support for Donald Trump.",
            "voiced support for",
            "Marine Le Pen",
            "Donald Trump",
        ),
        (
            "He expressed concern that the billionaire businessman was encouraging violence.",
            "expressed concern",
            "He",
            "that the billionaire businessman was encouraging violence",
        ),
        (
            "Clinton expressed confidence that the use of her private server would not be an \
             issue.",
            "expressed confidence",
            "Clinton",
            "that the use of her private server would not be an issue",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, cue);
        assert_eq!(src(q, text), Some(source), "{text}");
        assert_eq!(content(q, text), [what], "{text}");
    }
}

#[test]
fn an_adverb_of_manner_between_a_verb_and_its_particle_joins_the_cue() {
    for (text, cue, source, what) in [
        (
            "In a July interview, he spoke favorably of the internment of Nazi sympathizers.",
            "spoke favorably of",
            "he",
            "the internment of Nazi sympathizers",
        ),
        (
            "Friends and employees talked glowingly about his character and leadership style.",
            "talked glowingly about",
            "Friends and employees",
            "his character and leadership style",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, cue);
        assert_eq!(src(q, text), Some(source), "{text}");
        assert_eq!(content(q, text), [what], "{text}");
    }
    // An adverb before a clause stays the verb's (`said sharply that`).
    let text = "He said sharply that the plan failed.";
    let out = run(text);
    let q = by_cue(&out, text, "said sharply");
    assert_eq!(content(q, text), ["that the plan failed"]);
}
