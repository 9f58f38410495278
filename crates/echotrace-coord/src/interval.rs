//! The coordination interval, estimated from the data as CooRnet does for link shares
//! (Giglietto et al. 2020, `estimate_coord_interval`): take the clusters whose second copy
//! came quickest (the `quickest` share, 10 %), measure for each the time from its first copy
//! to the copy that passes `reach` (50 %) of its copies, and take the median.
//!
//! The idea: in the quickest-spreading clusters, half the copies arrive within a time that is
//! fast for this corpus; copies closer than that are unusually close.

/// Linear-interpolation quantile (R's type 7, what CooRnet's `quantile()` uses). `None` for an
/// empty sample; `q` is clamped to `0..=1`.
pub fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let q = if q.is_nan() { 0.5 } else { q.clamp(0.0, 1.0) };
    let h = (n - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(n - 1);
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// Estimates the interval from the copy times (seconds, any order) of each cluster. Returns
/// the interval in seconds and the number of clusters it rests on, or `None` when no cluster
/// has two dated copies.
pub fn estimate_interval<'a, I>(clusters: I, quickest: f64, reach: f64) -> Option<(f64, usize)>
where
    I: IntoIterator<Item = &'a [i64]>,
{
    let mut spread: Vec<(f64, f64)> = Vec::new();
    for times in clusters {
        if times.len() < 2 {
            continue;
        }
        let mut t = times.to_vec();
        t.sort_unstable();
        let second = (t[1] - t[0]) as f64;
        let n = t.len();
        // The first copy whose rank share exceeds `reach`: for 2 copies the second, for 4 the
        // third.
        let k = (1..=n).find(|&r| r as f64 / n as f64 > reach).unwrap_or(n);
        spread.push((second, (t[k - 1] - t[0]) as f64));
    }
    if spread.is_empty() {
        return None;
    }
    let mut seconds: Vec<f64> = spread.iter().map(|s| s.0).collect();
    seconds.sort_by(f64::total_cmp);
    let cut = quantile(&seconds, quickest)?;
    let mut reach_times: Vec<f64> = spread.iter().filter(|s| s.0 <= cut).map(|s| s.1).collect();
    reach_times.sort_by(f64::total_cmp);
    let used = reach_times.len();
    quantile(&reach_times, 0.5).map(|m| (m, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_matches_r_type_7() {
        let x = [1.0, 2.0, 3.0, 4.0, 10.0];
        assert_eq!(quantile(&x, 0.5), Some(3.0));
        // R: quantile(c(1,2,3,4,10), .9) = 7.6
        assert!(quantile(&x, 0.9).is_some_and(|q| (q - 7.6).abs() < 1e-9));
        assert_eq!(quantile(&x, 0.0), Some(1.0));
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(quantile(&[5.0], f64::NAN), Some(5.0));
    }

    #[test]
    fn interval_is_the_median_half_time_of_the_quickest_clusters() {
        // Ten clusters whose second copies come after 10, 20, …, 100 s, except that cluster 1
        // also has its second copy at 10 s.
        let mut clusters: Vec<Vec<i64>> = (1..=10).map(|k| vec![0, 10 * k, 1000 * k]).collect();
        clusters[1] = vec![0, 10, 30, 500]; // 4 copies: half passed at the 3rd, 30 s
                                            // Seconds: 10, 10, 30, …, 100 → 10 % quantile = 10: clusters 0 and 1.
                                            // Cluster 0: 3 copies, rank share > .5 at the 2nd copy → 10 s; cluster 1 → 30 s.
        let (secs, used) =
            estimate_interval(clusters.iter().map(Vec::as_slice), 0.1, 0.5).unwrap_or_default();
        assert_eq!(used, 2);
        assert_eq!(secs, 20.0);
    }

    #[test]
    fn no_dated_pairs_no_estimate() {
        let one: Vec<Vec<i64>> = vec![vec![5], vec![]];
        assert_eq!(
            estimate_interval(one.iter().map(Vec::as_slice), 0.1, 0.5),
            None
        );
    }
}
