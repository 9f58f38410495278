//! Where reported content starts and ends, and which words are the cue and the source, on
//! news sentences (paraphrased from PolNeAR train and other wire copy).

mod common;
use common::{by_cue, content, run, src};

#[test]
fn fronted_subordinate_clause_ends_at_its_comma() {
    let text = "While the senator laid out his plan for the border, the crowd cheered loudly.";
    let out = run(text);
    let q = by_cue(&out, text, "laid out");
    assert_eq!(content(q, text), ["his plan for the border"]);
    let text = "After saying he was nervous to ask a question, the veteran ended up on stage \
                with the governor.";
    let out = run(text);
    let q = by_cue(&out, text, "saying");
    assert_eq!(content(q, text), ["he was nervous to ask a question"]);
    let text = "And when asked who they thought was the closest ally, the vast majority named \
                Britain.";
    let out = run(text);
    let q = by_cue(&out, text, "asked");
    assert_eq!(content(q, text), ["who they thought was the closest ally"]);
    // A comma after the cue of a main clause is no such boundary.
    let text = "On Monday the mayor said that the budget, which passed in June, was balanced.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        content(q, text),
        ["that the budget, which passed in June, was balanced"]
    );
}

#[test]
fn a_new_clause_after_comma_and_is_the_writers() {
    let text = "Protest groups say the restrictions are less for safety than to limit their \
                visibility, and the civil liberties union has already sued the city over the rules.";
    let out = run(text);
    let q = by_cue(&out, text, "say");
    assert_eq!(
        content(q, text),
        ["the restrictions are less for safety than to limit their visibility"]
    );
    let text = "The White House contends that it is still on track to meet those targets, and \
                Brian Deese, the climate adviser, is preparing new models.";
    let out = run(text);
    let q = by_cue(&out, text, "contends");
    assert_eq!(
        content(q, text),
        ["that it is still on track to meet those targets"]
    );
    // A second `that` clause, or a list, is still what was said.
    let text = "She said that the party was united, and that the nominee would win in November.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        content(q, text),
        ["that the party was united, and that the nominee would win in November"]
    );
}

#[test]
fn headlines_with_a_quotation_and_headline_verbs() {
    let text = "Francois Hollande Says Donald Trump \u{2018}Makes You Want To Retch.\u{2019}\n\n\
                French President Francois Hollande has joined a growing list of leaders.";
    let out = run(text);
    let q = by_cue(&out, text, "Says");
    assert_eq!(q.source.map(|s| s.slice(text)), Some("Francois Hollande"));
    assert_eq!(
        content(q, text),
        ["Donald Trump \u{2018}Makes You Want To Retch.\u{2019}"]
    );
    let text =
        "Glenn Beck Blasts Drudge for Mocking His Fast\n\nThe talk show host spoke on Monday.";
    let out = run(text);
    let q = by_cue(&out, text, "Blasts");
    assert_eq!(q.source.map(|s| s.slice(text)), Some("Glenn Beck"));
}

#[test]
fn raising_verb_before_a_verb_of_saying_or_knowing() {
    let text = "Obama himself seemed to recognize the significance of the Iowa victory.";
    let out = run(text);
    let q = by_cue(&out, text, "seemed to recognize");
    assert_eq!(q.source.map(|s| s.slice(text)), Some("Obama himself"));
    assert_eq!(content(q, text), ["the significance of the Iowa victory"]);
    // A plain raising verb keeps no source: the judgement is the writer's.
    let text = "The speaker appeared closer to offering a full endorsement.";
    let out = run(text);
    assert!(
        out.quotes.iter().all(|q| q.source.is_none()),
        "{:#?}",
        out.quotes
    );
}

