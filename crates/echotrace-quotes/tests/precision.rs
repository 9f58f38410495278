//! Words that look like cues but report nobody's speech or thought, on sentences written in
//! the style of wire copy (sport, markets, courts, diplomacy): each test checks that the
//! false reading is gone and that a true attribution next to it is still found.

mod common;
use common::{by_cue, content, run, src};

#[test]
fn a_dateline_is_not_a_speaker() {
    let text = "KATHMANDU: More than 200 trekkers were stranded on Tuesday after a landslide \
                blocked the only road to Kathmandu. Some said they had waited for two days.\n\n\
                \u{201c}We ran out of food yesterday,\u{201d} said Anil Gurung, a guide.";
    let out = run(text);
    assert!(
        out.quotes
            .iter()
            .all(|q| q.source.is_none_or(|s| s.slice(text) != "KATHMANDU")),
        "{:#?}",
        out.quotes
    );
    assert!(out.quotes.iter().any(|q| q
        .source
        .is_some_and(|s| s.slice(text) == "Anil Gurung, a guide")));
    let q = out
        .quotes
        .iter()
        .find(|q| q.source.is_some_and(|s| s.slice(text) == "Some"))
        .expect("`Some said` is still reported");
    assert_eq!(content(q, text), ["they had waited for two days"]);
    // A transcript has more than one turn: its labels still speak.
    let text = "Maria Lopez spoke to the minister, Tomas Berg, on Friday.\n\nLOPEZ: Will the \
                border reopen this month?\n\nBERG: We will reopen it once the repairs are done.";
    let out = run(text);
    assert!(out
        .quotes
        .iter()
        .any(|q| q.source.is_some_and(|s| s.slice(text) == "BERG")));
}

#[test]
fn a_disclaimer_is_a_label() {
    let text = "Disclaimer: The views and investment tips of the experts on this website are \
                their own and not those of its management.";
    assert!(run(text).quotes.is_empty(), "{:#?}", run(text).quotes);
    let text = "Novak: The central bank will not cut rates again this year.";
    let out = run(text);
    let q = by_cue(&out, text, ":");
    assert_eq!(src(q, text), Some("Novak"));
}

fn no_cue(text: &str, cue: &str) {
    let out = run(text);
    assert!(
        out.quotes
            .iter()
            .all(|q| q.cue.is_none_or(|c| c.slice(text) != cue)),
        "{cue:?} read as a cue: {:#?}",
        out.quotes
    );
}

#[test]
fn a_quantity_is_not_what_was_added_or_admitted() {
    let text = "The Dow Jones Industrial Average fell 0.1% and the Nasdaq Composite added 20.7 \
                points, or 0.2%, to 8,570.66.";
    no_cue(text, "added");
    let text = "Since 2011 the country has admitted more than 1.4 million refugees, straining \
                its schools.";
    no_cue(text, "has admitted");
    let text = "The euro zone added $4 billion to the fund.";
    no_cue(text, "added");
    // A clause after the verb is still what was added or admitted.
    let text = "The trader added that 20 points was a modest move for the index.";
    let out = run(text);
    let q = by_cue(&out, text, "added");
    assert_eq!(
        content(q, text),
        ["that 20 points was a modest move for the index"]
    );
    let text = "The minister admitted the scheme had cost more than planned.";
    let out = run(text);
    let q = by_cue(&out, text, "admitted");
    assert_eq!(content(q, text), ["the scheme had cost more than planned"]);
}

#[test]
fn maintaining_a_noun_phrase_reports_nothing() {
    let text = "The militant group maintains a political office in the Qatari capital.";
    no_cue(text, "maintains");
    let text = "Washington maintains existing tariffs for leverage. In contrast, Brussels wants \
                a quick deal.";
    no_cue(text, "maintains");
    // What is maintained as true is a clause.
    let text = "The company maintains that its products are safe.";
    let out = run(text);
    let q = by_cue(&out, text, "maintains");
    assert_eq!(content(q, text), ["that its products are safe"]);
    let text = "Her lawyer has long maintained she was never at the house.";
    let out = run(text);
    let q = by_cue(&out, text, "has long maintained");
    assert_eq!(content(q, text), ["she was never at the house"]);
}

