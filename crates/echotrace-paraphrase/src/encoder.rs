//! Sentence embeddings: the [`SentenceEncoder`] plug point and [`MiniLmEncoder`], a
//! sentence-transformers BERT model (all-MiniLM-L6-v2 by default) run with candle on the CPU.

use crate::bert::{mean_pool_normalized, BertConfig, BertEncoder};
use crate::cross::PairClassifier;
use crate::ParaphraseError;
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use std::path::{Path, PathBuf};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// Turns sentences into unit vectors whose dot product says how close their meanings are.
pub trait SentenceEncoder: Send + Sync {
    /// Length of every vector.
    fn dim(&self) -> usize;
    /// One L2-normalised vector per text, in order.
    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, ParaphraseError>;
    /// A name that identifies the model (vectors of different models are never compared).
    fn model_name(&self) -> &str;
    /// The sentence vector of each text with its token vectors, for comparing two texts
    /// word by word ([`crate::PairFeatures`]).
    fn encode_tokens(&self, texts: &[&str]) -> Result<Vec<EncodedText>, ParaphraseError>;
    /// The probability that each pair says the same, read by a cross-encoder over both texts
    /// at once ([`crate::cross`]); `None` when the encoder has none.
    fn pair_probabilities(
        &self,
        _pairs: &[(&str, &str)],
    ) -> Result<Option<Vec<f64>>, ParaphraseError> {
        Ok(None)
    }
}

/// A text's sentence vector and the vectors of its tokens in context.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EncodedText {
    /// L2-normalised mean of the token vectors (what [`SentenceEncoder::encode`] returns).
    pub vector: Vec<f32>,
    /// One L2-normalised vector per word piece, without the model's `[CLS]` and `[SEP]`.
    pub tokens: Vec<Vec<f32>>,
}

/// The files of a sentence-transformers model directory.
#[derive(Clone, Debug)]
pub struct ModelFiles {
    pub dir: PathBuf,
}

impl ModelFiles {
    /// The files the encoder reads.
    pub const REQUIRED: [&'static str; 3] = ["config.json", "model.safetensors", "tokenizer.json"];

    pub fn new(dir: impl Into<PathBuf>) -> Self {
        ModelFiles { dir: dir.into() }
    }

    /// Where the model is looked for when no path is given: `$ECHOTRACE_MODEL`, else
    /// `$XDG_DATA_HOME/echotrace/models/all-MiniLM-L6-v2` (`~/.local/share/…` without
    /// `XDG_DATA_HOME`). `None` only when neither variable nor a home directory is known.
    pub fn default_dir() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("ECHOTRACE_MODEL").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir));
        }
        let data = std::env::var_os("XDG_DATA_HOME")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME")
                    .filter(|d| !d.is_empty())
                    .map(|h| PathBuf::from(h).join(".local/share"))
            })?;
        Some(data.join("echotrace/models").join(DEFAULT_MODEL_NAME))
    }

    /// The missing files, if any.
    pub fn missing(&self) -> Vec<PathBuf> {
        Self::REQUIRED
            .iter()
            .map(|f| self.dir.join(f))
            .filter(|p| !p.is_file())
            .collect()
    }

    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
    }

    /// `max_seq_length` from `sentence_bert_config.json`, if the file says.
    fn max_seq_length(&self) -> Option<usize> {
        let text = std::fs::read_to_string(self.dir.join("sentence_bert_config.json")).ok()?;
        let v: serde_json::Value = serde_json::from_str(&text).ok()?;
        v.get("max_seq_length")?.as_u64().map(|n| n as usize)
    }
}

/// The model echotrace uses by default.
pub const DEFAULT_MODEL_NAME: &str = "all-MiniLM-L6-v2";

/// Tokens per sentence when the model directory does not say (sentence-transformers' value for
/// all-MiniLM-L6-v2).
const DEFAULT_MAX_TOKENS: usize = 256;

