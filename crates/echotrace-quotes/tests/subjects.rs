//! Seventh round (issue #4): the whole subject of a verb of saying, with what follows its head
//! noun (`Officials who spoke with the newspaper said`), and quotations that run over several
//! paragraphs, transcripts among them. The texts are written for these tests in the style of
//! wire copy; none is taken from an evaluation corpus.

mod common;
use common::{by_cue, content, run, src};

#[test]
fn a_relative_clause_after_the_subject_noun_is_part_of_the_subject() {
    let text = "Current and former officials who spoke with the Gazette said the plan had been \
                shelved in March.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        src(q, text),
        Some("Current and former officials who spoke with the Gazette")
    );
    assert_eq!(content(q, text), ["the plan had been shelved in March"]);
    // The newspaper they spoke with did not say it.
    assert_eq!(q.speaker, None);
}

#[test]
fn a_participle_after_the_subject_noun_is_part_of_the_subject() {
    let text = "A poll conducted last week by the university found that most voters oppose the \
                new tax.";
    let out = run(text);
    let q = by_cue(&out, text, "found");
    assert_eq!(
        src(q, text),
        Some("A poll conducted last week by the university")
    );
}

#[test]
fn a_verb_before_the_subject_starts_another_clause() {
    // `reported` and `made it clear` are verbs of the writer's sentence, not modifiers of a
    // subject: the speaker of `said` is Ortega alone.
    let text = "The ministry reported that Ortega said the border would reopen on Monday.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("Ortega"));

    let text = "Three years after Republicans vowed to repeal the law, the party remains split.";
    let out = run(text);
    let q = by_cue(&out, text, "vowed");
    assert_eq!(src(q, text), Some("Republicans"));
}

#[test]
fn a_quotation_over_several_paragraphs_is_one_quote() {
    let text = "The mayor took no questions.\n\n\
                \"We will rebuild the bridge before winter. The money is there, and the \
                engineers are ready.\n\n\
                \"We will also run the ferry again as soon as the river allows it.\n\n\
                \"Nobody in this town will be cut off for a month again.\"";
    let out = run(text);
    assert_eq!(out.quotes.len(), 1, "{:#?}", out.quotes);
    let q = &out.quotes[0];
    assert_eq!(q.content.len(), 3);
    assert!(content(q, text)[2].starts_with("\"Nobody in this town"));
}

#[test]
fn a_transcript_set_as_a_block_quotation_is_one_quote_a_turn() {
    // Each turn opens with a quotation mark that is never closed: the style of a transcript
    // quoted as a block. Each turn is its speaker's, not one quotation of the whole exchange.
    let text = "On Sunday, host Anna Berg questioned Senator Mark Olsen about the budget.\n\n\
                A partial transcript follows:\n\n\
                \"BERG: Will you vote for the budget this week?\n\n\
                \"OLSEN: No. It cuts the rural hospitals that we promised to protect, and I \
                will not vote for that.\n\n\
                \"BERG: Even if the leaders of your party ask you to?\n\n\
                \"OLSEN: Even then, because the hospitals come first.";
    let out = run(text);
    let turns: Vec<(&str, String)> = out
        .quotes
        .iter()
        .filter(|q| q.cue.is_some_and(|c| c.slice(text) == ":"))
        .map(|q| (src(q, text).unwrap_or(""), content(q, text).join(" ")))
        .collect();
    assert_eq!(
        turns.iter().map(|t| t.0).collect::<Vec<_>>(),
        ["BERG", "OLSEN", "BERG", "OLSEN"],
        "{:#?}",
        out.quotes
    );
    assert!(turns[1].1.starts_with("No. It cuts the rural hospitals"));
    assert!(!turns[1].1.contains("BERG"));
    // No quotation spans the whole exchange.
    assert!(out
        .quotes
        .iter()
        .all(|q| content(q, text).join(" ").matches("OLSEN").count() == 0));
}

#[test]
fn an_inverted_subject_keeps_its_party_and_role() {
    let text =
        "\"This is a sad day for the state,\" said Sen. Ruth Alvarez (D-N.M.), chair of the \
                Senate finance committee.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        src(q, text),
        Some("Sen. Ruth Alvarez (D-N.M.), chair of the Senate finance committee")
    );
    assert_eq!(q.speaker.as_deref(), Some("Ruth Alvarez"));
}

#[test]
fn an_aside_that_tells_who_they_are_belongs_to_the_subject() {
    let text = "Several governors, including Maria Lind of Oregon, said the rules would raise \
                power prices.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        src(q, text),
        Some("Several governors, including Maria Lind of Oregon")
    );
    // The governors spoke, not Lind alone.
    assert_eq!(q.speaker, None);

    // An aside about the saying is not part of who said it.
    let text = "The senator, however, said the rules would raise power prices.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("The senator"));
}