#[test]
fn agreeing_a_deal_is_no_agreement_reported() {
    let text = "The Portuguese coach has agreed a deal to stay at the club until 2025.";
    no_cue(text, "has agreed");
    let text = "The two sides agreed to resume talks in January.";
    let out = run(text);
    let q = by_cue(&out, text, "agreed");
    assert_eq!(content(q, text), ["to resume talks in January"]);
}

#[test]
fn a_bare_verb_after_be_is_a_noun() {
    let text = "Aid workers said the main reason the families stay in the camp is fear of \
                reprisals at home.";
    no_cue(text, "is fear");
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("Aid workers"));
    // After an existential `there` the noun still reports an attitude.
    let text = "There are fears the river will burst its banks before the weekend.";
    let out = run(text);
    let q = by_cue(&out, text, "are fears");
    assert_eq!(
        content(q, text),
        ["the river will burst its banks before the weekend"]
    );
}

#[test]
fn the_year_of_a_date_is_no_subject() {
    let text = "Some 13,000 US troops remain in the country, 18 years after the September 11, \
                2001 attacks.";
    no_cue(text, "attacks");
    // A count before a verb of saying is still its subject.
    let text = "Six in 10 said they would vote again.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(content(q, text), ["they would vote again"]);
}

#[test]
fn defending_champion_is_a_title() {
    let text = "Spain will be back in action on Wednesday against defending champion Croatia.";
    no_cue(text, "defending");
    let text = "The coach spent the week defending his decision to rest the captain.";
    let out = run(text);
    let q = by_cue(&out, text, "defending");
    assert_eq!(content(q, text), ["his decision to rest the captain"]);
}

#[test]
fn a_number_with_a_unit_is_a_modifier() {
    let text = "Benchmark 10-year notes last rose 5/32 in price to yield 1.79%.";
    no_cue(text, "notes");
    // A bare count is still a subject.
    let text = "Men under 35 support the measure by a wide margin.";
    let out = run(text);
    let q = by_cue(&out, text, "support");
    assert_eq!(content(q, text), ["the measure by a wide margin"]);
}

#[test]
fn anonymity_and_hospital_admissions_report_nothing() {
    let text = "The source, a refugee who asked not to be identified, described the camp as \
                overcrowded.";
    no_cue(text, "asked");
    let out = run(text);
    let q = by_cue(&out, text, "described");
    assert_eq!(content(q, text), ["the camp as overcrowded"]);
    let text = "He was admitted to hospital on Saturday with a high fever.";
    no_cue(text, "was admitted");
    let text = "The driver was admitted to the hospital late on Friday.";
    no_cue(text, "was admitted");
    let text = "The company admitted it had misled its investors.";
    let out = run(text);
    let q = by_cue(&out, text, "admitted");
    assert_eq!(content(q, text), ["it had misled its investors"]);
}

#[test]
fn an_agentless_passive_of_judging_without_a_clause_reports_nothing() {
    let text = "The match was already decided when the home side scored twice in the doubles.";
    no_cue(text, "was already decided");
    let text = "The dollar was supported by recent economic data, while the yen slipped.";
    no_cue(text, "was supported");
    let text = "Analysts said some 200 soldiers are believed to remain at the base.";
    no_cue(text, "are believed");
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("Analysts"));
    // With a reported clause or an agent the passive still attributes.
    let text = "It was announced on Monday that the plant would close.";
    let out = run(text);
    let q = by_cue(&out, text, "was announced");
    assert_eq!(content(q, text), ["that the plant would close"]);
    let text = "The plan was criticized by Senator Ann Lee.";
    let out = run(text);
    let q = by_cue(&out, text, "was criticized");
    assert_eq!(src(q, text), Some("Senator Ann Lee"));
}

