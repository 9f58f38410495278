//! No panic on any input, and every span on character boundaries inside the text.

use echotrace_quotes::{ByteSpan, QuoteExtractor};

fn check(text: &str) {
    let out = QuoteExtractor::new().extract(text);
    let ok = |s: &ByteSpan| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for q in &out.quotes {
        assert!(!q.content.is_empty());
        for s in q
            .content
            .iter()
            .chain(&q.quoted)
            .chain(q.cue.iter())
            .chain(q.source.iter())
        {
            assert!(ok(s), "bad span {s:?} in {text:?}");
        }
    }
    for e in &out.entities.entities {
        assert!(e.mentions.iter().all(ok));
    }
    // Any range, even off character boundaries, is accepted.
    for (a, b) in [
        (1, text.len()),
        (0, text.len() / 2),
        (text.len() / 3, text.len() + 5),
    ] {
        let _ = QuoteExtractor::new().extract_range(text, ByteSpan::new(a, b));
    }
}

#[test]
fn odd_inputs() {
    for text in [
        "",
        "\"",
        "'",
        "\u{201C}",
        "\"\"\"\"\"",
        "''''''",
        "\u{201D}\u{201C}\u{201D}\u{201C}",
        "\u{AB}\u{BB}\u{AB}",
        "said",
        "said said said said",
        "He said",
        "He said:",
        ":",
        ": : :",
        ", said",
        "according to",
        "According to",
        "\"Unclosed quote, he said.",
        "Closed\" quote\" said he\"",
        "He said \u{201C}unclosed\n\n\n\u{201C}next",
        "\n\n\n",
        "   \t  ",
        "\u{201C}\u{201C}\u{201C}\u{201C}\u{201C}\u{201C}",
        "'90s '80 ' 9 's",
        "Mr. Mrs. Dr. U.S. A.B.C. said.",
        "(((((said)))))",
        "X: \"",
        "Tokayev, , , said",
        "— said — \u{2014} \u{2013}",
        "東京の知事は「大丈夫だ」と言った。",
        "Путин сказал: «Это не так».",
        "😀 said 😀 \u{201C}😀\u{201D} 😀",
        "e\u{301}tait said \"e\u{301}\"",
        "\u{0}\u{1}\u{FEFF}said\u{200B}",
        "said that",
        "told",
        "told him",
        "Stating that",
        "Stating that,",
        ", mentioning that",
        "\"a,\" \"b,\" \"c,\" said X. \"d\" \"e\"",
    ] {
        check(text);
    }
}

#[test]
fn generated_inputs() {
    // A small deterministic generator over the characters the rules care about.
    let alphabet: Vec<&str> = vec![
        "\"",
        "'",
        "\u{201C}",
        "\u{201D}",
        "\u{2018}",
        "\u{2019}",
        "\u{AB}",
        "\u{BB}",
        ",",
        ".",
        ":",
        ";",
        "(",
        ")",
        "-",
        "\u{2014}",
        " ",
        " ",
        " ",
        "\n",
        "said",
        "told",
        "that",
        "according",
        "to",
        "He",
        "she",
        "Tokayev",
        "the",
        "president",
        "Kazakh",
        "President",
        "CSTO",
        "Mr.",
        "added",
        "stating",
        "mentioning",
        "who",
        "and",
        "東",
        "😀",
        "é",
        "''",
        // The fifth session's rules: whole subjects, names before `of`, block transcripts,
        // first names spelled like auxiliaries, web addresses, proportions, time phrases.
        "of",
        "in",
        "10",
        "Nine",
        "Will",
        "Polygraph.info",
        "\u{2019}\u{2019}",
        "\"WALLACE:",
        "Even",
        "last",
        "year",
        "a report from",
        "including",
        "(D-N.M.)",
        "News'",
        "quick to add",
        "Afghan",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..6000 {
        let mut text = String::new();
        let len = (state % 40) as usize;
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(alphabet[(state % alphabet.len() as u64) as usize]);
            if state % 3 == 0 {
                text.push(' ');
            }
        }
        check(&text);
    }
}

#[test]
fn huge_text() {
    let seed = include_str!("../../../../shared/seed/000_1da12e83afc5f8cf.txt");
    let mut text = String::new();
    while text.len() < 4_000_000 {
        text.push_str(seed);
    }
    // One paragraph of a million characters, an unclosed quote and a long run of marks.
    text.push_str(&"word, said ".repeat(100_000));
    text.push('\u{201C}');
    text.push_str(&"\"".repeat(50_000));
    check(&text);
}