#[test]
fn manner_and_time_after_the_verb_belong_to_the_cue() {
    let text = "\u{201C}I don\u{2019}t care,\u{201D} Trump said with a laugh.";
    let out = run(text);
    by_cue(&out, text, "said with a laugh");
    let text = "\u{201C}We will win this state,\u{201D} Sanders said at the time.";
    let out = run(text);
    by_cue(&out, text, "said at the time");
    let text = "The governor said in response that the budget was balanced.";
    let out = run(text);
    let q = by_cue(&out, text, "said in response");
    assert_eq!(content(q, text), ["that the budget was balanced"]);
}

#[test]
fn the_issuer_of_a_statement_is_the_source() {
    let text = "The senator issued a statement saying that the bill would pass.";
    let out = run(text);
    let q = by_cue(&out, text, "issued a statement saying");
    assert_eq!(q.source.map(|s| s.slice(text)), Some("The senator"));
    assert_eq!(content(q, text), ["that the bill would pass"]);
    let text = "Trump released a statement Tuesday saying, \"We will win.\"";
    let out = run(text);
    let q = by_cue(&out, text, "released a statement Tuesday saying");
    assert_eq!(q.source.map(|s| s.slice(text)), Some("Trump"));
}

#[test]
fn the_preposition_before_the_topic_belongs_to_the_cue() {
    let text = "Asked about his paid speeches in the 2016 race, Huckabee declined to answer.";
    let out = run(text);
    let q = by_cue(&out, text, "Asked about");
    assert_eq!(content(q, text), ["his paid speeches in the 2016 race"]);
}

#[test]
fn a_pronoun_after_an_initialism_starts_a_sentence() {
    let text = "Cox says Obama is trying to distract from attacks in the U.S. He says Americans \
                do not need any more lectures.";
    let out = run(text);
    let first = out
        .quotes
        .iter()
        .find(|q| q.source.is_some_and(|s| s.slice(text) == "Cox"))
        .expect("Cox's quote");
    assert_eq!(
        content(first, text),
        ["Obama is trying to distract from attacks in the U.S."]
    );
    assert!(out
        .quotes
        .iter()
        .any(|q| q.source.is_some_and(|s| s.slice(text) == "He")));
}

#[test]
fn after_according_to_a_new_clause_or_appositive_is_the_writers() {
    let text = "Trump has won 758 pledged delegates, according to a CNN tally, but his pathway to \
                outright victory is narrowing.";
    let out = run(text);
    let q = by_cue(&out, text, "according to");
    assert_eq!(content(q, text), ["Trump has won 758 pledged delegates"]);
    // An interrupted clause goes on after the source.
    let text = "The rise in deficits, according to the budget office, is mainly due to the aging \
                of the population.";
    let out = run(text);
    let q = by_cue(&out, text, "according to");
    assert_eq!(
        content(q, text),
        [
            "The rise in deficits",
            "is mainly due to the aging of the population"
        ]
    );
}

#[test]
fn a_connective_then_a_parenthetical_cue() {
    let text = "Still, he said, officials have to decide who gets extra scrutiny.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(q.source.map(|s| s.slice(text)), Some("he"));
    assert_eq!(
        content(q, text),
        ["officials have to decide who gets extra scrutiny"]
    );
}

#[test]
fn a_percent_sign_or_a_closing_parenthesis_ends_the_content_with_it() {
    let text = "The poll found that support for the plan rose to 52%.";
    let out = run(text);
    let q = by_cue(&out, text, "found");
    assert_eq!(content(q, text), ["that support for the plan rose to 52%"]);
    let text = "She said the tax would apply to large banks (those with assets over $50 billion).";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        content(q, text),
        ["the tax would apply to large banks (those with assets over $50 billion)"]
    );
}

#[test]
fn a_verb_coordinated_with_the_cue_ends_its_object() {
    // Sixth round: `and` before a participle or an auxiliary coordinates another verb of the
    // subject; the object of the cue ends there.
    let text = "The mayor criticized the transport plan and has repeatedly called for a \
                referendum on it.";
    let out = run(text);
    let q = by_cue(&out, text, "criticized");
    assert_eq!(content(q, text), ["the transport plan"]);

    let text = "The candidate opened his campaign by calling the trade deal a disaster and \
                vowing to tear it up.";
    let out = run(text);
    let q = by_cue(&out, text, "calling");
    assert_eq!(content(q, text), ["the trade deal a disaster"]);
    let q = by_cue(&out, text, "vowing");
    assert_eq!(content(q, text), ["to tear it up"]);
}