#[test]
fn a_split_infinitive_has_no_subject() {
    let text = "The Palestinians condemned the decision to no longer consider the settlements \
                illegal.";
    no_cue(text, "consider");
    let out = run(text);
    let q = by_cue(&out, text, "condemned");
    assert_eq!(src(q, text), Some("The Palestinians"));
    let text = "The board chose to publicly endorse the merger on Friday.";
    no_cue(text, "publicly endorse");
    // A finite verb after the same adverbs keeps its subject.
    let text = "The board publicly endorsed the merger on Friday.";
    let out = run(text);
    let q = by_cue(&out, text, "publicly endorsed");
    assert_eq!(src(q, text), Some("The board"));
}

#[test]
fn accepting_a_thing_and_realising_a_dream_report_nothing() {
    let text = "Markets could rally if the president agrees to Beijing's demands on tariffs.";
    no_cue(text, "agrees");
    let text = "The union finally agreed to a two-year wage freeze.";
    no_cue(text, "finally agreed");
    let text = "Many migrants could not realise their American dream after several attempts.";
    no_cue(text, "could not realise");
    // Agreeing to do something, or coming to know something, is still reported.
    let text = "The two leaders agreed to meet again in the spring.";
    let out = run(text);
    let q = by_cue(&out, text, "agreed");
    assert_eq!(content(q, text), ["to meet again in the spring"]);
    let text = "Officials realised their plan had failed.";
    let out = run(text);
    let q = by_cue(&out, text, "realised");
    assert_eq!(content(q, text), ["their plan had failed"]);
}

#[test]
fn a_participle_after_an_existential_there_is_no_verb() {
    let text = "From 2010 to 2015 there were 3,248 cases reported worldwide, including 584 deaths.";
    no_cue(text, "reported");
    // A noun phrase that is a subject keeps its verb.
    let text = "Health authorities reported 12 new cases on Sunday.";
    let out = run(text);
    let q = by_cue(&out, text, "reported");
    assert_eq!(src(q, text), Some("Health authorities"));
}

#[test]
fn a_quoted_subheading_is_not_the_last_speaker_again() {
    let text =
        "\u{201c}The camp has run out of doctors,\u{201d} the aid worker said. \u{201c}People \
                are sick and winter is coming.\u{201d}\n\n\u{201c}\u{2026} prevent the evacuation \
                of civilians from the camp\u{201d}\n\nMoscow has accused the coalition of blocking \
                the convoys.";
    let out = run(text);
    assert!(
        out.quotes.iter().all(|q| q
            .content
            .iter()
            .all(|c| !c.slice(text).contains("prevent the evacuation"))),
        "{:#?}",
        out.quotes
    );
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("the aid worker"));
    // A quotation paragraph that ends as a sentence still continues the speaker.
    let text = "\u{201c}The camp has run out of doctors,\u{201d} the aid worker said.\n\n\
                \u{201c}People are sick and winter is coming.\u{201d}";
    let out = run(text);
    assert!(out.quotes.iter().any(|q| q
        .content
        .iter()
        .any(|c| c.slice(text).contains("winter is coming"))));
}

#[test]
fn a_naming_participle_names_nothing_said() {
    let text = "The fund hired a consulting firm called Harbor Analytics to review the deal.";
    no_cue(text, "called");
    let text = "The 55-year-old is the third resident to contract the medieval disease dubbed \
                the Black Death.";
    no_cue(text, "dubbed");
    // A finite verb with an object and what it is called is still an attribution.
    let text = "The doctors who signed the letter called Oz a quack.";
    let out = run(text);
    let q = by_cue(&out, text, "called");
    assert_eq!(content(q, text), ["Oz a quack"]);
    let text = "A local newspaper called on the mayor to resign.";
    let out = run(text);
    let q = by_cue(&out, text, "called on");
    assert_eq!(src(q, text), Some("A local newspaper"));
}

#[test]
fn finding_a_way_is_no_finding() {
    let text = "The coach praised the veteran winger, who always finds a way to score late in \
                the season.";
    no_cue(text, "always finds");
    let text = "Refugees from the north found a new home in the coastal town.";
    no_cue(text, "found");
    // What an inquiry finds is a finding.
    let text = "The inspectors found that the reactor had been shut down safely.";
    let out = run(text);
    let q = by_cue(&out, text, "found");
    assert_eq!(
        content(q, text),
        ["that the reactor had been shut down safely"]
    );
}

