//! People who share a surname, and names that open with a word that is also something else
//! (`Bill`, `Republican`): news sentences about the 2016 US campaign, where `Clinton` is two
//! people and the party stands before every name. Each test is one rule of the registry or
//! the resolver.

use echotrace_quotes::QuoteExtractor;

mod common;
use common::speaker_of_content as speaker_of;

/// `Bill` is a common given name before it is a draft law: `Bill Clinton` is a person.
#[test]
fn a_given_name_that_is_also_an_organisation_word_opens_a_personal_name() {
    let text = "Mayor Bill de Blasio toured the site on Sunday.\n\n\
                De Blasio said the explosion was an intentional act.";
    assert_eq!(
        speaker_of(text, "intentional act").as_deref(),
        Some("Bill de Blasio")
    );
    let out = QuoteExtractor::new()
        .extract("Former President Bill Clinton campaigned in Flint, Mich., on Monday.");
    let bill = out
        .entities
        .entities
        .iter()
        .find(|e| e.name == "Bill Clinton")
        .expect("Bill Clinton is registered");
    assert_eq!(bill.kind, echotrace_quotes::EntityKind::Person);
    // A draft law is still no one: `the Senate bill`, `Bill C-51`.
    let text = "The Water Bill passed the House on Tuesday. Supporters said it would help farms.";
    assert!(QuoteExtractor::new()
        .extract(text)
        .entities
        .entities
        .iter()
        .all(|e| e.kind != echotrace_quotes::EntityKind::Person));
}

/// `Mr. Clinton` and `Mrs. Clinton` are told apart by the title, whichever was named last.
#[test]
fn a_gendered_title_picks_the_namesake_of_that_gender() {
    let text = "Hillary Clinton spent the day in Florida. Former President Bill Clinton \
                spoke at a union hall in Ohio.\n\n\
                \"We are going to win this state,\" Mrs. Clinton said in Tampa.\n\n\
                \"She is ready on day one,\" Mr. Clinton said in Toledo.";
    assert_eq!(
        speaker_of(text, "win this state").as_deref(),
        Some("Hillary Clinton")
    );
    assert_eq!(
        speaker_of(text, "ready on day one").as_deref(),
        Some("Bill Clinton")
    );
    // With only the husband known, `Mrs. Clinton` is not him.
    let text = "Former President Bill Clinton spoke in Ohio.\n\n\
                \"We will win,\" Mrs. Clinton said.";
    assert_ne!(
        speaker_of(text, "We will win").as_deref(),
        Some("Bill Clinton")
    );
}

/// A bare surname shared by two people is the one the story has named most, not the one
/// named last: `Clinton` after one aside about her husband is still the candidate.
#[test]
fn a_bare_shared_surname_is_the_most_named_namesake() {
    let text = "Hillary Clinton rallied supporters in Miami on Tuesday. Clinton has won \
                primaries in Georgia and Virginia, and Clinton now leads in delegates.\n\n\
                Then, Bill Clinton set his wife's expectations high.\n\n\
                Asked about the race, Clinton said, \"I do take responsibility.\"";
    assert_eq!(
        speaker_of(text, "I do take responsibility").as_deref(),
        Some("Hillary Clinton")
    );
}

/// `Republican Donald Trump`, `Democrat Hillary Clinton`: the party is a role; the name is
/// the person's, and the party's own name (`Democratic National Convention`) stays whole.
#[test]
fn a_party_before_a_name_is_a_role() {
    let text = "Republican Donald Trump is doubling down on waterboarding.\n\n\
                \"It's fine,\" Trump said of the practice.";
    assert_eq!(
        speaker_of(text, "It's fine").as_deref(),
        Some("Donald Trump")
    );
    let text = "Democrat Hillary Clinton won Texas on Tuesday. She said her campaign would \
                keep breaking barriers.";
    assert_eq!(
        speaker_of(text, "keep breaking barriers").as_deref(),
        Some("Hillary Clinton")
    );
    let text = "The Democratic National Convention released a statement Wednesday saying the \
                city was ready.";
    let out = QuoteExtractor::new().extract(text);
    assert!(out
        .entities
        .entities
        .iter()
        .all(|e| e.name != "National Convention"));
}

/// A party adjective is never a surname: `Sanders wins Minnesota Democratic caucuses` names
/// no one called `Minnesota Democratic`, so a later `she` is the candidate.
#[test]
fn a_party_adjective_is_no_surname() {
    let text = "The Latest: Sanders wins Minnesota Democratic caucuses.\n\n\
                Hillary Clinton is marking several Super Tuesday victories with a rally in \
                Miami. Clinton has won Democratic primaries in Georgia and Virginia.\n\n\
                She declared that her campaign would continue across the nation.";
    assert_eq!(
        speaker_of(text, "her campaign would continue").as_deref(),
        Some("Hillary Clinton")
    );
    let out = QuoteExtractor::new().extract(text);
    assert!(out
        .entities
        .entities
        .iter()
        .all(|e| !e.name.contains("Democratic")));
}

/// An epithet before a person already named in full (`Crooked Hillary Clinton`, a sentence's
/// first word before the name: `Certainly Donald Trump`) is no part of the name, and a
/// description before an organisation's proper name (`the nonpartisan Congressional Budget
/// Office`) is none of it.
#[test]
fn an_epithet_or_a_description_before_a_name_is_no_part_of_it() {
    let text = "Hillary Clinton spoke in Ohio on Monday.\n\n\
                Crooked Hillary Clinton is the worst, Trump tweeted.\n\n\
                \"We are stronger together,\" Clinton said.";
    assert_eq!(
        speaker_of(text, "stronger together").as_deref(),
        Some("Hillary Clinton")
    );
    let out = QuoteExtractor::new().extract(text);
    assert!(out
        .entities
        .entities
        .iter()
        .all(|e| e.name != "Crooked Hillary Clinton"));
    let text = "The deficit will rise next year, according to the nonpartisan Congressional \
                Budget Office.";
    assert_eq!(
        speaker_of(text, "deficit will rise").as_deref(),
        Some("Congressional Budget Office")
    );
}