#[test]
fn a_participle_coordinated_after_a_reported_clause_is_an_attribution_of_its_own() {
    let text = "The ministry released a statement on Saturday, describing the soldier as a \
                hero but insisting that the inquiry would go ahead.";
    let out = run(text);
    let q = by_cue(&out, text, "describing");
    assert_eq!(content(q, text), ["the soldier as a hero"]);
    let q = by_cue(&out, text, "insisting");
    assert_eq!(content(q, text), ["that the inquiry would go ahead"]);
    assert_eq!(src(q, text), Some("The ministry"));
}

#[test]
fn an_appositive_on_the_reported_subject_stays_in_the_content() {
    let text = "Police said the suspect, a 34-year-old man from Leeds, had been arrested at the \
                scene.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        content(q, text),
        ["the suspect, a 34-year-old man from Leeds, had been arrested at the scene"]
    );
    // An appositive that names the speaker still ends what was said.
    let text = "Unemployment rose sharply in March, a labor economist at Brookings said.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(content(q, text), ["Unemployment rose sharply in March"]);
    let text = "The plan will fail, a senior official, who asked not to be named, has said.";
    let out = run(text);
    let q = by_cue(&out, text, "has said");
    assert_eq!(content(q, text), ["The plan will fail"]);
}

#[test]
fn a_trailing_attribution_by_bare_plural_ends_the_content_before_it() {
    // Written for this test in wire style.
    let text = "Johnson will announce his decision next week, sources close to him said.";
    let out = run(text);
    let q = by_cue(&out, text, "will announce");
    assert_eq!(content(q, text), ["his decision next week"]);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("sources close to him"));
    let text = "The council cited a list of concerns about the budget, officials said.";
    let out = run(text);
    let q = by_cue(&out, text, "cited");
    assert_eq!(content(q, text), ["a list of concerns about the budget"]);
    // A verb in -s after a comma is no plural subject (`ensures her support`).
    let text = "She believes the policy, which lowers fees for students, ensures her support.";
    let out = run(text);
    let q = by_cue(&out, text, "believes");
    assert_eq!(
        content(q, text),
        ["the policy, which lowers fees for students, ensures her support"]
    );
}

#[test]
fn a_relative_clause_set_off_by_commas_ends_what_was_said() {
    // Written for this test in wire style.
    let text = "The report, which the ministry said was flawed, was withdrawn on Friday.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(src(q, text), Some("the ministry"));
    assert_eq!(content(q, text), ["which", "was flawed"]);
}

#[test]
fn what_was_told_starts_at_a_possessive_after_the_addressee() {
    // Written for this test in the style of court reporting.
    let text = "Defence lawyer Mark Stevens told the court his client strongly denies the \
                charges.";
    let out = run(text);
    let q = by_cue(&out, text, "told");
    assert_eq!(src(q, text), Some("Defence lawyer Mark Stevens"));
    assert_eq!(content(q, text), ["his client strongly denies the charges"]);
}

#[test]
fn a_quantity_after_the_cue_opens_what_was_said() {
    // Written for this test in wire style: `at least` is no preposition.
    for (text, said) in [
        (
            "Officials said at least 12 people were killed.",
            "at least 12 people were killed",
        ),
        (
            "The company said up to 200 jobs could go.",
            "up to 200 jobs could go",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, "said");
        assert_eq!(content(q, text), [said], "{text}");
    }
}