#[test]
fn a_quotation_that_goes_on_from_reported_speech_has_its_cue() {
    let text = "Minister Ana Ruiz said that the reform would pass before the summer recess.\n\n\
                \"That is because the coalition finally agrees on what the pension system can \
                afford.\"";
    let out = run(text);
    let q = out
        .quotes
        .iter()
        .find(|q| content(q, text).join(" ").contains("That is because"))
        .unwrap_or_else(|| panic!("{:#?}", out.quotes));
    assert_eq!(q.cue.map(|c| c.slice(text)), Some("said"));
    assert_eq!(src(q, text), Some("Minister Ana Ruiz"));
    assert_eq!(q.speaker.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_noun_cue_is_its_noun_phrase() {
    let text = "The governor gave an impassioned defense of the pension reform on Tuesday.";
    let out = run(text);
    let q = out
        .quotes
        .iter()
        .find(|q| q.cue.is_some_and(|c| c.slice(text).contains("defense")))
        .unwrap_or_else(|| panic!("{:#?}", out.quotes));
    assert_eq!(
        q.cue.map(|c| c.slice(text)),
        Some("an impassioned defense of")
    );

    // A possessive before the noun is its source, not part of the cue.
    let text = "The senator's claim that the plant would close was false.";
    let out = run(text);
    let q = out
        .quotes
        .iter()
        .find(|q| q.cue.is_some_and(|c| c.slice(text).contains("claim")))
        .unwrap_or_else(|| panic!("{:#?}", out.quotes));
    assert_eq!(q.cue.map(|c| c.slice(text)), Some("claim"));
    assert_eq!(src(q, text), Some("The senator's"));
}

#[test]
fn a_first_name_spelled_like_an_auxiliary_is_a_name() {
    let text = "\"It was an attempt to mislead voters,\" Will Moy said.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("Will Moy"));
    assert_eq!(q.speaker.as_deref(), Some("Will Moy"));
}

#[test]
fn the_one_told_after_the_verb_is_not_an_inverted_subject() {
    let text = "\"It was an attempt to mislead voters,\" Will Moy, chief executive of the \
                fact-checking charity Full Fact, told the BBC.";
    let out = run(text);
    let q = by_cue(&out, text, "told");
    assert_eq!(
        src(q, text),
        Some("Will Moy, chief executive of the fact-checking charity Full Fact")
    );
    assert_eq!(q.speaker.as_deref(), Some("Will Moy"));
    assert_eq!(
        content(q, text),
        ["\"It was an attempt to mislead voters,\""]
    );
}

#[test]
fn an_outlet_named_by_its_web_address_is_one_word() {
    let text = "Charles Simpson told Polygraph.info the allegations are false.";
    let out = run(text);
    let q = by_cue(&out, text, "told");
    assert_eq!(src(q, text), Some("Charles Simpson"));
    assert_eq!(content(q, text), ["the allegations are false"]);
}

#[test]
fn two_curly_single_marks_close_a_double_quotation() {
    let text = "“It was an attempt to mislead voters,’’ Will Moy said. “And it was \
                inappropriate.”";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        content(q, text),
        [
            "“It was an attempt to mislead voters,’’",
            "“And it was inappropriate.”"
        ]
    );
}

#[test]
fn a_name_before_of_and_a_place_or_employer_is_the_speaker() {
    let text = "Maria Lopez of the Urban Institute said the plan was sound.\n\n\
                She said it would take ten years to pay off.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("Maria Lopez of the Urban Institute"));
    assert_eq!(q.speaker.as_deref(), Some("Maria Lopez"));
    let she = out
        .quotes
        .iter()
        .find(|q| src(q, text) == Some("She"))
        .unwrap_or_else(|| panic!("{:#?}", out.quotes));
    assert_eq!(she.speaker.as_deref(), Some("Maria Lopez"));

    // A title or an organisation's own name keeps its `of`.
    let text = "Secretary of State Ana Ruiz said the talks would resume.";
    let out = run(text);
    assert_eq!(
        by_cue(&out, text, "said").speaker.as_deref(),
        Some("Ana Ruiz")
    );
    let text = "The Bank of Portugal said the talks would resume.";
    let out = run(text);
    assert_eq!(
        by_cue(&out, text, "said").speaker.as_deref(),
        Some("Bank of Portugal")
    );
}

#[test]
fn a_participle_after_a_report_has_the_reporter_for_its_subject() {
    let text = "The minister said that the cabinet had concluded the tax was lawful, adding that \
                she trusted the courts to decide.";
    let out = run(text);
    let q = by_cue(&out, text, "adding");
    assert_eq!(src(q, text), Some("The minister"));
    assert_eq!(content(q, text), ["that she trusted the courts to decide"]);
}

#[test]
fn a_document_from_an_organisation_speaks_for_it() {
    let text = "\"Growth will stay slow until the tax cut reaches consumers,\" said a report \
                from Kotak Institutional Equities.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        src(q, text),
        Some("a report from Kotak Institutional Equities")
    );
    assert_eq!(q.speaker.as_deref(), Some("Kotak Institutional Equities"));
}

