//! Fits a [`ParaphraseScorer`] on pair features written by the `pair_features` example and
//! scores held-out pairs (no model needed, seconds):
//!
//! ```text
//! fit_scorer FEATURES.jsonl TRAIN_COUNT [OUT]   fit on the first TRAIN_COUNT lines (saving the
//!                                               scorer to OUT if given), score the rest
//! fit_scorer FEATURES.jsonl --folds K           K-fold cross-validation over every line
//! ```

use echotrace_paraphrase::score::{pair_figures, PairFigures};
use echotrace_paraphrase::{PairFeatures, ParaphraseScorer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(count)) = (args.first(), args.get(1)) else {
        return Err("usage: fit_scorer FEATURES.jsonl (TRAIN_COUNT [OUT] | --folds K)".into());
    };
    let mut features = Vec::new();
    let mut labels = Vec::new();
    for line in std::fs::read_to_string(path)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let values: Vec<f64> = serde_json::from_value(v["features"].clone())?;
        let cosine = values.first().copied().unwrap_or(0.0) as f32;
        features.push(PairFeatures::from_values(cosine, values).ok_or("feature count")?);
        labels.push(v["label"].as_u64() == Some(1));
    }
    if count == "--folds" {
        let k: usize = args.get(2).ok_or("--folds K")?.parse()?;
        return cross_validate(&features, &labels, k.max(2));
    }
    let count: usize = count.parse()?;
    let count = count.min(features.len());
    let started = std::time::Instant::now();
    let scorer = ParaphraseScorer::fit(&features[..count], &labels[..count])?;
    let fitted = started.elapsed().as_secs_f64();
    if let Some(out) = args.get(2) {
        scorer.save(out.as_ref())?;
    }
    if let Some(out) = std::env::var_os("PROBS") {
        let lines: Vec<String> = features[count..]
            .iter()
            .zip(&labels[count..])
            .map(|(f, &l)| {
                format!(
                    "{{\"label\":{},\"p\":{}}}",
                    u8::from(l),
                    scorer.probability(f)
                )
            })
            .collect();
        std::fs::write(out, lines.join("\n") + "\n")?;
    }
    let f = score(&scorer, &features[count..], &labels[count..]);
    println!(
        "fitted on {count} in {fitted:.1} s, threshold {:.3}: accuracy {:.4} F1 {:.4} on {}",
        scorer.threshold, f.accuracy, f.f1, f.pairs
    );
    Ok(())
}

fn score(scorer: &ParaphraseScorer, features: &[PairFeatures], labels: &[bool]) -> PairFigures {
    let decisions: Vec<bool> = features.iter().map(|f| scorer.is_paraphrase(f)).collect();
    pair_figures(&decisions, labels)
}

/// Contiguous folds, in file order: each is scored by a scorer fitted on the others.
fn cross_validate(
    features: &[PairFeatures],
    labels: &[bool],
    k: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let n = features.len();
    let (mut accuracy, mut f1) = (0.0, 0.0);
    for fold in 0..k {
        let (lo, hi) = (fold * n / k, (fold + 1) * n / k);
        let train: Vec<usize> = (0..n).filter(|&i| i < lo || i >= hi).collect();
        let tf: Vec<PairFeatures> = train.iter().map(|&i| features[i].clone()).collect();
        let tl: Vec<bool> = train.iter().map(|&i| labels[i]).collect();
        let scorer = ParaphraseScorer::fit(&tf, &tl)?;
        let f = score(&scorer, &features[lo..hi], &labels[lo..hi]);
        println!(
            "fold {fold}: threshold {:.3}, accuracy {:.4} F1 {:.4} on {}",
            scorer.threshold, f.accuracy, f.f1, f.pairs
        );
        accuracy += f.accuracy / k as f64;
        f1 += f.f1 / k as f64;
    }
    println!("mean of {k} folds: accuracy {accuracy:.4} F1 {f1:.4}");
    Ok(())
}
