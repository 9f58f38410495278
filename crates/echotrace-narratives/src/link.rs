//! The plug point: whether two story units (a reuse cluster, or a quoted document that is in
//! no cluster) belong to one story, given the evidence the indexes found between them.

use chrono::Duration;
use serde::{Deserialize, Serialize};

/// What two units have in common. Only pairs that share at least a document, or a name within
/// the builder's time window, are ever looked at: the indexes never propose the others.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkEvidence {
    /// Documents that are members of both units (a document carrying both passages).
    pub shared_documents: u32,
    /// Names quoted as speakers in both units.
    pub shared_speakers: u32,
    /// Other shared names (an entity in one unit, an entity or speaker in the other).
    pub shared_entities: u32,
    /// Sum over the shared names of their IDF (`ln(units / units with the name)`) times the
    /// speaker or entity weight. Names in more units than the posting cap count zero.
    pub name_weight: f64,
    /// Time between the two units' first dated copies (0 when their days or hours overlap);
    /// `None` when either has no copy dated at least to the day.
    pub gap: Option<Duration>,
}

/// Decides whether two units are one story, and how strongly.
///
/// Links are merged strongest first; a link whose evidence includes a shared document is
/// merged even when the narrative would exceed the builder's maximum span (the same document
/// carrying both passages is evidence no time rule should override), all others only within it.
pub trait StoryLinker {
    /// `Some(strength)` to link (higher merges first), `None` to keep apart.
    fn strength(&self, evidence: &LinkEvidence) -> Option<f64>;
}

/// Shared documents always link. Otherwise the shared names must weigh at least
/// `min_name_weight`, and include a speaker quoted in both units or at least
/// `min_shared_entities` other names: a cluster's documents mention dozens of names between
/// them, so one rare name in common happens by chance across a year of news, while the same
/// person quoted, or several names together, does not. The strength then decays with the gap
/// in days so that, in a chain, the closest copies merge first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DefaultLinker {
    pub min_name_weight: f64,
    pub min_shared_entities: u32,
}

impl Default for DefaultLinker {
    /// A speaker in at most 1 unit in 4.5 (`ln 4.5 ≈ 1.5`) links two units alone; entities
    /// (weight 0.6) need two in common, together in at most about 1 unit in 3.5 each. A
    /// country named in a third of the stories weighs 0.66 and glues nothing.
    fn default() -> Self {
        DefaultLinker {
            min_name_weight: 1.5,
            min_shared_entities: 2,
        }
    }
}

impl StoryLinker for DefaultLinker {
    fn strength(&self, e: &LinkEvidence) -> Option<f64> {
        if e.shared_documents > 0 {
            return Some(1_000.0 + f64::from(e.shared_documents) + e.name_weight);
        }
        let enough = e.shared_speakers > 0 || e.shared_entities >= self.min_shared_entities;
        if !enough || e.name_weight < self.min_name_weight {
            return None;
        }
        let gap = e.gap?;
        let days = gap.num_seconds().max(0) as f64 / 86_400.0;
        Some(e.name_weight / (1.0 + days))
    }
}
