//! Fits the cross-encoder's LoRA adapter and head ([`echotrace_paraphrase::cross`]) on
//! labelled pairs (MRPC layout) and scores held-out pairs after each epoch.
//!
//! ```text
//! finetune_pairs FIT.tsv HELD.tsv [OUT] [epochs] [lr] [rank]
//! ```
//!
//! With OUT, writes `OUT.safetensors` (the classifier, in the layout `PairClassifier` reads;
//! `src/mrpc_adapter.safetensors` is this run on the whole MRPC training file) and
//! `OUT.held.jsonl` (label and probability of each held-out pair). On two cores an epoch over
//! 3,000 pairs takes about five minutes. The model is the one `echotrace model fetch` puts in
//! place (`$ECHOTRACE_MODEL` to use another).
//!
//! Choices, as in the LoRA paper's GLUE runs, scaled to a small model: rank 8 on the query and
//! value projections of every layer (`scale` 16 / rank), AdamW with weight decay 0.01, batches
//! of 16, linear warm-up over 6 % of the steps then linear decay, each pair shown in a random
//! order of its two texts.

use candle_core::{DType, Device, Tensor, Var};
use candle_nn::{AdamW, Optimizer, ParamsAdamW};
use echotrace_paraphrase::bert::{LoraAdapter, LoraLayer};
use echotrace_paraphrase::cross::PairClassifier;
use echotrace_paraphrase::score::{best_f1_threshold, pair_figures};
use echotrace_paraphrase::{read_pair_file, LabelledPair, MiniLmEncoder, ModelFiles};
use std::time::Instant;

/// xorshift64: the example needs a shuffle, not a random-number crate.
struct Shuffler(u64);

impl Shuffler {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

const BATCH: usize = 16;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: finetune_pairs FIT.tsv HELD.tsv [OUT] [epochs] [lr] [rank]";
    let fit = read_pair_file(args.first().ok_or(usage)?.as_ref())?;
    let held = read_pair_file(args.get(1).ok_or(usage)?.as_ref())?;
    let out = args.get(2).filter(|s| !s.is_empty());
    let epochs: usize = args.get(3).map_or(Ok(3), |s| s.parse())?;
    let lr: f64 = args.get(4).map_or(Ok(1e-3), |s| s.parse())?;
    let rank: usize = args.get(5).map_or(Ok(8), |s| s.parse())?;
    let encoder = MiniLmEncoder::load(&ModelFiles::default_dir().ok_or("no model directory")?)?;
    let (bert, tokenizer) = encoder.parts();
    let (h, count) = bert.shape();
    let dev = Device::Cpu;

    let mut vars = Vec::new();
    let low_rank = |vars: &mut Vec<Var>| -> candle_core::Result<(Tensor, Tensor)> {
        // B starts at zero, so training starts from the model as it is.
        let a =
            Var::from_tensor(&(Tensor::randn(0f32, 1.0, (rank, h), &dev)? / (h as f64).sqrt())?)?;
        let b = Var::zeros((h, rank), DType::F32, &dev)?;
        let pair = (a.as_tensor().clone(), b.as_tensor().clone());
        vars.extend([a, b]);
        Ok(pair)
    };
    let mut layers = Vec::with_capacity(count);
    for _ in 0..count {
        let query = low_rank(&mut vars)?;
        let value = low_rank(&mut vars)?;
        layers.push(Some(LoraLayer { query, value }));
    }
    let weight = Var::from_tensor(&(Tensor::randn(0f32, 1.0, (2 * h, 1), &dev)? * 0.02)?)?;
    let bias = Var::zeros(1, DType::F32, &dev)?;
    let classifier = PairClassifier::new(
        LoraAdapter {
            layers,
            scale: 16.0 / rank as f64,
        },
        weight.as_tensor().clone(),
        bias.as_tensor().clone(),
    );
    vars.extend([weight, bias]);

    let total = fit.len().div_ceil(BATCH) * epochs;
    let warm = (total as f64 * 0.06).max(1.0);
    let mut optimiser = AdamW::new(
        vars,
        ParamsAdamW {
            lr,
            weight_decay: 0.01,
            ..ParamsAdamW::default()
        },
    )?;
    let mut shuffler = Shuffler(0x9E37_79B9_7F4A_7C15);
    let started = Instant::now();
    let mut step = 0;
    for epoch in 0..epochs {
        let mut order: Vec<usize> = (0..fit.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, (shuffler.next() % (i as u64 + 1)) as usize);
        }
        let mut running = 0.0;
        for (k, chunk) in order.chunks(BATCH).enumerate() {
            let f = if (step as f64) < warm {
                step as f64 / warm
            } else {
                (total - step) as f64 / (total as f64 - warm)
            };
            optimiser.set_learning_rate(lr * f);
            let pairs: Vec<(&str, &str)> = chunk
                .iter()
                .map(|&i| {
                    let p: &LabelledPair = &fit[i];
                    if shuffler.next() % 2 == 0 {
                        (p.a.as_str(), p.b.as_str())
                    } else {
                        (p.b.as_str(), p.a.as_str())
                    }
                })
                .collect();
            let y: Vec<f32> = chunk
                .iter()
                .map(|&i| f32::from(u8::from(fit[i].label)))
                .collect();
            let y = Tensor::from_vec(y, chunk.len(), &dev)?;
            let logits = classifier.forward(bert, tokenizer, &pairs, true)?;
            let loss = candle_nn::loss::binary_cross_entropy_with_logit(&logits, &y)?;
            optimiser.backward_step(&loss)?;
            running += loss.to_scalar::<f32>()?;
            step += 1;
            if (k + 1) % 50 == 0 {
                println!(
                    "epoch {epoch} step {} loss {:.4} {:.0} s",
                    k + 1,
                    running / 50.0,
                    started.elapsed().as_secs_f64()
                );
                running = 0.0;
            }
        }
        let both: Vec<(&str, &str)> = held.iter().map(|p| (p.a.as_str(), p.b.as_str())).collect();
        let probs = classifier.probabilities(bert, tokenizer, &both, 32)?;
        let labels: Vec<bool> = held.iter().map(|p| p.label).collect();
        let at = |t: f64| pair_figures(&probs.iter().map(|&p| p >= t).collect::<Vec<_>>(), &labels);
        let half = at(0.5);
        let cut = best_f1_threshold(&probs, &labels);
        let best = at(cut);
        println!(
            "epoch {epoch}: held accuracy {:.4} F1 {:.4} at 0.5 (best F1 on held, at {cut:.3}: {:.4} / {:.4}); {:.0} s",
            half.accuracy,
            half.f1,
            best.accuracy,
            best.f1,
            started.elapsed().as_secs_f64()
        );
        if epoch + 1 == epochs {
            if let Some(out) = out {
                let lines: Vec<String> = held
                    .iter()
                    .zip(&probs)
                    .map(|(p, s)| format!("{{\"label\":{},\"p\":{s}}}", u8::from(p.label)))
                    .collect();
                std::fs::write(format!("{out}.held.jsonl"), lines.join("\n") + "\n")?;
                classifier.save(bert, format!("{out}.safetensors").as_ref())?;
            }
        }
    }
    Ok(())
}