#[test]
fn going_on_with_something_is_no_speech() {
    let text = "Rescue teams continued their search for survivors on Sunday.";
    no_cue(text, "continued");
    let text = "Hiring continues despite falling profits at the plant.";
    no_cue(text, "continues");
    // Going on speaking is still speech.
    let text = "The mayor paused. He continued, \u{201c}We will rebuild the bridge.\u{201d}";
    let out = run(text);
    let q = by_cue(&out, text, "continued");
    assert_eq!(src(q, text), Some("He"));
    let text = "\u{201c}We will rebuild the bridge,\u{201d} the mayor continued.";
    let out = run(text);
    let q = by_cue(&out, text, "continued");
    assert_eq!(src(q, text), Some("the mayor"));
}

#[test]
fn a_list_of_names_after_a_colon_is_no_speech() {
    let text = "Ohio: Anna Berg, Carlos Ruiz, Dana Kim, Eli van Dyke, Farah Ali.";
    assert!(run(text).quotes.is_empty(), "{:#?}", run(text).quotes);
    let text = "Revealed: The Ten Towns Where House Prices Doubled In A Decade";
    assert!(run(text).quotes.is_empty(), "{:#?}", run(text).quotes);
    // A name heading its words still speaks.
    let text = "Ruiz: We will not raise taxes this year.";
    let out = run(text);
    let q = by_cue(&out, text, ":");
    assert_eq!(src(q, text), Some("Ruiz"));
}

#[test]
fn an_armed_attack_is_no_criticism() {
    let text = "Investigators are still questioning witnesses to the attack on the embassy in \
                the capital.";
    no_cue(text, "attack on");
    let text = "It was the worst day since the deadly attack on a market in the north.";
    out_has_no_cue_word(text, "attack");
    // An attack on a person or a record is criticism.
    let text = "Voters cheered the senator's attacks on the governor's record.";
    let out = run(text);
    let q = by_cue(&out, text, "attacks on");
    assert_eq!(content(q, text), ["the governor's record"]);
}

fn out_has_no_cue_word(text: &str, word: &str) {
    let out = run(text);
    assert!(
        out.quotes
            .iter()
            .all(|q| q.cue.is_none_or(|c| !c.slice(text).contains(word))),
        "{word:?} in a cue: {:#?}",
        out.quotes
    );
}

#[test]
fn an_attitude_inside_someone_elses_reported_words_is_not_a_quote() {
    let has_cue = |out: &echotrace_quotes::Extraction, text: &str, cue: &str| {
        out.quotes
            .iter()
            .any(|q| q.cue.is_some_and(|c| c.slice(text) == cue))
    };
    // What Washington is said to believe is the Palestinians' report, not a statement of
    // Washington's; the outer quote keeps the whole of it.
    let text = "Palestinian officials said Washington now believed that the settlements were \
                legal.";
    let out = run(text);
    assert!(!has_cue(&out, text, "now believed"), "{:#?}", out.quotes);
    assert!(!has_cue(&out, text, "believed"), "{:#?}", out.quotes);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("Palestinian officials"));
    assert_eq!(
        content(q, text),
        ["Washington now believed that the settlements were legal"]
    );
    let text = "Trump said he hoped the prisoner swap would lead to talks with the Taliban.";
    let out = run(text);
    assert!(!has_cue(&out, text, "hoped"), "{:#?}", out.quotes);
    assert!(has_cue(&out, text, "said"));
    // Speech inside speech is a statement of its own, and an attitude on its own is kept.
    let text = "The driver said the officer told him that the road was closed.";
    let out = run(text);
    assert_eq!(src(by_cue(&out, text, "told"), text), Some("the officer"));
    let text = "Most economists believe the slowdown will last into next year.";
    let out = run(text);
    assert_eq!(
        src(by_cue(&out, text, "believe"), text),
        Some("Most economists")
    );
}