#[test]
fn a_one_word_name_before_an_auxiliary_and_a_verb_of_saying_is_the_speaker() {
    let text = "Vietnam is one of the most vocal critics of the claims and has accused Beijing \
                of encroaching into its waters.";
    let out = run(text);
    let q = by_cue(&out, text, "has accused");
    assert_eq!(q.speaker.as_deref(), Some("Vietnam"));
}

#[test]
fn a_time_phrase_before_the_verb_is_not_the_subject() {
    let text = "Senator Ana Ruiz of Oregon, who last year threatened to block the budget, said \
                she would vote for it.";
    let out = run(text);
    let q = by_cue(&out, text, "threatened");
    assert_eq!(src(q, text), Some("who"));
    assert_eq!(q.speaker.as_deref(), Some("Ana Ruiz"));

    let text = "Ruiz this week said she would vote for the budget.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("Ruiz"));
}

#[test]
fn a_name_and_others_is_one_subject() {
    let text = "Edwards and others said they could not support the budget.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("Edwards and others"));
}

#[test]
fn a_focusing_adverb_before_the_subject_is_not_part_of_it() {
    let text = "Even farmers who backed the minister warned on Tuesday that the tax would ruin \
                them.";
    let out = run(text);
    let q = by_cue(&out, text, "warned");
    assert_eq!(src(q, text), Some("farmers who backed the minister"));
}

#[test]
fn a_relative_clause_in_the_subject_ends_before_the_main_verb() {
    let text = "Voters who backed the mayor said they were angry about the new tax.";
    let out = run(text);
    let q = by_cue(&out, text, "backed");
    assert_eq!(content(q, text), ["the mayor"]);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("Voters who backed the mayor"));
    assert_eq!(content(q, text), ["they were angry about the new tax"]);
}

#[test]
fn the_subject_of_the_clause_says_what_its_infinitive_says() {
    let text = "Mayor Ana Ruiz was quick to add that the bridge would reopen in March.";
    let out = run(text);
    let q = by_cue(&out, text, "was quick to add");
    assert_eq!(src(q, text), Some("Mayor Ana Ruiz"));
    assert_eq!(q.speaker.as_deref(), Some("Ana Ruiz"));

    // The one urged to say it is not the one who urged.
    let text = "The senator urged him to say that the plan had failed.";
    let out = run(text);
    let q = by_cue(&out, text, "say");
    assert_eq!(src(q, text), None);
}

#[test]
fn proportions_and_modifier_nouns_belong_to_the_subject() {
    for (text, subject) in [
        (
            "Nine in 10 said they thought the economy favors the wealthy.",
            "Nine in 10",
        ),
        (
            "A former defense official said there had been talks.",
            "A former defense official",
        ),
        (
            "Seventy percent of Democratic registered voters say they like the plan.",
            "Seventy percent of Democratic registered voters",
        ),
        (
            "More than two-thirds of those in the rising generation predict they will do well.",
            "More than two-thirds of those in the rising generation",
        ),
        ("The Times says it was given a copy.", "The Times"),
    ] {
        let out = run(text);
        let q = out
            .quotes
            .first()
            .unwrap_or_else(|| panic!("no quote in {text:?}"));
        assert_eq!(src(q, text), Some(subject), "{text}");
    }
    // A number is nobody.
    let text = "Nine in 10 said they thought the economy favors the wealthy.";
    assert_eq!(run(text).quotes[0].speaker, None);
}

#[test]
fn a_participle_after_an_adverb_modifies_the_subject() {
    let text = "The mayor's newly appointed budget chief has said the deficit will grow.";
    let out = run(text);
    let q = by_cue(&out, text, "has said");
    assert_eq!(
        src(q, text),
        Some("The mayor's newly appointed budget chief")
    );
}

#[test]
fn where_to_whom_and_when_it_was_said_belong_to_the_cue() {
    let text = "\"We will win this state,\" Ruiz said in an interview with the Associated Press.";
    let out = run(text);
    by_cue(&out, text, "said in an interview with the Associated Press");
    let text = "Ruiz said in a statement to reporters that the state was hers.";
    let out = run(text);
    let q = by_cue(&out, text, "said in a statement to reporters");
    assert_eq!(content(q, text), ["that the state was hers"]);
    let text = "\"We will win this state,\" Ruiz said in 2011.";
    let out = run(text);
    by_cue(&out, text, "said in 2011");
}

