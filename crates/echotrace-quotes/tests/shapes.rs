//! Ninth round (issue #4): shapes of news sentences that lost or misread a quote — a subject
//! with an age, a hometown and a relative clause before its verb, a quotation that opens
//! mid-clause, a participle whose quote follows an adjunct, a cue with an adjunct before its
//! clause. The texts are written for these tests in the style of wire copy; none is taken from
//! an evaluation corpus.

mod common;
use common::{by_cue, content, run, src};

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
