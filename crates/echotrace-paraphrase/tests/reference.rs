//! Our candle encoder against the reference implementation: the vectors in
//! `tests/data/reference_vectors.json` were computed by sentence-transformers on PyTorch
//! (`tests/data/make_reference_vectors.py` regenerates them), and ours must point the same way.
//!
//! The model is read from `ModelFiles::default_dir()` (`$ECHOTRACE_MODEL`, else
//! `~/.local/share/echotrace/models/all-MiniLM-L6-v2`). Without it the tests are skipped with a
//! note on stderr, except under CI, where they fail: run `echotrace model fetch` first.

mod common;

use echotrace_paraphrase::{cosine, MiniLmEncoder, SentenceEncoder};

/// Reference vectors must agree with ours to this cosine.
const REFERENCE_COSINE: f32 = 0.999;
/// A sentence encoded alone and inside a batch must agree to this cosine.
const BATCH_COSINE: f32 = 0.9999;

struct Reference {
    max_seq_length: usize,
    dim: usize,
    sentences: Vec<(String, usize, Vec<f32>)>,
}

fn reference() -> Reference {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/reference_vectors.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let number = |v: &serde_json::Value, key: &str| {
        v[key]
            .as_u64()
            .unwrap_or_else(|| panic!("{path}: no number {key:?}")) as usize
    };
    let sentences = doc["sentences"]
        .as_array()
        .unwrap_or_else(|| panic!("{path}: no \"sentences\" array"))
        .iter()
        .map(|s| {
            let text = s["text"].as_str().expect("sentence text").to_string();
            let vector = s["vector"]
                .as_array()
                .expect("sentence vector")
                .iter()
                .map(|x| x.as_f64().expect("vector component") as f32)
                .collect();
            (text, number(s, "tokens"), vector)
        })
        .collect();
    Reference {
        max_seq_length: number(&doc, "max_seq_length"),
        dim: number(&doc, "dim"),
        sentences,
    }
}

/// The encoder, or `None` (after a note on stderr) when the model is not installed.
fn encoder() -> Option<&'static MiniLmEncoder> {
    common::encoder("paraphrase reference tests")
}

/// The start of `text` on one line, for messages.
fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let line = words.join(" ");
    let mut s: String = line.chars().take(40).collect();
    if s.len() < line.len() {
        s.push('…');
    }
    s
}

#[test]
fn reference_data_covers_what_it_claims() {
    let reference = reference();
    assert_eq!(reference.dim, 384);
    assert!(reference.sentences.len() >= 8);
    for (text, _, vector) in &reference.sentences {
        assert_eq!(vector.len(), reference.dim, "{}", short(text));
        let norm: f32 = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "{}: norm {norm}", short(text));
    }
    // One sentence must be cut at the model's limit, or truncation goes untested.
    assert!(reference
        .sentences
        .iter()
        .any(|(_, tokens, _)| *tokens > reference.max_seq_length));
}

#[test]
fn embeddings_match_sentence_transformers() {
    let Some(encoder) = encoder() else { return };
    let reference = reference();
    assert_eq!(encoder.dim(), reference.dim);
    let texts: Vec<&str> = reference.sentences.iter().map(|s| s.0.as_str()).collect();
    let batch = encoder
        .encode(&texts)
        .expect("encode the reference sentences");
    assert_eq!(batch.len(), texts.len());
    let mut failures = Vec::new();
    for ((text, tokens, expected), got) in reference.sentences.iter().zip(&batch) {
        assert_eq!(got.len(), reference.dim);
        let norm: f32 = got.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "{}: norm {norm}", short(text));
        let c = cosine(got, expected);
        eprintln!("cosine {c:.6}  {tokens:>3} tokens  {}", short(text));
        if c < REFERENCE_COSINE {
            failures.push(format!("{c:.6} for {:?}", short(text)));
        }
    }
    assert!(
        failures.is_empty(),
        "embeddings differ from sentence-transformers' (cosine < {REFERENCE_COSINE}): {}",
        failures.join("; ")
    );
}

#[test]
fn a_sentence_encodes_the_same_alone_and_in_any_batch() {
    let Some(encoder) = encoder() else { return };
    let reference = reference();
    let texts: Vec<&str> = reference.sentences.iter().map(|s| s.0.as_str()).collect();
    let alone: Vec<Vec<f32>> = texts
        .iter()
        .map(|t| {
            let mut v = encoder.encode(&[t]).expect("encode one sentence");
            assert_eq!(v.len(), 1);
            v.remove(0)
        })
        .collect();
    for ((text, _, expected), v) in reference.sentences.iter().zip(&alone) {
        let c = cosine(v, expected);
        assert!(
            c >= REFERENCE_COSINE,
            "{:?} alone: cosine {c} to the reference",
            short(text)
        );
    }
    // More sentences than one forward pass takes, of mixed lengths, in an order that is not
    // sorted by length: each must come back in its place, with its own vector.
    let mixed: Vec<usize> = (0..45).map(|i| (i * 7 + 3) % texts.len()).collect();
    let batch_texts: Vec<&str> = mixed.iter().map(|&i| texts[i]).collect();
    let batch = encoder.encode(&batch_texts).expect("encode a mixed batch");
    assert_eq!(batch.len(), batch_texts.len());
    for (k, (&i, v)) in mixed.iter().zip(&batch).enumerate() {
        let c = cosine(v, &alone[i]);
        assert!(
            c >= BATCH_COSINE,
            "{:?} at position {k} of a batch of {}: cosine {c} to the same sentence alone",
            short(texts[i]),
            batch_texts.len()
        );
    }
    assert!(encoder.encode(&[]).expect("encode nothing").is_empty());
}

#[test]
fn different_sentences_get_different_vectors() {
    let Some(encoder) = encoder() else { return };
    let reference = reference();
    let texts: Vec<&str> = reference.sentences.iter().map(|s| s.0.as_str()).collect();
    let vectors = encoder.encode(&texts).expect("encode");
    let find = |prefix: &str| {
        texts
            .iter()
            .position(|t| t.starts_with(prefix))
            .unwrap_or_else(|| panic!("no reference sentence starts with {prefix:?}"))
    };
    let rates = find("The central bank raised");
    let paraphrase = find("On Wednesday the central bank lifted");
    let yes = find("Yes.");
    let revenue = find("Revenue rose");
    let near = cosine(&vectors[rates], &vectors[paraphrase]);
    let far = cosine(&vectors[yes], &vectors[revenue]);
    assert!(near > 0.6, "a paraphrase scores only {near}");
    assert!(far < 0.3, "unrelated sentences score {far}");
    // No two distinct sentences share a vector, and the paraphrase pair is the closest pair.
    for i in 0..texts.len() {
        for j in i + 1..texts.len() {
            let c = cosine(&vectors[i], &vectors[j]);
            assert!(
                c < 0.99,
                "{:?} and {:?}: cosine {c}",
                short(texts[i]),
                short(texts[j])
            );
            if (i, j) != (rates.min(paraphrase), rates.max(paraphrase)) {
                assert!(
                    c < near,
                    "{:?} and {:?} ({c}) are closer than the paraphrase pair ({near})",
                    short(texts[i]),
                    short(texts[j])
                );
            }
        }
    }
}