#[test]
fn an_addressee_with_a_plural_possessive_is_passed_over() {
    let text = "On Thursday, Ruiz complained to CBS News' Anna Berg that the ruling was unfair.";
    let out = run(text);
    let q = by_cue(&out, text, "complained");
    assert_eq!(content(q, text), ["that the ruling was unfair"]);
}

#[test]
fn a_statement_issued_before_a_colon_is_the_next_paragraph() {
    let text = "When the mayor died, Governor Ana Ruiz released the following statement:\n\n\
                \u{201C}We offer our condolences to his family and to the city he served.\u{201D}";
    let out = run(text);
    let q = by_cue(&out, text, "released the following statement");
    assert_eq!(src(q, text), Some("Governor Ana Ruiz"));
    assert_eq!(q.speaker.as_deref(), Some("Ana Ruiz"));
    assert!(content(q, text)[0].starts_with("\u{201C}We offer our condolences"));
}

#[test]
fn a_sentence_that_is_only_a_participle_goes_on_with_the_speaker_before() {
    let text = "Ruiz said the report \u{201C}was not good.\u{201D} Adding, \u{201C}Like all \
                audits, it will be forgotten in a week.\u{201D}";
    let out = run(text);
    let q = by_cue(&out, text, "Adding");
    assert_eq!(src(q, text), Some("Ruiz"));
}

#[test]
fn a_participle_with_a_day_or_after_being_modifies_the_subject() {
    let text = "A poll released Sunday by the Gazette shows that the mayor leads.";
    let out = run(text);
    let q = by_cue(&out, text, "shows");
    assert_eq!(src(q, text), Some("A poll released Sunday by the Gazette"));
    let text = "Two lawsuits being considered in Lisbon have accused the bank of fraud.";
    let out = run(text);
    let q = by_cue(&out, text, "have accused");
    assert_eq!(
        src(q, text),
        Some("Two lawsuits being considered in Lisbon")
    );
}

/// The speaker of the quote whose source is `source`.
fn speaker_with_source(text: &str, source: &str) -> Option<String> {
    let out = run(text);
    let q = out
        .quotes
        .iter()
        .find(|q| src(q, text) == Some(source))
        .unwrap_or_else(|| panic!("no quote with source {source:?}: {:#?}", out.quotes));
    q.speaker.clone()
}

#[test]
fn a_role_set_off_before_a_name_is_spoken_by_the_name() {
    // British and American copy alike name the office first, in capitals or not, and the
    // holder after a comma: the holder speaks.
    for (text, source, speaker) in [
        (
            "The Prime Minister, Keir Starmer, said the agreement opened a new chapter.",
            "The Prime Minister, Keir Starmer",
            "Keir Starmer",
        ),
        (
            "Britain's Foreign Secretary, David Lammy, said the talks had stalled.",
            "Britain's Foreign Secretary, David Lammy",
            "David Lammy",
        ),
        (
            "The head of the nurses' union, Pat Cullen, warned that wards would close.",
            "The head of the nurses' union, Pat Cullen",
            "Pat Cullen",
        ),
    ] {
        assert_eq!(
            speaker_with_source(text, source).as_deref(),
            Some(speaker),
            "{text}"
        );
    }
    // A group's role is not one person's: the first name of the list does not speak for all.
    let text = "The other finalists -- director Lars Holm, Ohio Gov. Tom Reyes, and Claire \
                Dubois -- said the jury had been fair.";
    let out = run(text);
    assert!(
        out.quotes
            .iter()
            .all(|q| q.speaker.as_deref() != Some("Tom Reyes")),
        "{:#?}",
        out.quotes
    );
}

#[test]
fn a_british_honorific_without_its_full_stop_is_a_title() {
    // `Mr Smith` as British style writes it, with an appositive or an age after it.
    for (text, source) in [
        (
            "Mr Okafor, the shadow chancellor, said the figures were alarming.",
            "Mr Okafor, the shadow chancellor",
        ),
        (
            "Mr Okafor, 58, said the figures were alarming.",
            "Mr Okafor, 58",
        ),
    ] {
        assert_eq!(
            speaker_with_source(text, source).as_deref(),
            Some("Okafor"),
            "{text}"
        );
    }
}

#[test]
fn the_object_of_an_infinitive_is_not_a_verb_of_saying() {
    // `to deflect attacks`: `attacks` is what is deflected, not a verb whose subject is
    // `deflect`; the quotation is hers.
    let text = "As for the governor\u{2019}s ability to deflect attacks, she said, \u{201C}The \
                scrutiny of the other candidates has not even begun.\u{201D}";
    let out = run(text);
    assert!(
        out.quotes.iter().all(|q| src(q, text) != Some("deflect")),
        "{:#?}",
        out.quotes
    );
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("she"));
}