#[test]
fn a_writers_idiom_with_say_reports_nobody() {
    let text = "Having said that, some economists argue that corporate taxes should be low.\n\n\
                That being said, the minister insisted the talks would continue.\n\n\
                Suffice it to say that the negotiations did not go as planned.\n\n\
                Needless to say, the council will appeal, the mayor said.";
    let out = run(text);
    for q in &out.quotes {
        let cue = q.cue.map_or("", |c| c.slice(text));
        let source = src(q, text);
        let idiom =
            matches!(cue, "say" | "being said") || (cue == "said" && source != Some("the mayor"));
        assert!(
            !idiom,
            "{cue:?} ({source:?}) in an idiom: {:#?}",
            out.quotes
        );
    }
    let q = by_cue(&out, text, "argue");
    assert_eq!(src(q, text), Some("some economists"));
    by_cue(&out, text, "insisted");
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("the mayor"));
}

#[test]
fn only_verbs_of_saying_invert_their_subject() {
    // Written for this test in wire style.
    let text = "A government spokesman, speaking on condition of anonymity, denied the report.";
    let out = run(text);
    let q = by_cue(&out, text, "denied");
    assert_ne!(src(q, text), Some("the report"), "{:#?}", out.quotes);
    assert_eq!(content(q, text), ["the report"]);
    let text = "The plan is dead, said the minister.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("the minister"));
    assert_eq!(content(q, text), ["The plan is dead"]);
}

#[test]
fn a_published_text_and_an_invitation_to_the_reader_report_nobody() {
    // Written for this test in the style of article pages.
    let text = "The study was published in the journal JAMA on Tuesday.\n\nLet us know what you \
                think in the comments below.\n\nAll rights reserved. This material may not be \
                published or broadcast.\n\nThe findings were published on Monday, the \
                researchers said.";
    let out = run(text);
    assert_eq!(out.quotes.len(), 1, "{:#?}", out.quotes);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("the researchers"));
    assert_eq!(content(q, text), ["The findings were published on Monday"]);
}

#[test]
fn an_ing_word_that_modifies_a_noun_is_no_cue() {
    // `reporting station` names a weather station; `briefing` and `reporting` modify the
    // noun after them, whose verb follows.
    let text = "One Napa County reporting station hasn't seen a measurable drop of rain since \
                mid-September, said Scott Strenfel, the utility's principal meteorologist.";
    no_cue(text, "reporting");
    let q = by_cue(&run(text), text, "said").clone();
    assert_eq!(
        src(&q, text),
        Some("Scott Strenfel, the utility's principal meteorologist")
    );
    let text = "The reporting requirement was dropped last year, officials said.";
    no_cue(text, "reporting");
    // After a name with a clause, not a noun and its verb, after it, the word still reports.
    let text = "The city issued a statement Monday saying the water was safe to drink.";
    let q = by_cue(&run(text), text, "issued a statement Monday saying").clone();
    assert_eq!(content(&q, text), ["the water was safe to drink"]);
}

#[test]
fn anonymity_and_summoning_report_nothing() {
    // `declined to be named` is the formula of anonymity, as `asked not to be identified`.
    let text = "A spokesman for the ministry, who declined to be named, said the figures were \
                preliminary.";
    no_cue(text, "declined");
    let q = by_cue(&run(text), text, "said").clone();
    assert_eq!(content(&q, text), ["the figures were preliminary"]);
    let text = "The official, who refused to be identified, said talks had stalled.";
    no_cue(text, "refused");
    // Summoned and cancelled, not named or told.
    let text = "Police spokeswoman Jane Doe said officers were called to the scene at 3 a.m.";
    no_cue(text, "were called");
    let q = by_cue(&run(text), text, "said").clone();
    assert_eq!(
        content(&q, text),
        ["officers were called to the scene at 3 a.m."]
    );
    let text = "The union called off the strike on Friday after talks with the employers.";
    no_cue(text, "called");
    // A call to do something is still a demand, and so is calling for it.
    let text = "The senator renewed his call to ban the sale of assault weapons.";
    let out = run(text);
    assert!(out
        .quotes
        .iter()
        .any(|q| q.cue.is_some_and(|c| c.slice(text).ends_with("call"))));
    let text = "The senator called for a ceasefire in the region.";
    let q = by_cue(&run(text), text, "called for").clone();
    assert_eq!(content(&q, text), ["a ceasefire in the region"]);
}

