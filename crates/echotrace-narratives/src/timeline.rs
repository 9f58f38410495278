//! Copies per hour or per day and per source.

use crate::StoryDocument;
use chrono::{DateTime, Duration, Utc};
use echotrace_core::{DatePrecision, DocId, SourceId};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The width of a timeline's buckets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BucketSize {
    Hour,
    Day,
}

/// How many documents of one source fall in a bucket (or a narrative).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceCount {
    pub source: SourceId,
    pub count: usize,
}

/// One hour or one day (UTC) with at least one document in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// Start of the bucket, UTC; serialised as RFC 3339.
    pub start: DateTime<Utc>,
    /// Documents per source, most first, then by name. Documents without a source are in
    /// `total` only.
    pub per_source: Vec<SourceCount>,
    pub total: usize,
}

/// The spread of a set of documents over time.
///
/// Buckets are sparse (only non-empty ones, in time order): a story with one copy in 2019 and
/// one in 2024 must not produce two thousand empty days.
///
/// Nothing is placed at a time it was not known to: a document dated only to the day is never
/// put at midnight nor spread over the hours of its day. With hour buckets it is counted in
/// `imprecise`; so is a document dated only to the month or year with day buckets. A document
/// with no date (or not found among the documents given) is counted in `undated`, never at the
/// epoch. `total` = sum of bucket totals + `imprecise` + `undated`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    pub bucket: BucketSize,
    pub buckets: Vec<Bucket>,
    /// Dated, but more coarsely than the bucket size.
    pub imprecise: usize,
    pub undated: usize,
    pub total: usize,
}

impl Timeline {
    /// Hour buckets are used when the documents known at least to the day span no more than
    /// `hour_buckets_up_to` and a strict majority of them are known to the hour; otherwise day
    /// buckets, so that a story mostly dated by the day is not shown as mostly "imprecise".
    pub(crate) fn from_docs<'a>(
        docs: impl IntoIterator<Item = Option<&'a StoryDocument>>,
        hour_buckets_up_to: Duration,
    ) -> Timeline {
        let docs: Vec<Option<&StoryDocument>> = docs.into_iter().collect();
        let mut min_start: Option<DateTime<Utc>> = None;
        let mut max_end: Option<DateTime<Utc>> = None;
        let (mut to_day, mut to_hour) = (0usize, 0usize);
        for p in docs.iter().flatten().filter_map(|d| d.published) {
            if p.precision() >= DatePrecision::Day {
                to_day += 1;
                min_start = Some(min_start.map_or(p.earliest(), |m| m.min(p.earliest())));
                max_end = Some(max_end.map_or(p.latest(), |m| m.max(p.latest())));
                if p.precision() >= DatePrecision::Hour {
                    to_hour += 1;
                }
            }
        }
        let span = match (min_start, max_end) {
            (Some(a), Some(b)) => b - a,
            _ => Duration::zero(),
        };
        let bucket = if to_day > 0 && span <= hour_buckets_up_to && to_hour * 2 > to_day {
            BucketSize::Hour
        } else {
            BucketSize::Day
        };
        let (needed, secs) = match bucket {
            BucketSize::Hour => (DatePrecision::Hour, 3600),
            BucketSize::Day => (DatePrecision::Day, 86_400),
        };
        let mut map: BTreeMap<i64, (usize, BTreeMap<&SourceId, usize>)> = BTreeMap::new();
        let (mut imprecise, mut undated) = (0, 0);
        for doc in &docs {
            let Some(doc) = doc else {
                undated += 1;
                continue;
            };
            let Some(p) = doc.published else {
                undated += 1;
                continue;
            };
            if p.precision() < needed {
                imprecise += 1;
                continue;
            }
            let t = p.earliest().timestamp();
            let entry = map.entry(t - t.rem_euclid(secs)).or_default();
            entry.0 += 1;
            if let Some(s) = &doc.source {
                *entry.1.entry(s).or_default() += 1;
            }
        }
        let mut buckets = Vec::with_capacity(map.len());
        for (start, (total, sources)) in map {
            // Truncating a valid time to the hour or day stays valid; should it not, the
            // documents are still accounted for rather than dropped.
            let Some(start) = DateTime::from_timestamp(start, 0) else {
                imprecise += total;
                continue;
            };
            let mut per_source: Vec<SourceCount> = sources
                .into_iter()
                .map(|(s, count)| SourceCount {
                    source: s.clone(),
                    count,
                })
                .collect();
            per_source.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.source.cmp(&b.source)));
            buckets.push(Bucket {
                start,
                per_source,
                total,
            });
        }
        Timeline {
            bucket,
            buckets,
            imprecise,
            undated,
            total: docs.len(),
        }
    }
}

/// The timeline of one set of documents (a reuse cluster's members), with the default
/// bucket choice of [`crate::NarrativeBuilder`]. Ids are deduplicated; an id not found in
/// `docs` counts as undated.
pub fn timeline_for(docs: &[StoryDocument], ids: &[DocId]) -> Timeline {
    timeline_with(docs, ids, crate::DEFAULT_HOUR_BUCKETS_UP_TO)
}

pub(crate) fn timeline_with(docs: &[StoryDocument], ids: &[DocId], hours: Duration) -> Timeline {
    let by_id: FxHashMap<&DocId, &StoryDocument> = docs.iter().map(|d| (&d.id, d)).collect();
    let mut seen = FxHashSet::default();
    let picked = ids
        .iter()
        .filter(|id| seen.insert(*id))
        .map(|id| by_id.get(id).copied());
    Timeline::from_docs(picked, hours)
}