#[test]
fn a_clause_with_its_own_object_after_said_is_not_an_inverted_subject() {
    // `…, said the minister` inverts; `…, said the army withdrew its troops` does not: the
    // words after `said` hold a verb and its object, so they are what was said, and the
    // subject is before the aside.
    let text = "Officials, speaking on condition of anonymity, said the army withdrew its \
                remaining troops.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(content(q, text), ["the army withdrew its remaining troops"]);
    assert_eq!(
        src(q, text),
        Some("Officials, speaking on condition of anonymity")
    );
    let text = "The plan is dead, said a spokesman for the ministry.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("a spokesman for the ministry"));
    assert_eq!(content(q, text), ["The plan is dead"]);
}

#[test]
fn a_given_name_that_stands_for_the_person_finds_the_full_name() {
    // Ethiopian names have no surname: the given name stands for the person.
    let text = "Tedros Adhanom Ghebreyesus spoke in Geneva on Tuesday. Tedros said the \
                outbreak was under control.";
    assert_eq!(
        speaker_with_source(text, "Tedros").as_deref(),
        Some("Tedros Adhanom Ghebreyesus")
    );
}

#[test]
fn a_named_speaker_who_is_the_he_of_their_own_clause_is_a_man() {
    // Neither given name tells a gender; `said he` does, so the `She` after it is not his.
    let text = "Taylor Brennan, a nurse, said the clinic had been a second home for a decade.\n\n\
                Jordan Vance, a porter, said he was shocked by the closure. She said the staff \
                had not been told.";
    assert_eq!(
        speaker_with_source(text, "She").as_deref(),
        Some("Taylor Brennan")
    );
    // Not where another person stands between the name and the pronoun.
    let text = "Jordan Vance, asked about Taylor Brennan, said she would be missed. He said \
                the staff had not been told.";
    assert_eq!(
        speaker_with_source(text, "He").as_deref(),
        Some("Jordan Vance")
    );
}

#[test]
fn a_noun_ending_in_ly_is_not_an_adverb_of_the_cue() {
    let text = "\u{201C}We are deeply saddened,\u{201D} the family said in a statement.";
    let out = run(text);
    let q = by_cue(&out, text, "said in a statement");
    assert_eq!(src(q, text), Some("the family"));
    let text = "The party chairman, Kelly Armstrong, said the vote would go ahead.";
    assert_eq!(
        speaker_with_source(text, "The party chairman, Kelly Armstrong").as_deref(),
        Some("Kelly Armstrong")
    );
    // An adverb still is: `repeatedly said`.
    let text = "He repeatedly said the police had failed.";
    let out = run(text);
    assert_eq!(src(by_cue(&out, text, "repeatedly said"), text), Some("He"));
}

#[test]
fn a_verb_with_its_particle_takes_an_object_not_an_inverted_subject() {
    let text = "The UN Secretary-General, Amina Farouk, called for an immediate ceasefire.";
    let out = run(text);
    let q = by_cue(&out, text, "called for");
    assert_eq!(src(q, text), Some("The UN Secretary-General, Amina Farouk"));
    assert_eq!(content(q, text), ["an immediate ceasefire"]);
    assert_eq!(q.speaker.as_deref(), Some("Amina Farouk"));
}

#[test]
fn a_name_ending_in_ed_after_a_role_is_the_speaker_not_a_participle() {
    // `Ahmed` ends like a participle; set off after a role, it is the holder's name.
    let text = "The father of one of the victims, Ahmed Saleh, told reporters: \u{201C}We want \
                justice, nothing more.\u{201D}";
    assert_eq!(
        speaker_with_source(text, "The father of one of the victims, Ahmed Saleh").as_deref(),
        Some("Ahmed Saleh")
    );
}

#[test]
fn a_lone_name_that_speaks_of_itself_as_it_is_an_organisation() {
    // `Amazon said it would`: an organisation, so `the retailer` after it is Amazon, not the
    // health service that spoke before.
    let text = "The National Health Service said waiting times had fallen.\n\n\
                Amazon said it would hire 100,000 workers. The retailer said the jobs would be \
                permanent.";
    assert_eq!(
        speaker_with_source(text, "The retailer").as_deref(),
        Some("Amazon")
    );
}

#[test]
fn a_pronoun_after_an_unnamed_relative_is_that_relative() {
    // The last speaker is `the mother of the boy`, who has no name: `She` is her, not the
    // woman named two paragraphs before.
    let text = "Christine Okoro, the head teacher, said the school had acted quickly.\n\n\
                The mother of the boy said he had been bullied for months. She told the court: \
                \u{201C}He was my whole world.\u{201D}";
    assert_eq!(speaker_with_source(text, "She"), None);
    // A named speaker before her keeps the pronoun.
    let text = "Christine Okoro, the head teacher, said the school had acted quickly. She told \
                the court: \u{201C}We did all we could.\u{201D}";
    assert_eq!(
        speaker_with_source(text, "She").as_deref(),
        Some("Christine Okoro")
    );
}

