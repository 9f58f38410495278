//! A BERT encoder on candle's building blocks, enough to run sentence-transformers models
//! (all-MiniLM-L6-v2 and its kin) for inference.
//!
//! Written here rather than taken from `candle-transformers`: that crate compiles a hundred
//! model families to use one, several minutes on a two-core machine, while BERT's forward pass
//! is the hundred lines below on `candle-nn`'s linear, embedding and layer-norm layers. The
//! tensor names are those of Hugging Face's `BertModel` as sentence-transformers saves it.

use candle_core::{DType, Device, Module, Result, Tensor, D};
use candle_nn::{embedding, layer_norm, linear, Embedding, LayerNorm, Linear, VarBuilder};
use serde::Deserialize;

/// The fields of a Hugging Face BERT `config.json` that inference needs.
#[derive(Clone, Debug, Deserialize)]
pub struct BertConfig {
    pub vocab_size: usize,
    pub hidden_size: usize,
    pub num_hidden_layers: usize,
    pub num_attention_heads: usize,
    pub intermediate_size: usize,
    pub max_position_embeddings: usize,
    #[serde(default = "default_type_vocab")]
    pub type_vocab_size: usize,
    #[serde(default = "default_eps")]
    pub layer_norm_eps: f64,
    #[serde(default = "default_act")]
    pub hidden_act: String,
}

fn default_type_vocab() -> usize {
    2
}

fn default_eps() -> f64 {
    1e-12
}

fn default_act() -> String {
    "gelu".to_string()
}

struct Embeddings {
    words: Embedding,
    positions: Embedding,
    token_types: Embedding,
    norm: LayerNorm,
}

struct SelfAttention {
    query: Linear,
    key: Linear,
    value: Linear,
    output: Linear,
    norm: LayerNorm,
    heads: usize,
    head_dim: usize,
}

struct FeedForward {
    intermediate: Linear,
    output: Linear,
    norm: LayerNorm,
}

struct Layer {
    attention: SelfAttention,
    feed_forward: FeedForward,
}

/// BERT without its pooler: token ids in, one hidden vector per token out.
pub struct BertEncoder {
    embeddings: Embeddings,
    layers: Vec<Layer>,
    device: Device,
}

impl BertEncoder {
    pub fn load(vb: VarBuilder, config: &BertConfig) -> Result<Self> {
        if config.hidden_act != "gelu" {
            candle_core::bail!("unsupported activation {:?}", config.hidden_act);
        }
        if config.num_attention_heads == 0 || config.hidden_size % config.num_attention_heads != 0 {
            candle_core::bail!("hidden size not divisible by the number of heads");
        }
        let (h, eps) = (config.hidden_size, config.layer_norm_eps);
        let e = vb.pp("embeddings");
        let embeddings = Embeddings {
            words: embedding(config.vocab_size, h, e.pp("word_embeddings"))?,
            positions: embedding(
                config.max_position_embeddings,
                h,
                e.pp("position_embeddings"),
            )?,
            token_types: embedding(config.type_vocab_size, h, e.pp("token_type_embeddings"))?,
            norm: layer_norm(h, eps, e.pp("LayerNorm"))?,
        };
        let mut layers = Vec::with_capacity(config.num_hidden_layers);
        for i in 0..config.num_hidden_layers {
            let l = vb.pp(format!("encoder.layer.{i}"));
            let a = l.pp("attention");
            layers.push(Layer {
                attention: SelfAttention {
                    query: linear(h, h, a.pp("self.query"))?,
                    key: linear(h, h, a.pp("self.key"))?,
                    value: linear(h, h, a.pp("self.value"))?,
                    output: linear(h, h, a.pp("output.dense"))?,
                    norm: layer_norm(h, eps, a.pp("output.LayerNorm"))?,
                    heads: config.num_attention_heads,
                    head_dim: h / config.num_attention_heads,
                },
                feed_forward: FeedForward {
                    intermediate: linear(h, config.intermediate_size, l.pp("intermediate.dense"))?,
                    output: linear(config.intermediate_size, h, l.pp("output.dense"))?,
                    norm: layer_norm(h, eps, l.pp("output.LayerNorm"))?,
                },
            });
        }
        Ok(BertEncoder {
            embeddings,
            layers,
            device: vb.device().clone(),
        })
    }

    pub fn device(&self) -> &Device {
        &self.device
    }

    /// `ids` and `mask` are `(batch, length)` (`u32` ids, `f32` mask of 1 for tokens and 0 for
    /// padding); returns `(batch, length, hidden)`.
    pub fn forward(&self, ids: &Tensor, mask: &Tensor) -> Result<Tensor> {
        let (_, len) = ids.dims2()?;
        let positions = Tensor::arange(0u32, len as u32, &self.device)?.unsqueeze(0)?;
        let types = ids.zeros_like()?;
        let e = &self.embeddings;
        let mut x = e
            .words
            .forward(ids)?
            .broadcast_add(&e.positions.forward(&positions)?)?
            .add(&e.token_types.forward(&types)?)?;
        x = e.norm.forward(&x)?;
        // Padding gets a large negative score before the softmax, as in Hugging Face's BERT.
        let bias = mask
            .affine(1.0, -1.0)?
            .affine(f64::from(f32::MAX) * 0.5, 0.0)?
            .unsqueeze(1)?
            .unsqueeze(1)?;
        for layer in &self.layers {
            x = layer.forward(&x, &bias)?;
        }
        Ok(x)
    }
}

impl Layer {
    fn forward(&self, x: &Tensor, bias: &Tensor) -> Result<Tensor> {
        let a = self.attention.forward(x, bias)?;
        let f = &self.feed_forward;
        let hidden = f.intermediate.forward(&a)?.gelu_erf()?;
        f.norm.forward(&f.output.forward(&hidden)?.add(&a)?)
    }
}

impl SelfAttention {
    fn split_heads(&self, x: &Tensor) -> Result<Tensor> {
        let (b, l, _) = x.dims3()?;
        x.reshape((b, l, self.heads, self.head_dim))?
            .transpose(1, 2)?
            .contiguous()
    }

    fn forward(&self, x: &Tensor, bias: &Tensor) -> Result<Tensor> {
        let (b, l, h) = x.dims3()?;
        let q = self.split_heads(&self.query.forward(x)?)?;
        let k = self.split_heads(&self.key.forward(x)?)?;
        let v = self.split_heads(&self.value.forward(x)?)?;
        let scale = 1.0 / (self.head_dim as f64).sqrt();
        let scores = q
            .matmul(&k.t()?.contiguous()?)?
            .affine(scale, 0.0)?
            .broadcast_add(bias)?;
        let probs = candle_nn::ops::softmax_last_dim(&scores)?;
        let context = probs
            .matmul(&v)?
            .transpose(1, 2)?
            .contiguous()?
            .reshape((b, l, h))?;
        self.norm.forward(&self.output.forward(&context)?.add(x)?)
    }
}

/// Mean of the token vectors under the mask, then L2-normalised: sentence-transformers'
/// `Pooling(mean)` followed by `Normalize`.
pub fn mean_pool_normalized(hidden: &Tensor, mask: &Tensor) -> Result<Tensor> {
    let m = mask.to_dtype(DType::F32)?.unsqueeze(D::Minus1)?;
    let summed = hidden.broadcast_mul(&m)?.sum(1)?;
    let counts = m.sum(1)?.clamp(1e-9, f64::MAX)?;
    let mean = summed.broadcast_div(&counts)?;
    let norm = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f64::MAX)?;
    mean.broadcast_div(&norm)
}