#[test]
fn a_trailing_attribution_to_a_modified_group_ends_the_object() {
    // `, state media reported` is the writer's attribution of the whole sentence, not part of
    // what the ministry demanded.
    let text = "The foreign ministry summoned the ambassador and demanded an explanation, state \
                media reported.";
    let out = run(text);
    let q = by_cue(&out, text, "demanded");
    assert_eq!(content(q, text), ["an explanation"]);
    let q = by_cue(&out, text, "reported");
    assert_eq!(src(q, text), Some("state media"));
    let text = "The ministry demanded an explanation, local officials said.";
    let q = by_cue(&run(text), text, "demanded").clone();
    assert_eq!(content(&q, text), ["an explanation"]);
}

#[test]
fn a_quotation_that_is_the_object_ends_before_when_it_was_said() {
    let text = "The protesters chanted \"Down with the dictator\" as they marched through the \
                capital.";
    let q = by_cue(&run(text), text, "chanted").clone();
    assert_eq!(content(&q, text), ["\"Down with the dictator\""]);
    let text = "The governor cautioned \"let's not get ahead of ourselves\" before predicting a \
                quick recovery.";
    let q = by_cue(&run(text), text, "cautioned").clone();
    assert_eq!(content(&q, text), ["\"let's not get ahead of ourselves\""]);
    // What it was cited as is part of what was cited.
    let text = "The former governor cited \"Bill Maher\" as his guilty pleasure.";
    let q = by_cue(&run(text), text, "cited").clone();
    assert_eq!(content(&q, text), ["\"Bill Maher\" as his guilty pleasure"]);
}

#[test]
fn a_second_verb_after_the_object_is_the_subjects_next_act() {
    let text = "A government spokesperson confirmed the arrests but gave no further details.";
    let q = by_cue(&run(text), text, "confirmed").clone();
    assert_eq!(content(&q, text), ["the arrests"]);
    let text = "Protesters chanted \"What curfew?\" and kept marching until nearly 2 a.m.";
    let q = by_cue(&run(text), text, "chanted").clone();
    assert_eq!(content(&q, text), ["\"What curfew?\""]);
    // Inside a reported clause with a verb of its own, the coordination is what was said.
    let text = "He said the company grew and hired 200 people last year.";
    let q = by_cue(&run(text), text, "said").clone();
    assert_eq!(
        content(&q, text),
        ["the company grew and hired 200 people last year"]
    );
}

#[test]
fn a_dash_before_an_attribution_of_its_own_ends_the_clause() {
    let text = "The former chairman said the fight over the ticket would be more intense — and \
                he noted that any change would come weeks later than in 1972.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        content(q, text),
        ["the fight over the ticket would be more intense"]
    );
    let q = by_cue(&out, text, "noted");
    assert_eq!(
        content(q, text),
        ["that any change would come weeks later than in 1972"]
    );
    // An aside between two dashes is inside the clause, whatever follows it.
    let text = "Griffin said that the collapse — a word used by several observers — Johnson \
                spoke of was changing attitudes.";
    let q = by_cue(&run(text), text, "said").clone();
    assert_eq!(
        content(&q, text),
        ["that the collapse — a word used by several observers — Johnson spoke of was changing attitudes"]
    );
    // So is a noun phrase after a single dash.
    let text = "Calderon noted that migration to the north is in decline — a decline that took \
                hold while he was in office.";
    let q = by_cue(&run(text), text, "noted").clone();
    assert_eq!(
        content(&q, text),
        ["that migration to the north is in decline — a decline that took hold while he was in office"]
    );
}

#[test]
fn a_quotation_ending_in_a_comma_ends_before_the_writers_clause() {
    let text = "The candidate said, \"That makes me smart,\" as the crowd cheered.";
    let q = by_cue(&run(text), text, "said").clone();
    assert_eq!(content(&q, text), ["\"That makes me smart,\""]);
    let text = "The fans chanted \"Build a wall,\" referring to the candidate's vow on the \
                border.";
    let q = by_cue(&run(text), text, "chanted").clone();
    assert_eq!(content(&q, text), ["\"Build a wall,\""]);
    let text = "The minister called the report \"a disgrace,\" blaming the former mayor.";
    let q = by_cue(&run(text), text, "called").clone();
    assert_eq!(content(&q, text), ["the report \"a disgrace,\""]);
}

