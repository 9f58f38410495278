//! Fits a [`ParaphraseScorer`] on pair features written by the `pair_features` example and
//! scores held-out pairs: `fit_scorer FEATURES.jsonl TRAIN_COUNT` fits on the first
//! TRAIN_COUNT lines (saving the scorer to OUT if given) and prints accuracy and F1 on the rest (no model needed, seconds).

use echotrace_paraphrase::score::pair_figures;
use echotrace_paraphrase::{PairFeatures, ParaphraseScorer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(count)) = (args.first(), args.get(1)) else {
        return Err("usage: fit_scorer FEATURES.jsonl TRAIN_COUNT [OUT]".into());
    };
    let count: usize = count.parse()?;
    let mut features = Vec::new();
    let mut labels = Vec::new();
    for line in std::fs::read_to_string(path)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let values: Vec<f64> = serde_json::from_value(v["features"].clone())?;
        let cosine = values.first().copied().unwrap_or(0.0) as f32;
        features.push(PairFeatures::from_values(cosine, values).ok_or("feature count")?);
        labels.push(v["label"].as_u64() == Some(1));
    }
    let count = count.min(features.len());
    let started = std::time::Instant::now();
    let scorer = ParaphraseScorer::fit(&features[..count], &labels[..count])?;
    let fitted = started.elapsed().as_secs_f64();
    if let Some(out) = args.get(2) {
        scorer.save(out.as_ref())?;
    }
    let decisions: Vec<bool> = features[count..]
        .iter()
        .map(|f| scorer.is_paraphrase(f))
        .collect();
    let f = pair_figures(&decisions, &labels[count..]);
    println!(
        "fitted on {count} in {fitted:.1} s, threshold {:.3}: accuracy {:.4} F1 {:.4} on {}",
        scorer.threshold, f.accuracy, f.f1, f.pairs
    );
    Ok(())
}