#[test]
fn an_ing_word_after_a_determiner_is_a_noun() {
    // `a regular briefing` is where Wang spoke, not a second speaker briefing anyone.
    let text = "Chinese foreign ministry spokesman Wang Wenbin said Beijing \"firmly opposes\" \
                the sanctions. Wang told a regular briefing that China would take \
                countermeasures.";
    no_cue(text, "briefing");
    let q = by_cue(&run(text), text, "told").clone();
    assert_eq!(content(&q, text), ["that China would take countermeasures"]);
    assert_eq!(q.speaker.as_deref(), Some("Wang Wenbin"));
    // After a noun, the participle still reports.
    let text = "The Fed began the year predicting that it would raise rates four times.";
    let q = by_cue(&run(text), text, "predicting").clone();
    assert_eq!(content(&q, text), ["that it would raise rates four times"]);
}

#[test]
fn a_plea_in_court_is_no_statement() {
    let text = "The former aide pleaded guilty on Wednesday to lying to investigators, and his \
                lawyer said he regretted it.";
    let out = run(text);
    assert!(
        out.quotes
            .iter()
            .all(|q| !q.cue.is_some_and(|c| c.slice(text).starts_with("pleaded"))),
        "{:#?}",
        out.quotes
    );
    assert_eq!(
        content(by_cue(&out, text, "said"), text),
        ["he regretted it"]
    );
    let text = "She pleads not guilty to all charges.";
    assert!(run(text).quotes.is_empty(), "{:#?}", run(text).quotes);
}

#[test]
fn figures_a_company_reports_are_no_statement() {
    for text in [
        "Most of the companies reported in-line or better than expected results.",
        "The bank reported a net loss of $2 billion for the quarter.",
    ] {
        assert!(
            run(text).quotes.is_empty(),
            "{text}: {:#?}",
            run(text).quotes
        );
    }
    // A clause after the verb is still reported, whatever its subject.
    let text = "Reuters reported losses were mounting at the firm.";
    let out = run(text);
    assert_eq!(
        content(by_cue(&out, text, "reported"), text),
        ["losses were mounting at the firm"]
    );
}

#[test]
fn adding_a_thing_is_no_statement() {
    for text in [
        "Guests stand on a new carpet for added comfort.",
        "Wednesday added one more unusual development to the list.",
        "Later, he added trucks, and, still later, he attacked the plan.",
    ] {
        let out = run(text);
        assert!(
            out.quotes
                .iter()
                .all(|q| !q.cue.is_some_and(|c| c.slice(text).contains("added"))),
            "{text}: {:#?}",
            out.quotes
        );
    }
    // Adding words, or a clause, is saying.
    let text = "Then she added the words, \"Hillary Clinton.\"";
    let out = run(text);
    assert!(out
        .quotes
        .iter()
        .any(|q| q.cue.is_some_and(|c| c.slice(text) == "added")));
    let text = "He added the plan was dead.";
    let out = run(text);
    assert_eq!(
        content(by_cue(&out, text, "added"), text),
        ["the plan was dead"]
    );
}