#[test]
fn an_object_runs_on_over_a_place_and_a_list_of_names() {
    let text = "The senator criticized Tulsa, Okla., police officer Betty Shelby for the shooting.";
    let q = by_cue(&run(text), text, "criticized").clone();
    assert_eq!(
        content(&q, text),
        ["Tulsa, Okla., police officer Betty Shelby for the shooting"]
    );
    let text = "The minister criticized France, Germany and Italy for their silence.";
    let q = by_cue(&run(text), text, "criticized").clone();
    assert_eq!(
        content(&q, text),
        ["France, Germany and Italy for their silence"]
    );
    // A name after the comma that opens an appositive or a clause is not the object's.
    let text = "One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church, \
                spoke first.";
    let q = by_cue(&run(text), text, "supporting").clone();
    assert_eq!(content(&q, text), ["Mr. Cruz"]);
}

#[test]
fn a_relative_clause_set_off_inside_the_reported_clause() {
    let text = "He vowed to form a federal task force, which would include the military, to crack \
                down on hackers.";
    let q = by_cue(&run(text), text, "vowed").clone();
    assert_eq!(
        content(&q, text),
        ["to form a federal task force, which would include the military, to crack down on hackers"]
    );
    let text = "Activists demanded that the state flag, which includes the old emblem, be removed \
                from the display.";
    let q = by_cue(&run(text), text, "demanded").clone();
    assert_eq!(
        content(&q, text),
        ["that the state flag, which includes the old emblem, be removed from the display"]
    );
    // One that ends the sentence is the writer's comment.
    let text = "He said the company made a profit, which pleased investors.";
    let q = by_cue(&run(text), text, "said").clone();
    assert_eq!(content(&q, text), ["the company made a profit"]);
}

#[test]
fn an_object_ends_before_the_verb_of_a_clause_it_was_the_subject_of() {
    let text = "Groups supporting Chris Christie and Marco Rubio also have spent heavily in the \
                state.";
    let q = by_cue(&run(text), text, "supporting").clone();
    assert_eq!(content(&q, text), ["Chris Christie and Marco Rubio"]);
    let text = "House Republicans supporting the bill have said they have the votes.";
    let q = by_cue(&run(text), text, "supporting").clone();
    assert_eq!(content(&q, text), ["the bill"]);
    // Not inside a clause of the object's own, nor a month.
    let text = "The senator criticized the plan because it was rushed.";
    let q = by_cue(&run(text), text, "criticized").clone();
    assert_eq!(content(&q, text), ["the plan because it was rushed"]);
    let text = "The mayor endorsed Canova in late May.";
    let q = by_cue(&run(text), text, "endorsed").clone();
    assert_eq!(content(&q, text), ["Canova in late May"]);
}

#[test]
fn a_thought_joined_to_the_reported_clause_goes_on_with_it() {
    let text = "She said she was elated but still feared the military.";
    let out = run(text);
    assert_eq!(
        content(by_cue(&out, text, "said"), text),
        ["she was elated but still feared the military"]
    );
    // A verb of saying joined after it is the speaker's next act.
    let text = "He said the bill was fair and added that it would pass.";
    let out = run(text);
    assert_eq!(
        content(by_cue(&out, text, "said"), text),
        ["the bill was fair"]
    );
}

#[test]
fn a_subordinate_clause_opening_what_was_said_leads_to_its_main_clause() {
    let text = "Prosecutors argued that although the hacker confessed, he showed no remorse and \
                would return to hacking.";
    let out = run(text);
    assert_eq!(
        content(by_cue(&out, text, "argued"), text),
        ["that although the hacker confessed, he showed no remorse and would return to hacking"]
    );
    // Not for a question asked, whose answer is the writer's next clause.
    let text = "Asked if he was ever bullied, the candidate said no.";
    let out = run(text);
    assert_eq!(
        content(by_cue(&out, text, "Asked"), text),
        ["if he was ever bullied"]
    );
}

