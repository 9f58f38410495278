//! No input makes an extractor panic, however malformed, deep or large.

use echotrace_extract::{all_extractors, ArticleExtractor, EchotraceExtractor};

fn run_all(html: &str) {
    for ex in all_extractors() {
        let _ = ex.extract(html, Some("https://example.com/2022/01/10/story"));
        let _ = ex.extract(html, Some("not a url"));
        let _ = ex.extract(html, None);
    }
}

#[test]
fn malformed_and_empty_inputs() {
    for html in [
        "",
        " ",
        "<",
        "<<<>>>",
        "</p></div></body>",
        "<html><body><p>unclosed <b>bold <i>italic",
        "<table><td><tr><p>misnested</table></p>",
        "<script>never closed",
        "<!-- never closed",
        "<svg><p>foreign</svg>",
        "<meta charset=\"nonsense\"><title></title><h1></h1>",
        "<script type=\"application/ld+json\">{not json</script>",
        "<script type=\"application/ld+json\">{\"@graph\": [[[[[[[[[[[]]]]]]]]]]]}</script>",
        "\u{0}\u{1}\u{feff}\u{fffd}",
        "<p>Thatâ\u{80} and Ã</p>",
        "<html lang=\"\"><link rel=canonical href=\"::::\"><time datetime=\"99999-99-99\">",
    ] {
        run_all(html);
    }
}

#[test]
fn arbitrary_bytes_decoded_lossily() {
    // A cheap deterministic generator: every byte pattern family shows up.
    let mut state: u32 = 0x1234_5678;
    for len in [1usize, 7, 64, 500, 4000] {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                let b = (state >> 24) as u8;
                // Bias towards markup characters so the parser's states get exercised.
                match b % 8 {
                    0 => b'<',
                    1 => b'>',
                    2 => b'/',
                    _ => b,
                }
            })
            .collect();
        let text = echotrace_extract::decode_html(&bytes);
        run_all(&text);
    }
}

#[test]
fn deeply_nested_page() {
    let depth = 100_000;
    let mut html = String::with_capacity(depth * 12);
    html.push_str("<html><body>");
    for _ in 0..depth {
        html.push_str("<div>");
    }
    html.push_str(
        "<p>Deep inside, a sentence that is long enough to count as prose for the extractor.</p>",
    );
    for _ in 0..depth {
        html.push_str("</div>");
    }
    let ex = EchotraceExtractor::default();
    let _ = ex.extract(&html, None);
}

#[test]
fn large_flat_page() {
    let mut html = String::from("<html><body><article>");
    for i in 0..20_000 {
        html.push_str(&format!(
            "<p>Paragraph {i} says something, with a comma, and goes on for a while.</p>"
        ));
    }
    html.push_str("</article></body></html>");
    let article = EchotraceExtractor::default()
        .extract(&html, None)
        .expect("a page of paragraphs has a body");
    assert!(article.body.contains("Paragraph 19999 says something"));
}