#[test]
fn one_content_is_one_quote_whatever_the_cues_that_found_it() {
    for (text, cue, speaker) in [
        (
            "Marcel Lehel Lazar was sentenced on Wednesday. Lazar admitted in his plea that he \
             often turned over the private correspondence of his victims.",
            "admitted",
            "Marcel Lehel Lazar",
        ),
        (
            "Debbie Wasserman Schultz opened the meeting. Wasserman Schultz said in her opening \
             remarks that the platform should reaffirm the party's support for Israel.",
            "said",
            "Debbie Wasserman Schultz",
        ),
    ] {
        let out = run(text);
        let content: Vec<_> = out.quotes.iter().map(|q| q.content.clone()).collect();
        let mut unique = content.clone();
        unique.dedup();
        assert_eq!(content.len(), unique.len(), "{text}: {:#?}", out.quotes);
        let q = out
            .quotes
            .iter()
            .find(|q| q.content.iter().any(|c| c.slice(text).starts_with("that ")))
            .unwrap();
        assert_eq!(q.cue.map(|c| c.slice(text)), Some(cue), "{text}");
        assert_eq!(q.speaker.as_deref(), Some(speaker), "{text}");
    }
}

#[test]
fn a_verb_inside_the_subject_reports_nothing() {
    // The day after a participle is the participle's, and the verb of saying is `said`.
    let text = "A news report published Wednesday said the defense secretary used a personal \
                email account for government business.";
    let out = run(text);
    assert_eq!(out.quotes.len(), 1, "{:#?}", out.quotes);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("A news report published Wednesday"));
    assert_eq!(
        content(q, text),
        ["the defense secretary used a personal email account for government business"]
    );
    let text = "A poll from Marquette Law School released Wednesday found Clinton leading by 15 \
                points.";
    let out = run(text);
    assert_eq!(
        src(by_cue(&out, text, "found"), text),
        Some("A poll from Marquette Law School released Wednesday")
    );
    // A day before the verb of saying is still the time of the saying.
    let text = "Obama on Tuesday said the deal was a good one.";
    let out = run(text);
    assert_eq!(
        src(by_cue(&out, text, "on Tuesday said"), text),
        Some("Obama")
    );
}

#[test]
fn a_relative_pronoun_never_reports_the_clause_of_its_antecedent() {
    for text in [
        "A big reason was the rise of the governor, who had talked about so many of the \
         things she believed.",
        "Later in the broadcast, the host praised the evangelist, who has publicly vowed to \
         stay out of politics.",
    ] {
        let out = run(text);
        for q in &out.quotes {
            if q.source.is_some_and(|s| s.slice(text) == "who") {
                assert!(
                    content(q, text).iter().all(
                        |c| !c.contains("the rise of") && !c.contains("Later in the broadcast")
                    ),
                    "{text}: {:#?}",
                    content(q, text)
                );
            }
        }
    }
    // What the pronoun's verb takes after it is still its content.
    let text = "Later in the broadcast, the host praised the evangelist, who has publicly vowed \
                to stay out of politics.";
    let out = run(text);
    let q = by_cue(&out, text, "has publicly vowed");
    assert_eq!(content(q, text), ["to stay out of politics"]);
}

#[test]
fn a_time_or_an_adverb_is_never_a_source() {
    for text in [
        "Former allies who have known him for the past week described the nominee as \
         reckless.",
        "Many who knew the candidate over the decades said he had less magnetism now.",
        "Simply complaining about the press is not enough, the adviser said.",
    ] {
        let out = run(text);
        for q in &out.quotes {
            let s = src(q, text).unwrap_or("");
            assert!(
                !matches!(s, "the past week" | "the decades" | "simply" | "Simply"),
                "{text}: {s}"
            );
        }
    }
    // Nor a connective or a verb that a rule read as a subject.
    for text in [
        "A lawsuit was filed challenging the police department's surveillance of mosques.",
        "Earlier, urging the department to review the rules, the senator spoke for an hour.",
    ] {
        let out = run(text);
        for q in &out.quotes {
            let s = src(q, text).unwrap_or("");
            assert!(!matches!(s, "filed" | "Earlier"), "{text}: {s}");
        }
    }
    let text = "Retired Gen. John Allen, who led forces in Afghanistan, said the plan would fail.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert!(
        src(q, text).is_some_and(|s| s.contains("John Allen")),
        "{:?}",
        src(q, text)
    );
    // A name in -ly and a count of people stay sources.
    let text = "Skelly said the plan would fail, and 39 have said the same.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("Skelly"));
}
