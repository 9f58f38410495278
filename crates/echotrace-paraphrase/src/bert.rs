//! A BERT encoder on candle's building blocks, enough to run sentence-transformers models
//! (all-MiniLM-L6-v2 and its kin), and to fit a small adapter on top of one ([`LoraAdapter`],
//! used by [`crate::cross`]).
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

    /// The hidden size and the number of layers, for building an adapter.
    pub fn shape(&self) -> (usize, usize) {
        let hidden = self
            .layers
            .first()
            .map_or(0, |l| l.attention.heads * l.attention.head_dim);
        (hidden, self.layers.len())
    }

    /// The sum of the first layer's query weights: tells one model's weights from another's,
    /// so that an adapter is only applied to the model it was fitted on.
    pub fn fingerprint(&self) -> Result<f64> {
        match self.layers.first() {
            Some(l) => Ok(f64::from(
                l.attention.query.weight().sum_all()?.to_scalar::<f32>()?,
            )),
            None => Ok(0.0),
        }
    }

    /// `ids` and `mask` are `(batch, length)` (`u32` ids, `f32` mask of 1 for tokens and 0 for
    /// padding); returns `(batch, length, hidden)`.
    pub fn forward(&self, ids: &Tensor, mask: &Tensor) -> Result<Tensor> {
        self.forward_with(ids, mask, &Pass::default())
    }

    /// [`forward`](Self::forward) with token types (a text pair: 0 for the first text, 1 for
    /// the second), an adapter, and whether gradients must flow through the pass.
    pub fn forward_with(&self, ids: &Tensor, mask: &Tensor, pass: &Pass) -> Result<Tensor> {
        let (_, len) = ids.dims2()?;
        let positions = Tensor::arange(0u32, len as u32, &self.device)?.unsqueeze(0)?;
        let zeros;
        let types = match pass.types {
            Some(t) => t,
            None => {
                zeros = ids.zeros_like()?;
                &zeros
            }
        };
        let e = &self.embeddings;
        let mut x = e
            .words
            .forward(ids)?
            .broadcast_add(&e.positions.forward(&positions)?)?
            .add(&e.token_types.forward(types)?)?;
        x = norm(&e.norm, &x, pass.differentiable)?;
        // Padding gets a large negative score before the softmax, as in Hugging Face's BERT.
        let bias = mask
            .affine(1.0, -1.0)?
            .affine(f64::from(f32::MAX) * 0.5, 0.0)?
            .unsqueeze(1)?
            .unsqueeze(1)?;
        for (i, layer) in self.layers.iter().enumerate() {
            let adapter = pass
                .adapter
                .and_then(|a| a.layers.get(i))
                .and_then(Option::as_ref);
            x = layer.forward(&x, &bias, adapter, pass)?;
        }
        Ok(x)
    }
}

/// How [`BertEncoder::forward_with`] runs.
#[derive(Default)]
pub struct Pass<'a> {
    /// `(batch, length)` `u32` token types; all 0 when absent.
    pub types: Option<&'a Tensor>,
    pub adapter: Option<&'a LoraAdapter>,
    /// Softmax and layer norm as plain tensor arithmetic, which candle can differentiate
    /// (its fused kernels have no backward pass), for fitting an adapter.
    pub differentiable: bool,
}

/// Low-rank updates to the attention's query and value projections of some layers (LoRA, Hu et
/// al. 2021): `W x + scale · B (A x)`, with `A` of `rank × hidden` and `B` of `hidden × rank`.
/// Fitting one turns the sentence model into a pair classifier while storing a few hundred
/// kilobytes rather than a second copy of the model.
pub struct LoraAdapter {
    /// One entry per layer; `None` leaves that layer as loaded.
    pub layers: Vec<Option<LoraLayer>>,
    pub scale: f64,
}

/// A layer's low-rank updates: `(A, B)` for the query and for the value projection.
pub struct LoraLayer {
    pub query: (Tensor, Tensor),
    pub value: (Tensor, Tensor),
}

fn adapted(
    linear: &Linear,
    x: &Tensor,
    update: Option<&(Tensor, Tensor)>,
    scale: f64,
) -> Result<Tensor> {
    let y = linear.forward(x)?;
    match update {
        None => Ok(y),
        Some((a, b)) => y.add(
            &x.broadcast_matmul(&a.t()?)?
                .broadcast_matmul(&b.t()?)?
                .affine(scale, 0.0)?,
        ),
    }
}

fn norm(ln: &LayerNorm, x: &Tensor, differentiable: bool) -> Result<Tensor> {
    if !differentiable {
        return ln.forward(x);
    }
    let mean = x.mean_keepdim(D::Minus1)?;
    let centred = x.broadcast_sub(&mean)?;
    let var = centred.sqr()?.mean_keepdim(D::Minus1)?;
    let normed = centred.broadcast_div(&(var + ln.eps())?.sqrt()?)?;
    let y = normed.broadcast_mul(ln.weight())?;
    match ln.bias() {
        Some(b) => y.broadcast_add(b),
        None => Ok(y),
    }
}

impl Layer {
    fn forward(
        &self,
        x: &Tensor,
        bias: &Tensor,
        adapter: Option<&LoraLayer>,
        pass: &Pass,
    ) -> Result<Tensor> {
        let a = self.attention.forward(x, bias, adapter, pass)?;
        let f = &self.feed_forward;
        let hidden = f.intermediate.forward(&a)?.gelu_erf()?;
        norm(
            &f.norm,
            &f.output.forward(&hidden)?.add(&a)?,
            pass.differentiable,
        )
    }
}

impl SelfAttention {
    fn split_heads(&self, x: &Tensor) -> Result<Tensor> {
        let (b, l, _) = x.dims3()?;
        x.reshape((b, l, self.heads, self.head_dim))?
            .transpose(1, 2)?
            .contiguous()
    }

    fn forward(
        &self,
        x: &Tensor,
        bias: &Tensor,
        adapter: Option<&LoraLayer>,
        pass: &Pass,
    ) -> Result<Tensor> {
        let (b, l, h) = x.dims3()?;
        let scale = pass.adapter.map_or(0.0, |a| a.scale);
        let q = adapted(&self.query, x, adapter.map(|a| &a.query), scale)?;
        let q = self.split_heads(&q)?;
        let k = self.split_heads(&self.key.forward(x)?)?;
        let v = adapted(&self.value, x, adapter.map(|a| &a.value), scale)?;
        let v = self.split_heads(&v)?;
        let scale = 1.0 / (self.head_dim as f64).sqrt();
        let scores = q
            .matmul(&k.t()?.contiguous()?)?
            .affine(scale, 0.0)?
            .broadcast_add(bias)?;
        let probs = if pass.differentiable {
            candle_nn::ops::softmax(&scores, D::Minus1)?
        } else {
            candle_nn::ops::softmax_last_dim(&scores)?
        };
        let context = probs
            .matmul(&v)?
            .transpose(1, 2)?
            .contiguous()?
            .reshape((b, l, h))?;
        norm(
            &self.norm,
            &self.output.forward(&context)?.add(x)?,
            pass.differentiable,
        )
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