#[test]
fn an_age_between_a_name_and_its_appositive_is_no_subject() {
    let text = "Maria Santos, 41, a teacher from Manila, said she had lost everything in the \
                typhoon.";
    assert_eq!(
        speaker_with_source(text, "Maria Santos, 41, a teacher from Manila").as_deref(),
        Some("Maria Santos")
    );
}

#[test]
fn a_speaker_named_inside_what_another_said_is_not_in_focus() {
    // `Tokyo would respond` is inside what Kishida said; `He` is Kishida.
    let text = "Japan's Prime Minister Fumio Kishida said Tokyo would respond \"firmly\". He \
                added that he had spoken with the American president.";
    assert_eq!(
        speaker_with_source(text, "He").as_deref(),
        Some("Fumio Kishida")
    );
}

#[test]
fn british_police_ranks_are_titles() {
    let text = "\"Our thoughts are with the families,\" Chief Constable Sarah Crew said.";
    assert_eq!(
        speaker_with_source(text, "Chief Constable Sarah Crew").as_deref(),
        Some("Sarah Crew")
    );
    let text = "Detective Superintendent Mark Evans said the inquiry was continuing.";
    assert_eq!(
        speaker_with_source(text, "Detective Superintendent Mark Evans").as_deref(),
        Some("Mark Evans")
    );
}

#[test]
fn anonymous_sources_after_the_content_are_the_source() {
    // Written for this test in wire style.
    for (text, source) in [
        (
            "The company will cut 1,200 jobs, people familiar with the matter said.",
            "people familiar with the matter",
        ),
        (
            "Johnson will step down next week, sources close to him said.",
            "sources close to him",
        ),
        (
            "The talks had stalled, two diplomats briefed on the negotiations said on Friday.",
            "two diplomats briefed on the negotiations",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, "said");
        assert_eq!(src(q, text), Some(source), "{text}");
        assert_eq!(out.quotes.len(), 1, "{text}: {:#?}", out.quotes);
    }
}

#[test]
fn coordinated_subjects_are_whole() {
    for (text, cue, source) in [
        (
            "Companies and individuals complain bitterly that taxes are too high.",
            "complain bitterly",
            "Companies and individuals",
        ),
        (
            "The Clinton campaign and DNC did not immediately respond to requests for comment.",
            "did not immediately respond to",
            "The Clinton campaign and DNC",
        ),
        (
            "Of the five permanent members, the United States, Britain and France support some \
             opposition groups.",
            "support",
            "the United States, Britain and France",
        ),
        (
            "On Sunday, Mr. Rubio and Senator Ted Cruz urged the party to coalesce around them.",
            "urged",
            "Mr. Rubio and Senator Ted Cruz",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, cue);
        assert_eq!(src(q, text), Some(source), "{text}");
    }
}

#[test]
fn a_noun_of_saying_voiced_or_held_by_the_subject_is_the_subjects() {
    for (text, cue, source, said) in [
        (
            "Democrats have raised concerns about the plan.",
            "have raised concerns about",
            "Democrats",
            "the plan",
        ),
        (
            "She made the claim that the vote was rigged.",
            "made the claim",
            "She",
            "that the vote was rigged",
        ),
        (
            "The Security Council on Friday made a strong condemnation of the test.",
            "made a strong condemnation of",
            "The Security Council",
            "the test",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, cue);
        assert_eq!(src(q, text), Some(source), "{text}");
        assert_eq!(content(q, text), [said], "{text}");
    }
    // A suggestion someone dismisses is not theirs; doubts someone faces are not either.
    for (text, cue) in [
        (
            "The senator dismissed the suggestion that he would resign.",
            "the suggestion",
        ),
        (
            "She faces renewed doubts about her record.",
            "renewed doubts about",
        ),
    ] {
        let out = run(text);
        for q in &out.quotes {
            if q.cue.map(|c| c.slice(text)) == Some(cue) {
                assert_eq!(src(q, text), None, "{text}");
            }
        }
    }
}

#[test]
fn a_quantity_of_people_is_the_source_with_its_of_phrase() {
    let text = "One of the men, a retired teacher, had served in the army and said he was \
                convinced that the war was unnecessary.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert!(
        src(q, text).is_some_and(|s| s.starts_with("One of the men")),
        "{:?}",
        src(q, text)
    );
    let text = "Many of his supporters said the rally was the best yet.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("Many of his supporters"));
}