#[test]
fn a_relative_clause_between_commas_ends_where_the_main_verb_comes_back() {
    for (text, cue, said) in [
        (
            "Ted Cruz, who says Trump is attacking him because the polls have tightened, \
             campaigned in Iowa on Monday.",
            "says",
            "Trump is attacking him because the polls have tightened",
        ),
        (
            "Mr. Trump, who said last week that the judge was biased against him, issued a \
             statement Tuesday.",
            "said last week",
            "that the judge was biased against him",
        ),
        (
            "The contractor, who invoked his Fifth Amendment rights in September, is now \
             cooperating with prosecutors.",
            "invoked",
            "his Fifth Amendment rights in September",
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, cue);
        assert_eq!(src(q, text), Some("who"), "{text}");
        assert_eq!(content(q, text), [said], "{text}");
    }
    // A comma that closes an aside inside what was said is no end.
    let text = "Ms. Merkel, who suggested that Mr. Jäger, under fire for the failures in \
                Cologne, would do better to keep quiet, left Berlin.";
    let out = run(text);
    let q = by_cue(&out, text, "suggested");
    assert_eq!(
        content(q, text),
        ["that Mr. Jäger, under fire for the failures in Cologne, would do better to keep quiet"]
    );
}

#[test]
fn a_sentence_split_by_its_attribution_goes_on_past_it() {
    // `as well as` joins two parts of what was said; it opens no clause of the writer's.
    let text = "Rising seas, the senator often says, are the gravest threat facing the coast, \
                as well as a danger already visible in flooded streets.";
    let out = run(text);
    let q = by_cue(&out, text, "often says");
    assert_eq!(
        content(q, text),
        [
            "Rising seas",
            "are the gravest threat facing the coast, as well as a danger already visible in \
             flooded streets"
        ]
    );
    // A gerund after the attribution is the subject of the rest, not the writer's aside.
    let text = "Though the last handover was smooth, he said, replacing the nominee now would \
                be far more bitter.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(
        content(q, text),
        [
            "Though the last handover was smooth",
            "replacing the nominee now would be far more bitter"
        ]
    );
    // A circumstance of the saying between the cue and the comma leaves the rest to come.
    let text = "These workers, the chief executive explained earlier in the hearing, were well \
                paid and closely supervised.";
    let out = run(text);
    let q = by_cue(&out, text, "explained earlier");
    assert_eq!(
        content(q, text),
        ["These workers", "were well paid and closely supervised"]
    );
}

#[test]
fn where_and_when_something_was_said_ends_its_object() {
    let text = "The candidate attacked the former beauty queen in early-morning tweets.";
    let out = run(text);
    let q = by_cue(&out, text, "attacked");
    assert_eq!(content(q, text), ["the former beauty queen"]);
    let text = "The governor aggressively attacked her opponent as a fraud and a scam artist \
                during the first debate.";
    let out = run(text);
    let q = by_cue(&out, text, "aggressively attacked");
    assert_eq!(
        content(q, text),
        ["her opponent as a fraud and a scam artist"]
    );
    let text = "The union denounced the plan on social media Tuesday night.";
    let out = run(text);
    let q = by_cue(&out, text, "denounced");
    assert_eq!(content(q, text), ["the plan"]);
    // When the act took place: a clause after `after`, `when`.
    let text = "The senator endorsed the bill after his son came out two years ago.";
    let out = run(text);
    let q = by_cue(&out, text, "endorsed");
    assert_eq!(content(q, text), ["the bill"]);
    // The subject's next act ends it too.
    let text = "She thanked her adopted home state and then boomed a warning to the crowd.";
    let out = run(text);
    let q = by_cue(&out, text, "thanked");
    assert_eq!(content(q, text), ["her adopted home state"]);
    // (A time phrase keeps its `after`: `until after the primaries`.)
    let text = "The union did not endorse a candidate until after the primaries.";
    let out = run(text);
    let q = by_cue(&out, text, "did not endorse");
    assert_eq!(content(q, text), ["a candidate until after the primaries"]);
    // Inside a clause on the object, or before the rest of the complement, it stays.
    let text = "Voters blamed the former president for the housing bust that occurred during \
                his second term.";
    let out = run(text);
    let q = by_cue(&out, text, "blamed");
    assert_eq!(
        content(q, text),
        ["the former president for the housing bust that occurred during his second term"]
    );
    let text = "The senator thanked the mayor on Twitter for backing his bill.";
    let out = run(text);
    let q = by_cue(&out, text, "thanked");
    assert_eq!(
        content(q, text),
        ["the mayor on Twitter for backing his bill"]
    );
}