/// Sentences per forward pass. Sentences are sorted by length first, so a batch pads little.
const BATCH: usize = 32;

/// A sentence-transformers BERT model (token embeddings → mean pooling → L2 normalisation) on
/// the CPU.
pub struct MiniLmEncoder {
    bert: BertEncoder,
    tokenizer: Tokenizer,
    /// The bundled pair classifier, when this is the model it was fitted on.
    pairs: Option<PairClassifier>,
    dim: usize,
    name: String,
}

impl MiniLmEncoder {
    /// Loads `config.json`, `model.safetensors` and `tokenizer.json` from `dir`.
    pub fn load(dir: &Path) -> Result<Self, ParaphraseError> {
        let files = ModelFiles::new(dir);
        let missing = files.missing();
        if !missing.is_empty() {
            return Err(ParaphraseError::ModelMissing {
                dir: dir.to_path_buf(),
                missing,
            });
        }
        let model_error = |what: &str, reason: String| ParaphraseError::Model {
            path: dir.join(what),
            reason,
        };
        let config_text = std::fs::read_to_string(dir.join("config.json"))
            .map_err(|e| model_error("config.json", e.to_string()))?;
        let config: BertConfig = serde_json::from_str(&config_text)
            .map_err(|e| model_error("config.json", e.to_string()))?;
        let max_tokens = files
            .max_seq_length()
            .unwrap_or(DEFAULT_MAX_TOKENS)
            .min(config.max_position_embeddings);
        let mut tokenizer = Tokenizer::from_file(dir.join("tokenizer.json"))
            .map_err(|e| model_error("tokenizer.json", e.to_string()))?;
        // The file pads every input to 128 tokens and cuts there; sentence-transformers pads
        // to the longest input of a batch and cuts at the model's max_seq_length.
        tokenizer.with_padding(Some(PaddingParams {
            strategy: PaddingStrategy::BatchLongest,
            ..PaddingParams::default()
        }));
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: max_tokens,
                ..TruncationParams::default()
            }))
            .map_err(|e| model_error("tokenizer.json", e.to_string()))?;
        let weights = dir.join("model.safetensors");
        // SAFETY: the weights file is memory-mapped read-only; it must not be modified while
        // the encoder lives, as with any mmap of a model file.
        let vb =
            unsafe { VarBuilder::from_mmaped_safetensors(&[&weights], DType::F32, &Device::Cpu) }
                .map_err(|e| model_error("model.safetensors", e.to_string()))?;
        let bert = BertEncoder::load(vb, &config)
            .map_err(|e| model_error("model.safetensors", e.to_string()))?;
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "sentence-model".to_string());
        let pairs = PairClassifier::bundled(&bert);
        Ok(MiniLmEncoder {
            bert,
            tokenizer,
            pairs,
            dim: config.hidden_size,
            name,
        })
    }

    /// The model and its tokenizer (padding to the longest text of a batch, cut at the
    /// model's length), for fitting a [`PairClassifier`] on them.
    pub fn parts(&self) -> (&BertEncoder, &Tokenizer) {
        (&self.bert, &self.tokenizer)
    }

    /// Replaces the bundled pair classifier with one read from `path` (written by the
    /// `finetune_pairs` example), or, with `None`, goes without one (the feature scorer alone).
    pub fn with_pair_classifier(mut self, path: Option<&Path>) -> Result<Self, ParaphraseError> {
        let Some(path) = path else {
            self.pairs = None;
            return Ok(self);
        };
        let bytes = std::fs::read(path).map_err(|source| ParaphraseError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let model_error = |reason: String| ParaphraseError::Model {
            path: path.to_path_buf(),
            reason,
        };
        self.pairs = Some(
            PairClassifier::from_safetensors(&bytes, &self.bert)
                .map_err(|e| model_error(e.to_string()))?
                .ok_or_else(|| {
                    model_error(format!("fitted on another model than {}", self.name))
                })?,
        );
        Ok(self)
    }

    /// Whether a pair classifier fits this model ([`crate::cross`]).
    pub fn has_pair_classifier(&self) -> bool {
        self.pairs.is_some()
    }

    /// One forward pass; token vectors are kept only when asked for.
    fn encode_batch(
        &self,
        texts: &[&str],
        with_tokens: bool,
    ) -> Result<Vec<EncodedText>, ParaphraseError> {
        let tokenizer_error = |e: tokenizers::Error| ParaphraseError::Encode(e.to_string());
        let encodings = self
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(tokenizer_error)?;
        let len = encodings.first().map_or(0, |e| e.get_ids().len());
        let mut ids = Vec::with_capacity(texts.len() * len);
        let mut mask = Vec::with_capacity(texts.len() * len);
        for e in &encodings {
            ids.extend_from_slice(e.get_ids());
            mask.extend(e.get_attention_mask().iter().map(|&m| m as f32));
        }
        let run = || -> candle_core::Result<Vec<EncodedText>> {
            let device = self.bert.device();
            let ids = Tensor::from_vec(ids, (texts.len(), len), device)?;
            let mask = Tensor::from_vec(mask, (texts.len(), len), device)?;
            let hidden = self.bert.forward(&ids, &mask)?;
            let vectors = mean_pool_normalized(&hidden, &mask)?.to_vec2::<f32>()?;
            if !with_tokens {
                return Ok(vectors
                    .into_iter()
                    .map(|vector| EncodedText {
                        vector,
                        tokens: Vec::new(),
                    })
                    .collect());
            }
            let hidden = hidden.to_vec3::<f32>()?;
            Ok(vectors
                .into_iter()
                .zip(hidden)
                .zip(&encodings)
                .map(|((vector, rows), e)| {
                    let real = e.get_attention_mask().iter().filter(|&&m| m == 1).count();
                    // Rows 1..real-1: the text's word pieces between [CLS] and [SEP].
                    let tokens = rows
                        .into_iter()
                        .take(real.saturating_sub(1))
                        .skip(1)
                        .map(unit)
                        .collect();
                    EncodedText { vector, tokens }
                })
                .collect())
        };
        run().map_err(|e| ParaphraseError::Encode(e.to_string()))
    }

    /// Sorts the texts by length so that a batch pads little; results go back in input order.
    fn encode_sorted(
        &self,
        texts: &[&str],
        with_tokens: bool,
    ) -> Result<Vec<EncodedText>, ParaphraseError> {
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| texts[i].len());
        let mut out = vec![EncodedText::default(); texts.len()];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&str> = chunk.iter().map(|&i| texts[i]).collect();
            for (&i, v) in chunk.iter().zip(self.encode_batch(&batch, with_tokens)?) {
                out[i] = v;
            }
        }
        Ok(out)
    }
}

fn unit(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
    v.iter_mut().for_each(|x| *x /= norm);
    v
}

impl SentenceEncoder for MiniLmEncoder {
    fn dim(&self) -> usize {
        self.dim
    }

    fn model_name(&self) -> &str {
        &self.name
    }

    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, ParaphraseError> {
        Ok(self
            .encode_sorted(texts, false)?
            .into_iter()
            .map(|e| e.vector)
            .collect())
    }

    fn encode_tokens(&self, texts: &[&str]) -> Result<Vec<EncodedText>, ParaphraseError> {
        self.encode_sorted(texts, true)
    }

    fn pair_probabilities(
        &self,
        pairs: &[(&str, &str)],
    ) -> Result<Option<Vec<f64>>, ParaphraseError> {
        let Some(classifier) = &self.pairs else {
            return Ok(None);
        };
        classifier
            .probabilities(&self.bert, &self.tokenizer, pairs, BATCH)
            .map(Some)
            .map_err(ParaphraseError::Encode)
    }
}

/// Cosine of two unit vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
