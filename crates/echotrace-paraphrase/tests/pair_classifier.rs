//! The cross-encoder ([`echotrace_paraphrase::cross`]) on sentences from the seed page and
//! news wording: the bundled adapter loads for all-MiniLM-L6-v2, tells a rewrite from a
//! different statement, and is refused for another model.
//!
//! Needs the model as `reference.rs` does: skipped with a note without it, failing under CI.

mod common;

use echotrace_paraphrase::cross::PairClassifier;
use echotrace_paraphrase::{MiniLmEncoder, ModelFiles, SentenceEncoder};

fn encoder() -> Option<&'static MiniLmEncoder> {
    common::encoder("pair classifier tests")
}

/// Seed line 3's lead and line 7's, from two wire versions of one story.
const LEAD_3: &str = "Kazakh President Kassym-Jomart Tokayev told an extraordinary online meeting of heads of the Collective Security Treaty Organization (CSTO) that the main goal of the terrorists was undermining constitutional order, the seizure of power and an attempted coup.";
const LEAD_7: &str = "Kazakh President Kassym-Jomart Tokayev, addressing a meeting of heads of the Collective Security Treaty Organisation (CSTO), said that the main goal of the terrorists was undermining constitutional order, the seizure of power and an attempted coup.";
/// Seed line 5: the same speaker and story, another statement.
const PROMISE_5: &str = "He promised to provide the international community with evidence of an aggression against Kazakhstan soon.";

#[test]
fn the_bundled_classifier_fits_the_default_model() {
    let Some(encoder) = encoder() else { return };
    assert!(encoder.has_pair_classifier());
}

#[test]
fn two_wire_versions_of_a_lead_are_one_statement_and_another_claim_is_not() {
    let Some(encoder) = encoder() else { return };
    let p = encoder
        .pair_probabilities(&[(LEAD_3, LEAD_7), (LEAD_3, PROMISE_5), (LEAD_7, LEAD_3)])
        .expect("scoring")
        .expect("a pair classifier");
    assert!(p[0] > 0.8, "the two leads: {}", p[0]);
    assert!(p[1] < 0.2, "the lead against the promise: {}", p[1]);
    // Read both ways round, so the order of the texts does not matter.
    assert!((p[0] - p[2]).abs() < 1e-6, "{} against {}", p[0], p[2]);
}

#[test]
fn an_adapter_fitted_on_another_model_is_refused() {
    let Some(encoder) = encoder() else { return };
    let (bert, _) = encoder.parts();
    let bundled = PairClassifier::bundled(bert).expect("the bundled classifier");
    let dir = std::env::temp_dir().join(format!("echotrace-adapter-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let path = dir.join("adapter.safetensors");
    bundled.save(bert, &path).expect("saving");
    // Saved and read back, it is the same classifier.
    let again = PairClassifier::from_safetensors(&std::fs::read(&path).expect("reading"), bert)
        .expect("reading the adapter")
        .expect("the same model");
    let (tokenizer, pairs) = (encoder.parts().1, [(LEAD_3, PROMISE_5)]);
    assert_eq!(
        bundled.logits(bert, tokenizer, &pairs).expect("scoring"),
        again.logits(bert, tokenizer, &pairs).expect("scoring")
    );
    // The same file with another model's fingerprint.
    let mut tensors = candle_core::safetensors::load(&path, &candle_core::Device::Cpu)
        .expect("reading the adapter");
    let fingerprint = tensors["base.fingerprint"]
        .to_vec1::<f32>()
        .expect("a number")[0];
    tensors.insert(
        "base.fingerprint".to_string(),
        candle_core::Tensor::new(&[fingerprint + 1.0], &candle_core::Device::Cpu)
            .expect("a tensor"),
    );
    candle_core::safetensors::save(&tensors, &path).expect("saving");
    let refused = MiniLmEncoder::load(&ModelFiles::default_dir().expect("a model directory"))
        .expect("the model")
        .with_pair_classifier(Some(&path));
    let _ = std::fs::remove_dir_all(&dir);
    match refused {
        Err(e) => assert!(e.to_string().contains("another model"), "{e}"),
        Ok(_) => panic!("an adapter for another model was taken"),
    }
}

#[test]
fn a_file_that_is_not_an_adapter_is_an_error_naming_it() {
    let Some(encoder) = encoder() else { return };
    let (bert, _) = encoder.parts();
    let dir = std::env::temp_dir().join(format!("echotrace-bad-adapter-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    // Not safetensors at all, then safetensors with a low-rank pair of the wrong shape.
    let garbage = dir.join("garbage.safetensors");
    std::fs::write(&garbage, b"\x08\0\0\0\0\0\0\0{}").expect("writing");
    let bundled = PairClassifier::bundled(bert).expect("the bundled classifier");
    let path = dir.join("adapter.safetensors");
    bundled.save(bert, &path).expect("saving");
    let mut tensors = candle_core::safetensors::load(&path, &candle_core::Device::Cpu)
        .expect("reading the adapter");
    tensors.insert(
        "layer.3.value.b".to_string(),
        candle_core::Tensor::zeros((5, 8), candle_core::DType::F32, &candle_core::Device::Cpu)
            .expect("a tensor"),
    );
    let misshapen = dir.join("misshapen.safetensors");
    candle_core::safetensors::save(&tensors, &misshapen).expect("saving");
    let load = |path: &std::path::Path| {
        MiniLmEncoder::load(&ModelFiles::default_dir().expect("a model directory"))
            .expect("the model")
            .with_pair_classifier(Some(path))
            .err()
            .map(|e| e.to_string())
    };
    let (a, b) = (load(&garbage), load(&misshapen));
    let _ = std::fs::remove_dir_all(&dir);
    let a = a.expect("garbage was taken for an adapter");
    assert!(a.contains("garbage.safetensors"), "{a}");
    let b = b.expect("a misshapen adapter was taken");
    assert!(
        b.contains("misshapen.safetensors") && b.contains("layer.3.value"),
        "{b}"
    );
}
