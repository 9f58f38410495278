//! The sentence model read as a cross-encoder: both texts of a pair in one pass, so that each
//! word of one attends to the words of the other, and a logistic head on the pair's `[CLS]`
//! and mean vectors.
//!
//! Comparing two separately pooled vectors (the cosine, [`crate::PairFeatures`]) cannot see
//! that a clause was added or a figure changed as directly as attention across the pair can.
//! The [`PairClassifier`] is all-MiniLM-L6-v2 with a LoRA adapter (rank 8 on the query and
//! value projections of every layer, [`LoraAdapter`]) and the head, fitted on the MRPC
//! training pairs by the `finetune_pairs` example; the bundled file holds only those
//! 74,500 numbers (`mrpc_adapter.safetensors`, 300 KB, no text), and the model itself is the
//! one already loaded for sentence vectors. Its probability is averaged with the feature
//! scorer's ([`crate::ParaphraseScorer`]): on 1,080 held-out MRPC pairs, with both fitted on
//! the other 3,000, the cross-encoder alone reaches 0.79 accuracy, the features alone 0.78,
//! and the two together 0.81 (F1 0.85, 0.85, 0.86; `docs/benchmarks.md`).
//!
//! An adapter only fits the weights it was fitted on: the file records a fingerprint of the
//! base model, and another model (a configured path to a different one) gets no classifier
//! and the feature scorer alone.

use crate::bert::{BertEncoder, LoraAdapter, LoraLayer, Pass};
use candle_core::{DType, Device, Result, Tensor, D};
use std::collections::HashMap;
use tokenizers::{EncodeInput, Tokenizer};

/// The adapter and head fitted on the 4,080 MRPC training pairs for all-MiniLM-L6-v2.
const BUNDLED: &[u8] = include_bytes!("mrpc_adapter.safetensors");

/// How far the base model's fingerprint may be from the one the adapter was fitted on
/// (float sums differ in their last bits between builds, not by this much between models).
const FINGERPRINT_TOLERANCE: f64 = 1e-2;

/// A LoRA adapter and a logistic head that make a [`BertEncoder`] judge text pairs.
pub struct PairClassifier {
    adapter: LoraAdapter,
    /// `(2 × hidden, 1)`: over the `[CLS]` vector followed by the mean token vector.
    weight: Tensor,
    bias: Tensor,
}

impl PairClassifier {
    /// The bundled classifier, if `bert` is the model it was fitted on.
    pub fn bundled(bert: &BertEncoder) -> Option<PairClassifier> {
        PairClassifier::from_safetensors(BUNDLED, bert)
            .ok()
            .flatten()
    }

    /// Reads an adapter written by the `finetune_pairs` example: `layer.{i}.{query,value}.{a,b}`,
    /// `head.weight`, `head.bias`, `scale` and `base.fingerprint`. `Ok(None)` when it was
    /// fitted on another model.
    pub fn from_safetensors(bytes: &[u8], bert: &BertEncoder) -> Result<Option<PairClassifier>> {
        let mut tensors: HashMap<String, Tensor> =
            candle_core::safetensors::load_buffer(bytes, &Device::Cpu)?;
        let mut take = |name: &str| {
            tensors
                .remove(name)
                .ok_or_else(|| candle_core::Error::Msg(format!("adapter lacks {name}")))
                .and_then(|t| t.to_dtype(DType::F32))
        };
        // One number each; a file from elsewhere may hold anything, so nothing is indexed.
        let number = |t: Tensor, name: &str| -> Result<f64> {
            t.flatten_all()?
                .to_vec1::<f32>()?
                .first()
                .map(|&x| f64::from(x))
                .ok_or_else(|| candle_core::Error::Msg(format!("adapter's {name} is empty")))
        };
        let fingerprint = number(take("base.fingerprint")?, "base.fingerprint")?;
        if (fingerprint - bert.fingerprint()?).abs() > FINGERPRINT_TOLERANCE {
            return Ok(None);
        }
        let scale = number(take("scale")?, "scale")?;
        let (hidden, count) = bert.shape();
        let weight = take("head.weight")?;
        if weight.dims() != [2 * hidden, 1] {
            return Ok(None);
        }
        let bias = take("head.bias")?;
        let malformed = |what: String| candle_core::Error::Msg(format!("adapter's {what}"));
        if bias.dims() != [1] {
            return Err(malformed(format!("head.bias has shape {:?}", bias.dims())));
        }
        let mut layers = Vec::with_capacity(count);
        for i in 0..count {
            let mut pair = |which: &str| -> Result<(Tensor, Tensor)> {
                let a = take(&format!("layer.{i}.{which}.a"))?;
                let b = take(&format!("layer.{i}.{which}.b"))?;
                match (a.dims(), b.dims()) {
                    (&[r, ha], &[hb, rb]) if ha == hidden && hb == hidden && r == rb => Ok((a, b)),
                    (da, db) => Err(malformed(format!(
                        "layer.{i}.{which} has shapes {da:?} and {db:?}"
                    ))),
                }
            };
            let query = pair("query")?;
            let value = pair("value")?;
            layers.push(Some(LoraLayer { query, value }));
        }
        Ok(Some(PairClassifier {
            adapter: LoraAdapter { layers, scale },
            weight,
            bias,
        }))
    }