#[test]
fn a_role_in_lowercase_words_before_a_name_is_an_inverted_subject() {
    for (text, source, speaker) in [
        (
            "\"Thanks, Clarkston, for welcoming these refugees,\" said master of ceremonies \
             Asab Al-Tabchi, a Syrian engineer.",
            "master of ceremonies Asab Al-Tabchi, a Syrian engineer",
            "Asab Al-Tabchi",
        ),
        (
            "\"It raises questions,\" said election lawyer Joe Birkenstock.",
            "election lawyer Joe Birkenstock",
            "Joe Birkenstock",
        ),
        (
            "The plan is bad, said campaign manager John Smith.",
            "campaign manager John Smith",
            "John Smith",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, "said");
        assert_eq!(src(q, text), Some(source), "{text}");
        assert_eq!(q.speaker.as_deref(), Some(speaker), "{text}");
    }
    // A time after the noun is no name: `police` said it, on Friday.
    let text = "\"We are investigating,\" said police Friday.";
    let out = run(text);
    assert!(
        out.quotes
            .iter()
            .all(|q| src(q, text).is_none_or(|s| !s.contains("Friday"))),
        "{:?}",
        out.quotes.iter().map(|q| src(q, text)).collect::<Vec<_>>()
    );
}

#[test]
fn an_appositive_after_the_source_of_according_to_has_no_verb() {
    let text = "According to Hugh Hewitt, one notable feature of the movie is who it lacks: \
                President Barack Obama.";
    let out = run(text);
    let q = by_cue(&out, text, "According to");
    assert_eq!(src(q, text), Some("Hugh Hewitt"));
    let text = "According to conservative talk radio host Rush Limbaugh, the move reeks of \
                “fear” and desperation.";
    let out = run(text);
    let q = by_cue(&out, text, "According to");
    assert_eq!(
        src(q, text),
        Some("conservative talk radio host Rush Limbaugh")
    );
}

#[test]
fn a_share_written_with_a_percent_sign_is_a_subject() {
    let text = "It is on social issues that they lean left: 42% say they're liberal, 32% call \
                themselves conservative on questions including race relations.";
    let out = run(text);
    let q = by_cue(&out, text, "say");
    assert_eq!(src(q, text), Some("42%"));
    assert_eq!(content(q, text), ["they're liberal"]);
    let q = by_cue(&out, text, "call");
    assert_eq!(src(q, text), Some("32%"));
    // After a semicolon, an attribution of its own ends what was said before it.
    let text = "34% strongly agree they should be able to use the bathroom of their choice; 17% \
                strongly disagree.";
    let out = run(text);
    let q = by_cue(&out, text, "strongly agree");
    assert_eq!(src(q, text), Some("34%"));
    assert_eq!(
        content(q, text),
        ["they should be able to use the bathroom of their choice"]
    );
    // Right before a noun, after an article, the share modifies the noun.
    let text = "Turnout showed a 30% decline in South Carolina.";
    let out = run(text);
    assert!(
        out.quotes.iter().all(|q| src(q, text) != Some("a 30%")),
        "{:?}",
        out.quotes.iter().map(|q| src(q, text)).collect::<Vec<_>>()
    );
}

#[test]
fn two_roles_of_one_person_joined_by_and_are_one_source() {
    let text = "\"I have been warning throughout this campaign,\" the Florida senator and \
                Republican presidential candidate said in a statement.";
    let out = run(text);
    let q = by_cue(&out, text, "said in a statement");
    assert_eq!(
        src(q, text),
        Some("the Florida senator and Republican presidential candidate")
    );
    let text = "The firm lobbied on behalf of the Trump Organization, said lobbyist and GOP \
                strategist Charlie Black.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        src(q, text),
        Some("lobbyist and GOP strategist Charlie Black")
    );
    assert_eq!(q.speaker.as_deref(), Some("Charlie Black"));
}

#[test]
fn a_cue_word_after_a_possessive_before_a_verb_of_saying_ends_the_subject() {
    let text = "Another source familiar with Cruz’s thinking said, “I think he’ll certainly try \
                to be more friendly with his colleagues.”";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        src(q, text),
        Some("Another source familiar with Cruz’s thinking")
    );
    assert!(
        out.quotes
            .iter()
            .all(|q| q.cue.map(|c| c.slice(text)) != Some("thinking")),
        "{:#?}",
        out.quotes
    );
    let text = "USA TODAY's reporting indicated that some of the donors were unaware of basic \
                facts.";
    let out = run(text);
    let q = by_cue(&out, text, "indicated");
    assert_eq!(src(q, text), Some("USA TODAY's reporting"));
}