#[test]
fn a_quotation_after_a_colon_is_what_the_attribution_after_it_reports() {
    let text = "The statement also praised her record on the job: \u{201C}She has opened the door \
                for women in our trade,\u{201D} the union wrote.";
    let out = run(text);
    let q = by_cue(&out, text, "wrote");
    assert_eq!(src(q, text), Some("the union"));
    assert_eq!(
        content(q, text),
        ["\u{201C}She has opened the door for women in our trade,\u{201D}"]
    );
}

#[test]
fn as_someone_put_it_after_a_clause_reports_that_clause() {
    let text = "The plan would cost $2 trillion, as the Times reported on Sunday.";
    let out = run(text);
    let q = by_cue(&out, text, "reported");
    assert_eq!(src(q, text), Some("the Times"));
    assert_eq!(content(q, text), ["The plan would cost $2 trillion"]);
    // After a quotation that ends in the comma, and only the last clause of the sentence.
    let text = "Most applicants must meet education requirements, but the main requirement for \
                the program is a \"lawful source of investment income,\" as a ministry memo put \
                it.";
    let out = run(text);
    let q = by_cue(&out, text, "put it");
    assert_eq!(src(q, text), Some("a ministry memo"));
    assert_eq!(
        content(q, text),
        ["the main requirement for the program is a \"lawful source of investment income,\""]
    );
    // A clause after the cue is no circumstance of it.
    let text = "Her wins solidify her argument that she is popular everywhere, as his campaign \
                manager suggested after she swept the South.";
    let out = run(text);
    assert!(
        out.quotes
            .iter()
            .all(|q| q.cue.map(|c| c.slice(text)) != Some("suggested")),
        "{:#?}",
        out.quotes
    );
}

#[test]
fn a_connective_of_the_writer_opens_no_content() {
    for text in [
        "In fact, neither tax plan would change what the middle class pays, analysts say.",
        "Even so, the governor will sign the bill, his spokesman said.",
    ] {
        let out = run(text);
        let q = out.quotes.first().expect("a quote");
        let c = content(q, text);
        assert!(
            !c[0].starts_with("In fact") && !c[0].starts_with("Even so"),
            "{text}: {c:?}"
        );
    }
}

#[test]
fn what_was_said_goes_on_past_the_one_told_and_past_at_least() {
    let text = "Instead, Trump told CNN, his policy would merely be \"to go after them\" if he \
                wins the White House.";
    let out = run(text);
    let q = by_cue(&out, text, "told");
    assert_eq!(
        content(q, text),
        [
            "Instead",
            "his policy would merely be \"to go after them\" if he wins the White House"
        ]
    );
    let text = "Now, he says, at least seven of Washington state's 44 delegates have signed on.";
    let out = run(text);
    let q = by_cue(&out, text, "says");
    assert_eq!(
        content(q, text),
        [
            "Now",
            "at least seven of Washington state's 44 delegates have signed on"
        ]
    );
    // After a quotation, the words past the one told describe them.
    let text = "\"You're very rude,\" Clinton told the man, a state representative.";
    let out = run(text);
    let q = by_cue(&out, text, "told");
    assert_eq!(content(q, text), ["\"You're very rude,\""]);
}