    /// A classifier from its parts (the `finetune_pairs` example fits them as variables).
    pub fn new(adapter: LoraAdapter, weight: Tensor, bias: Tensor) -> PairClassifier {
        PairClassifier {
            adapter,
            weight,
            bias,
        }
    }

    /// Writes the classifier in the layout [`PairClassifier::from_safetensors`] reads, with
    /// the fingerprint of `bert`, the model it was fitted on.
    pub fn save(&self, bert: &BertEncoder, path: &std::path::Path) -> Result<()> {
        let mut tensors: HashMap<String, Tensor> = HashMap::new();
        for (i, layer) in self.adapter.layers.iter().enumerate() {
            if let Some(l) = layer {
                for (which, (a, b)) in [("query", &l.query), ("value", &l.value)] {
                    tensors.insert(format!("layer.{i}.{which}.a"), a.clone());
                    tensors.insert(format!("layer.{i}.{which}.b"), b.clone());
                }
            }
        }
        tensors.insert("head.weight".into(), self.weight.clone());
        tensors.insert("head.bias".into(), self.bias.clone());
        let device = bert.device();
        tensors.insert(
            "scale".into(),
            Tensor::new(&[self.adapter.scale as f32], device)?,
        );
        tensors.insert(
            "base.fingerprint".into(),
            Tensor::new(&[bert.fingerprint()? as f32], device)?,
        );
        candle_core::safetensors::save(&tensors, path)
    }

    /// The logit of "paraphrase" for each pair, in the order given (`a` as the first text).
    pub fn logits(
        &self,
        bert: &BertEncoder,
        tokenizer: &Tokenizer,
        pairs: &[(&str, &str)],
    ) -> std::result::Result<Vec<f32>, String> {
        if pairs.is_empty() {
            return Ok(Vec::new());
        }
        self.forward(bert, tokenizer, pairs, false)
            .and_then(|t| t.to_vec1::<f32>().map_err(|e| e.to_string()))
    }

    /// The probability that each pair says the same, in the order given. Each pair is read
    /// both ways round and the two probabilities averaged, as the feature scorer does: which
    /// text came first says nothing about a paraphrase. Pairs go through the model `batch` at
    /// a time, sorted by length so that a batch pads little.
    pub fn probabilities(
        &self,
        bert: &BertEncoder,
        tokenizer: &Tokenizer,
        pairs: &[(&str, &str)],
        batch: usize,
    ) -> std::result::Result<Vec<f64>, String> {
        let sigmoid = |x: f32| 1.0 / (1.0 + (-f64::from(x)).exp());
        let mut order: Vec<usize> = (0..pairs.len()).collect();
        order.sort_by_key(|&i| pairs[i].0.len() + pairs[i].1.len());
        let mut out = vec![0.0; pairs.len()];
        for chunk in order.chunks(batch.max(1)) {
            let forward: Vec<(&str, &str)> = chunk.iter().map(|&i| pairs[i]).collect();
            let backward: Vec<(&str, &str)> = forward.iter().map(|&(a, b)| (b, a)).collect();
            let one = self.logits(bert, tokenizer, &forward)?;
            let two = self.logits(bert, tokenizer, &backward)?;
            for ((&i, x), y) in chunk.iter().zip(one).zip(two) {
                out[i] = (sigmoid(x) + sigmoid(y)) / 2.0;
            }
        }
        Ok(out)
    }

    /// The logits as a `(pairs,)` tensor; `differentiable` as in [`Pass`], for fitting.
    pub fn forward(
        &self,
        bert: &BertEncoder,
        tokenizer: &Tokenizer,
        pairs: &[(&str, &str)],
        differentiable: bool,
    ) -> std::result::Result<Tensor, String> {
        let inputs: Vec<EncodeInput> = pairs.iter().map(|&(a, b)| (a, b).into()).collect();
        let encodings = tokenizer
            .encode_batch(inputs, true)
            .map_err(|e| e.to_string())?;
        let len = encodings.first().map_or(0, |e| e.get_ids().len());
        let (mut ids, mut types, mut mask) = (Vec::new(), Vec::new(), Vec::new());
        for e in &encodings {
            ids.extend_from_slice(e.get_ids());
            types.extend_from_slice(e.get_type_ids());
            mask.extend(e.get_attention_mask().iter().map(|&m| m as f32));
        }
        let run = || -> Result<Tensor> {
            let device = bert.device();
            let n = pairs.len();
            let ids = Tensor::from_vec(ids, (n, len), device)?;
            let types = Tensor::from_vec(types, (n, len), device)?;
            let mask = Tensor::from_vec(mask, (n, len), device)?;
            let pass = Pass {
                types: Some(&types),
                adapter: Some(&self.adapter),
                differentiable,
            };
            let hidden = bert.forward_with(&ids, &mask, &pass)?;
            let m = mask.unsqueeze(D::Minus1)?;
            let mean = hidden
                .broadcast_mul(&m)?
                .sum(1)?
                .broadcast_div(&m.sum(1)?)?;
            let cls = hidden.narrow(1, 0, 1)?.squeeze(1)?;
            Tensor::cat(&[&cls, &mean], 1)?
                .matmul(&self.weight)?
                .broadcast_add(&self.bias)?
                .squeeze(1)
        };
        run().map_err(|e| e.to_string())
    }
}