#[test]
fn a_poll_dated_by_its_participle_is_one_source_with_its_issuers() {
    for (text, cue, source) in [
        (
            "A CNN/ORC poll of South Carolina released on Tuesday showed Mr. Trump with a \
             16-point lead.",
            "showed",
            "A CNN/ORC poll of South Carolina released on Tuesday",
        ),
        (
            "A New York Times/CBS News poll conducted last week found that African-Americans \
             rated the economy as good.",
            "found",
            "A New York Times/CBS News poll conducted last week",
        ),
        (
            "A Monmouth poll out Monday showed Clinton with a healthy lead over Sanders.",
            "showed",
            "A Monmouth poll out Monday",
        ),
        (
            "A poll from Marquette Law School released Wednesday found Clinton leading Trump.",
            "found",
            "A poll from Marquette Law School released Wednesday",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, cue);
        assert_eq!(src(q, text), Some(source), "{text}");
    }
    // A day at the end of a document's phrase names nobody.
    let text = "The order released Friday said the plant may resume operations.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(q.speaker, None);
}

#[test]
fn a_plural_noun_and_a_modified_plural_noun_are_one_subject() {
    let text = "Support is particularly strong among the most progressive wing of the unions, \
                teachers and union officials told POLITICO.";
    let out = run(text);
    let q = by_cue(&out, text, "told");
    assert_eq!(src(q, text), Some("teachers and union officials"));
    let text = "Local governments and school districts could feel a budget pinch, officials said.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("officials"));
}

#[test]
fn a_determined_noun_is_the_subject_of_an_inflected_verb_with_its_particle() {
    let text = "His plan calls for rates that rise with earnings.";
    let out = run(text);
    let q = by_cue(&out, text, "calls for");
    assert_eq!(src(q, text), Some("His plan"));
    assert_eq!(content(q, text), ["rates that rise with earnings"]);
    // The noun itself after an adjective: `an unprompted call for`.
    let text = "Cruz made an unprompted call for an end to sugar subsidies.";
    let out = run(text);
    assert!(
        out.quotes
            .iter()
            .all(|q| src(q, text) != Some("Cruz made an unprompted")),
        "{:#?}",
        out.quotes
    );
}

#[test]
fn names_listed_before_and_other_are_one_group_source() {
    let text = "Ms. Toretti, Mrs. Rao and other prominent bundlers said their networks were now \
                composed mostly of women.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        src(q, text),
        Some("Ms. Toretti, Mrs. Rao and other prominent bundlers")
    );
    // A group is nobody in particular.
    assert_eq!(q.speaker, None);
}

#[test]
fn a_clause_after_the_verb_is_no_inverted_subject() {
    let text = "John Smith, Democrat of Ohio and chairman of the panel, said the plan failed.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        src(q, text),
        Some("John Smith, Democrat of Ohio and chairman of the panel")
    );
    assert_eq!(content(q, text), ["the plan failed"]);
}

#[test]
fn a_subject_may_end_in_a_relative_clause_with_a_verb_of_its_own() {
    for (text, cue, source) in [
        (
            "The state officials whose laws have been invalidated say the real change has come \
             in the judiciary.",
            "say",
            "The state officials whose laws have been invalidated",
        ),
        (
            "Even Republicans who have praised his candidacy warned that the party may have to \
             separate itself from him.",
            "warned",
            "Republicans who have praised his candidacy",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, cue);
        assert_eq!(src(q, text), Some(source), "{text}");
    }
    // A relative pronoun right before the verb is its own subject.
    let text = "He met the officials who say the plan failed.";
    let out = run(text);
    let q = by_cue(&out, text, "say");
    assert_eq!(src(q, text), Some("who"));
}

#[test]
fn an_interview_is_the_occasion_of_a_saying_not_its_source() {
    let text = "He declined at first, but in a later interview said he had deleted the archive.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_ne!(src(q, text), Some("a later interview"));
    // A document of one is a source all the same.
    let text = "According to a transcript of the interview, she said no.";
    let out = run(text);
    let q = by_cue(&out, text, "According to");
    assert_eq!(src(q, text), Some("a transcript of the interview"));
}

#[test]
fn a_gerund_with_its_object_is_no_source() {
    let text = "Clinton and her allies are launching a new round of attacks on Trump.";
    let out = run(text);
    let q = by_cue(&out, text, "attacks on");
    assert_ne!(src(q, text), Some("launching a new round"));
    // A noun in -ing is a source all the same.
    let text = "The ruling party said the plan failed.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("The ruling party"));
}

#[test]
fn the_one_heard_or_seen_saying_it_speaks() {
    let text = "They were thrilled hearing a leading presidential candidate acknowledging how \
                much ground they have lost.";
    let out = run(text);
    let q = by_cue(&out, text, "acknowledging");
    assert_eq!(src(q, text), Some("a leading presidential candidate"));
    let text = "Many came to hear Weld and Johnson speak about the highway between the parties.";
    let out = run(text);
    let q = by_cue(&out, text, "speak about");
    assert_eq!(src(q, text), Some("Weld and Johnson"));
}