#[test]
fn a_relative_pronoun_is_the_object_of_a_verb_of_naming_after_it() {
    for (text, cue, source, what) in [
        (
            "Observers walked with the marchers, whom he described as \"peaceful,\" for the \
             length of the route.",
            "described",
            "he",
            vec!["whom", "as \"peaceful,\""],
        ),
        (
            "It was a defiant answer to what they described as an overwhelmingly liberal news \
             media.",
            "described",
            "they",
            vec!["what", "as an overwhelmingly liberal news media"],
        ),
        (
            "The server, which he called \"an open orchid,\" was hacked.",
            "called",
            "he",
            vec!["which", "\"an open orchid,\""],
        ),
    ] {
        let out = run(text);
        let q = by_cue(&out, text, cue);
        assert_eq!(src(q, text), Some(source), "{text}");
        assert_eq!(content(q, text), what, "{text}");
    }
    // A complementizer, with the verb's object after it.
    let text = "He noted on Tuesday that Mr. Rubio had described his views on immigration.";
    let out = run(text);
    let q = by_cue(&out, text, "had described");
    assert_eq!(content(q, text), ["his views on immigration"]);
}

#[test]
fn what_was_told_follows_the_one_told_an_aside_and_the_story_told() {
    let text = "As Clinton told the New York Daily News, tax relief is given in exchange for \
                creating jobs.";
    let out = run(text);
    let q = by_cue(&out, text, "told");
    assert_eq!(src(q, text), Some("Clinton"));
    assert_eq!(
        content(q, text),
        ["tax relief is given in exchange for creating jobs"]
    );
    let text = "Sources told POLITICO, however, that she did chime in.";
    let out = run(text);
    let q = by_cue(&out, text, "told");
    assert_eq!(content(q, text), ["that she did chime in"]);
    let text = "He told the story of an older supporter in the Miami area.";
    let out = run(text);
    let q = by_cue(&out, text, "told the story of");
    assert_eq!(content(q, text), ["an older supporter in the Miami area"]);
    // `that` as the subject of a verb after the aside is no complementizer.
    let text = "Officials have been promising a larger staff for months, though, that has yet \
                to happen.";
    let out = run(text);
    let q = by_cue(&out, text, "have been promising");
    assert_eq!(
        content(q, text),
        ["a larger staff for months, though, that has yet to happen"]
    );
}

#[test]
fn an_amount_of_money_can_be_what_was_called_for() {
    let text = "He calls for $1 trillion in new spending to improve infrastructure; she calls \
                for $275 billion.";
    let out = run(text);
    let contents: Vec<Vec<String>> = out.quotes.iter().map(|q| content(q, text)).collect();
    assert!(
        contents.contains(&vec![
            "$1 trillion in new spending to improve infrastructure".to_string()
        ]),
        "{contents:?}"
    );
    assert!(
        contents.contains(&vec!["$275 billion".to_string()]),
        "{contents:?}"
    );
    // Figures a company files are still no saying.
    let text = "The remaining casinos reported $2.17 billion in gaming revenue.";
    let out = run(text);
    assert!(out.quotes.is_empty(), "{:#?}", out.quotes);
}

#[test]
fn a_list_of_indefinite_noun_phrases_goes_on_past_its_commas() {
    let text = "For his part, Bush tweeted Monday that Trump is a “loser,” a “liar” and a \
                “whiner.”";
    let out = run(text);
    let q = by_cue(&out, text, "tweeted Monday");
    assert_eq!(
        content(q, text),
        ["that Trump is a “loser,” a “liar” and a “whiner.”"]
    );
    let text = "Bush said Trump is a loser, a liar and a whiner.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(content(q, text), ["Trump is a loser, a liar and a whiner"]);
    // An appositive on a name is still the writer's.
    let text = "He said the plan was written by John Smith, a labor economist at the institute.";
    let out = run(text);
    let q = by_cue(&out, text, "said");
    assert_eq!(content(q, text), ["the plan was written by John Smith"]);
}
