use crate::error::{Context, StoreError};
use crate::Store;
use echotrace_core::DocId;
use serde::Serialize;

/// What [`SearchHit::snippet`] puts before each matched word.
pub const MATCH_START: &str = "[";
/// What [`SearchHit::snippet`] puts after each matched word.
pub const MATCH_END: &str = "]";

/// Past this a query is cut: no one types more, and FTS5's cost grows with every term.
const MAX_QUERY_BYTES: usize = 4096;
const MAX_TERMS: usize = 64;
/// Words of context in a snippet.
const SNIPPET_TOKENS: i64 = 16;

/// One document that matched a full-text search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    pub id: DocId,
    pub title: Option<String>,
    /// A passage of the body around the match, matched words between [`MATCH_START`] and
    /// [`MATCH_END`], cuts marked with `…`.
    pub snippet: String,
}

impl Store {
    /// Full-text search over titles and bodies, best matches first (BM25, title matches
    /// weighted above body matches), at most `limit` hits.
    ///
    /// The query is never handed to FTS5 as syntax: it is read as words, all of which must
    /// occur (in any order, diacritics and case ignored); `"…"` groups words into a phrase and a
    /// trailing `*` makes a word a prefix (`Tokay*`). Anything else (operators, brackets,
    /// stray quotes) is plain text, so no input is an error. A query with no words finds
    /// nothing.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.title, \
                        snippet(documents_fts, 1, ?3, ?4, '…', ?5) \
                 FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid \
                 WHERE documents_fts MATCH ?1 \
                 ORDER BY bm25(documents_fts, 4.0, 1.0), d.id \
                 LIMIT ?2",
            )
            .context("preparing the full-text search")?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt
            .query_map(
                rusqlite::params![fts, limit, MATCH_START, MATCH_END, SNIPPET_TOKENS],
                |r| {
                    Ok(SearchHit {
                        id: DocId::new(r.get::<_, String>(0)?),
                        title: r.get(1)?,
                        snippet: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    })
                },
            )
            .context("running the full-text search")?;
        rows.collect::<Result<_, _>>()
            .context("reading full-text search results")
    }
}

/// Rewrites what a user typed into an FTS5 query made only of quoted strings, so that nothing
/// the user typed is parsed as FTS5 syntax. `None` when no word is left.
pub(crate) fn fts_query(input: &str) -> Option<String> {
    let mut end = input.len().min(MAX_QUERY_BYTES);
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    let input = &input[..end];

    // (text, is a prefix)
    let mut terms: Vec<(String, bool)> = Vec::new();
    let push_word = |word: &str, terms: &mut Vec<(String, bool)>| {
        let stem = word.trim_end_matches('*');
        let prefix = stem.len() < word.len();
        terms.push((stem.to_string(), prefix));
    };
    let mut in_phrase = false;
    let mut current = String::new();
    for c in input.chars() {
        // FTS5's parser stops at NUL even inside a string ("unterminated string"), and no
        // control character is part of a word, so they separate words like spaces.
        let c = if c.is_control() { ' ' } else { c };
        if c == '"' {
            if in_phrase {
                terms.push((std::mem::take(&mut current), false));
            } else {
                push_word(&std::mem::take(&mut current), &mut terms);
            }
            in_phrase = !in_phrase;
        } else if c.is_whitespace() && !in_phrase {
            push_word(&std::mem::take(&mut current), &mut terms);
        } else {
            current.push(c);
        }
    }
    // An unclosed quote still means "these words together".
    if in_phrase {
        terms.push((current, false));
    } else {
        push_word(&current, &mut terms);
    }

    // A term without a letter or digit has no token for the index to match; FTS5 would either
    // reject it (`*` alone) or ignore it, so it is dropped here.
    let terms: Vec<String> = terms
        .into_iter()
        .filter(|(t, _)| t.chars().any(char::is_alphanumeric))
        .take(MAX_TERMS)
        .map(|(t, prefix)| {
            let quoted = format!("\"{}\"", t.replace('"', "\"\""));
            if prefix {
                quoted + "*"
            } else {
                quoted
            }
        })
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn user_input_becomes_quoted_strings() {
        assert_eq!(
            fts_query("Tokayev said").as_deref(),
            Some(r#""Tokayev" "said""#)
        );
        assert_eq!(
            fts_query(r#"president "Kassym-Jomart Tokayev" Tok*"#).as_deref(),
            Some(r#""president" "Kassym-Jomart Tokayev" "Tok"*"#)
        );
        assert_eq!(fts_query("AND (").as_deref(), Some(r#""AND""#));
        assert_eq!(
            fts_query(r#"say "unclosed phrase"#).as_deref(),
            Some(r#""say" "unclosed phrase""#)
        );
        assert_eq!(
            fts_query("title:x NEAR(a b)").as_deref(),
            Some(r#""title:x" "NEAR(a" "b)""#)
        );
    }

    #[test]
    fn input_without_words_is_no_query() {
        for q in ["", "   ", "\"", "*", "\"\"", "( ) - ^ : **", "\" * \""] {
            assert_eq!(fts_query(q), None, "{q:?}");
        }
    }

    #[test]
    fn long_input_is_cut_on_a_character_boundary() {
        let q = "é".repeat(10_000);
        let fts = fts_query(&q).unwrap_or_default();
        assert!(fts.len() <= super::MAX_QUERY_BYTES + 2);
        let many = "word ".repeat(1000);
        assert_eq!(
            fts_query(&many).unwrap_or_default().matches("word").count(),
            super::MAX_TERMS
        );
    }
}
