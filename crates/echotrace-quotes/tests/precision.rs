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
