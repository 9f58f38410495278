use super::analyze::analyze;
use super::export::{cluster_records, ClusterScope};
use super::ingest::{ingest_into, IngestOptions};
use super::network;
use crate::cli::{
    EvalCoordinationArgs, EvalExtractionArgs, EvalParaphraseArgs, EvalQuotesArgs, EvalReuseArgs,
};
use crate::interrupt;
use crate::output::print_json;
use anyhow::{Context, Result};
use echotrace_core::CharOffsets;
use echotrace_eval::extraction::{self, Benchmark};
use echotrace_eval::quotes::{QuoteGold, SystemQuote};
use echotrace_extract::{all_extractors, ArticleExtractor};
use echotrace_pipeline::{kind_name, Stages};
use echotrace_quotes::QuoteExtractor;
use echotrace_store::Store;
use rayon::prelude::*;
use serde_json::{json, Map, Value};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// `echotrace eval extraction`: every named extractor over one benchmark, scored with the
/// benchmark's own metric.
pub fn extraction(args: EvalExtractionArgs) -> Result<ExitCode> {
    let bench = Benchmark::load(&args.dir)
        .with_context(|| format!("cannot load the benchmark in {}", args.dir.display()))?;
    let extractors: Vec<Box<dyn ArticleExtractor>> = all_extractors()
        .into_iter()
        .filter(|e| args.extractor == "all" || e.name() == args.extractor)
        .collect();
    if extractors.is_empty() {
        let names: Vec<&str> = all_extractors().iter().map(|e| e.name()).collect();
        anyhow::bail!(
            "no extractor {:?}: choose one of {} or `all`",
            args.extractor,
            names.join(", ")
        );
    }
    if args.output.is_some() && extractors.len() > 1 {
        anyhow::bail!("--output writes one extractor's bodies: pick one with --extractor");
    }

    let mut figures = Map::new();
    let mut worst_f1 = f64::INFINITY;
    if !args.json {
        println!(
            "{} ({} pages)\n{:<16} {:>9} {:>9} {:>9} {:>9} {:>9}",
            bench.name(),
            bench.pages.len(),
            "extractor",
            "precision",
            "recall",
            "F1",
            "accuracy",
            "pages/s"
        );
    }
    for extractor in &extractors {
        let run = bench.run(extractor.as_ref());
        let score = extraction::score(&bench, &run.predictions);
        worst_f1 = worst_f1.min(score.f1);
        if let Some(path) = &args.output {
            extraction::write_predictions(path, &run.predictions)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        if args.json {
            let mut value = serde_json::to_value(score)?;
            if let Value::Object(fields) = &mut value {
                fields.insert("extractor".into(), json!(extractor.name()));
                fields.insert("pages_per_second".into(), json!(run.pages_per_second()));
                fields.insert("failures".into(), json!(run.failures));
            }
            figures.insert(extractor.name().to_string(), value);
        } else {
            println!(
                "{:<16} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>9.0}",
                extractor.name(),
                score.precision,
                score.recall,
                score.f1,
                score.accuracy,
                run.pages_per_second()
            );
        }
    }
    if args.json {
        // One extractor: its figures are the object; several: one object keyed by name.
        let out = if figures.len() == 1 {
            figures
                .into_iter()
                .next()
                .map(|(_, v)| v)
                .unwrap_or(Value::Null)
        } else {
            Value::Object(figures)
        };
        print_json(&out)?;
    }
    if let Some(min) = args.min_f1 {
        if worst_f1 < min {
            eprintln!("F1 {worst_f1:.3} is below the required {min:.3}");
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A labelled corpus ingested and run through the reuse stage in a temporary store, which
/// lives as long as this value.
struct AnalyzedCorpus {
    _dir: tempfile::TempDir,
    store: Store,
    ingested: super::ingest::IngestReport,
    analyzed: echotrace_pipeline::AnalyzeReport,
}

impl AnalyzedCorpus {
    fn build(
        corpus: &Path,
        progress: bool,
        paraphrase: Option<echotrace_pipeline::ParaphraseSettings>,
    ) -> Result<Self> {
        let dir = tempfile::tempdir().context("cannot create a temporary directory")?;
        let db = dir.path().join("eval.db");
        let mut store = Store::open(&db)?;
        let cancel = interrupt::install();
        let options = IngestOptions {
            batch: 2000,
            quiet: true,
        };
        let ingested = ingest_into(
            &mut store,
            &[corpus.to_path_buf()],
            &options,
            cancel.clone(),
        )?;
        let stages = Stages {
            reuse: true,
            quotes: false,
        };
        let analyzed = analyze(&mut store, &db, stages, paraphrase, 1000, progress, &cancel)?;
        if analyzed.interrupted || ingested.interrupted {
            anyhow::bail!("interrupted");
        }
        Ok(AnalyzedCorpus {
            _dir: dir,
            store,
            ingested,
            analyzed,
        })
    }
}

/// `echotrace eval reuse`: the whole pipeline on a labelled corpus, in a temporary store.
pub fn reuse(args: EvalReuseArgs) -> Result<ExitCode> {
    let gold = echotrace_eval::reuse::load_clusters(&args.gold)?;
    let started = Instant::now();
    let paraphrase = if args.paraphrase {
        let settings = super::analyze::paraphrase_settings(&crate::cli::ParaphraseArgs {
            model: Some(super::analyze::model_dir(args.model.as_deref())?),
            no_paraphrase: false,
            paraphrase_threshold: args.paraphrase_threshold,
        })?;
        settings
    } else {
        None
    };
    let corpus = AnalyzedCorpus::build(&args.corpus, !args.json, paraphrase)?;
    let (store, ingested, analyzed) = (&corpus.store, &corpus.ingested, &corpus.analyzed);
    let elapsed = started.elapsed();
    // The gold labels reuse across documents only; a passage repeated inside one page is a
    // finding the scorer cannot credit, so it stays out of the scored output.
    let records = cluster_records(store, ClusterScope::CrossDocument)?;
    if let Some(path) = &args.output {
        echotrace_eval::reuse::write_clusters(path, &records)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let score = echotrace_eval::reuse::score(&gold, &records);
    if args.json {
        print_json(&score)?;
    } else {
        let s = &score;
        println!(
            "{} documents, {} alignments, {} paraphrases, {} clusters in {:.1} s",
            ingested.added,
            analyzed.alignments_found,
            analyzed.paraphrases_found,
            records.len(),
            elapsed.as_secs_f64()
        );
        println!(
            "pair    P {:.4}  R {:.4}  F1 {:.4}",
            s.pair_p, s.pair_r, s.pair_f1
        );
        println!(
            "char    P {:.4}  R {:.4}  F1 {:.4}",
            s.char_p, s.char_r, s.char_f1
        );
        println!("parent  {:.4} of {}", s.parent_acc, s.parent_n);
        println!("origin  {:.4} of {}", s.origin_acc, s.origin_n);
        println!(
            "clusters: gold {}, system {}",
            s.gold_clusters, s.system_clusters
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `echotrace eval quotes`: quote extraction on every annotated article of a gold directory,
/// each read as ingest reads a text file (byline and boilerplate outside the body).
pub fn quotes(args: EvalQuotesArgs) -> Result<ExitCode> {
    let gold = QuoteGold::load(&args.dir)
        .with_context(|| format!("cannot load the gold quotes in {}", args.dir.display()))?;
    let extractor = QuoteExtractor::default();
    let started = Instant::now();
    let system: Vec<SystemQuote> = gold
        .documents
        .par_iter()
        .flat_map_iter(|(name, g)| {
            let body = echotrace_ingest::body::layout(&g.text, None).body;
            let found = extractor.extract_range(&g.text, body);
            let offsets = CharOffsets::new(&g.text);
            let span = move |s: echotrace_core::ByteSpan| {
                [offsets.to_char(s.start), offsets.to_char(s.end)]
            };
            found
                .quotes
                .into_iter()
                .map(|q| SystemQuote {
                    doc: name.clone(),
                    content: q.content.iter().map(|&s| span(s)).collect(),
                    source: q.source.map(|s| vec![span(s)]),
                    cue: q.cue.map(|s| vec![span(s)]),
                    speaker: q.speaker,
                    kind: Some(kind_name(q.kind).to_string()),
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let elapsed = started.elapsed();
    if let Some(path) = &args.output {
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        );
        for q in &system {
            serde_json::to_writer(&mut out, q)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    let score = echotrace_eval::quotes::score(&gold, &system);
    if args.json {
        print_json(&score)?;
    } else {
        let s = &score;
        println!(
            "{} articles, {} gold attributions, {} quotes found in {:.2} s",
            gold.documents.len(),
            s.gold_attributions,
            s.system_quotes,
            elapsed.as_secs_f64()
        );
        println!(
            "content soft   P {:.4}  R {:.4}  F1 {:.4}",
            s.content_soft_p, s.content_soft_r, s.content_soft_f1
        );
        println!(
            "content exact  P {:.4}  R {:.4}  F1 {:.4}",
            s.content_exact_p, s.content_exact_r, s.content_exact_f1
        );
        println!("source acc     {:.4} of {}", s.source_acc, s.source_n);
        println!("cue acc        {:.4} of {}", s.cue_acc, s.cue_n);
        println!("speaker acc    {:.4} of {}", s.speaker_acc, s.speaker_n);
    }
    Ok(ExitCode::SUCCESS)
}

/// `echotrace eval coordination`: the whole pipeline on a labelled corpus, then the network.
pub fn coordination(args: EvalCoordinationArgs) -> Result<ExitCode> {
    let truth = echotrace_eval::coordination::load_json(&args.groups)?;
    let started = Instant::now();
    let corpus = AnalyzedCorpus::build(&args.corpus, !args.json, None)?;
    let (store, analyzed) = (&corpus.store, &corpus.analyzed);
    let net = echotrace_pipeline::coordination_network(store, &network::detector(&args.detector))?;
    let system = serde_json::to_value(&net)?;
    if let Some(path) = &args.output {
        std::fs::write(path, serde_json::to_string_pretty(&system)?)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let score = echotrace_eval::coordination::score(&truth, &system)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.groups.display()))?;
    if args.json {
        print_json(&score)?;
    } else {
        let s = &score;
        println!(
            "{} clusters, {} groups found in {:.1} s",
            analyzed.clusters,
            net.groups.len(),
            started.elapsed().as_secs_f64()
        );
        println!(
            "relay   P {:.4}  R {:.4}  F1 {:.4}",
            s.relay_p, s.relay_r, s.relay_f1
        );
        println!(
            "pair    P {:.4}  R {:.4}  F1 {:.4}",
            s.pair_p, s.pair_r, s.pair_f1
        );
        println!(
            "center  {:.4} of {} gold groups",
            s.center_acc, s.gold_groups
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `echotrace eval paraphrase`: the paraphrase decision on labelled sentence pairs.
pub fn paraphrase(args: EvalParaphraseArgs) -> Result<ExitCode> {
    use echotrace_paraphrase::{
        labelled_pair_features, pair_figures, read_pair_file, LabelledPair, MiniLmEncoder,
        PairFeatures, ParaphraseScorer, SentenceEncoder,
    };
    let pairs = read_pair_file(&args.file)?;
    let train = args.train.as_deref().map(read_pair_file).transpose()?;
    let dir = super::analyze::model_dir(args.model.as_deref())?;
    let encoder = MiniLmEncoder::load(&dir).with_context(|| {
        format!(
            "cannot load the sentence model in {} (`echotrace model fetch` installs it)",
            dir.display()
        )
    })?;
    let encoder = match (&args.pair_classifier, args.no_pair_classifier) {
        (Some(path), _) => encoder.with_pair_classifier(Some(path))?,
        (None, true) => encoder.with_pair_classifier(None)?,
        (None, false) => encoder,
    };
    let cancel = interrupt::install();
    let started = Instant::now();
    let total = pairs.len() + train.as_ref().map_or(0, Vec::len);
    let bar = if args.quiet || args.json {
        indicatif::ProgressBar::hidden()
    } else {
        indicatif::ProgressBar::new(2 * total as u64)
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "embed [{elapsed_precise}] {wide_bar} {pos}/{len} sentences ({eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    // Embeds in chunks so that the bar moves and Ctrl-C is heard between chunks.
    let features = |set: &[LabelledPair]| -> Result<Vec<PairFeatures>> {
        let mut out = Vec::with_capacity(set.len());
        for chunk in set.chunks(128) {
            if cancel.load(std::sync::atomic::Ordering::SeqCst) {
                anyhow::bail!("interrupted");
            }
            out.extend(labelled_pair_features(&encoder, chunk)?);
            bar.inc(2 * chunk.len() as u64);
        }
        Ok(out)
    };
    let (scorer, trained_on) = match &train {
        Some(train) => {
            let f = features(train)?;
            let labels: Vec<bool> = train.iter().map(|p| p.label).collect();
            let scorer = ParaphraseScorer::fit(&f, &labels)?;
            if let Some(path) = &args.save_scorer {
                scorer.save(path)?;
            }
            (scorer, Some(train.len()))
        }
        // The built-in weights, at the threshold that maximised F1 where they were
        // fitted (the analyzer's stricter default is for reuse clusters, not this task).
        None => (
            ParaphraseScorer::default()
                .with_threshold(echotrace_paraphrase::score::mrpc_threshold()),
            None,
        ),
    };
    let scorer = match args.threshold {
        Some(t) => scorer.with_threshold(t),
        None => scorer,
    };
    let f = features(&pairs)?;
    bar.finish_and_clear();
    let labels: Vec<bool> = pairs.iter().map(|p| p.label).collect();
    let probs: Vec<f64> = f.iter().map(|x| scorer.probability(x)).collect();
    let decisions: Vec<bool> = probs.iter().map(|&p| p >= scorer.threshold).collect();
    let figures = pair_figures(&decisions, &labels);
    let seconds = started.elapsed().as_secs_f64();
    if let Some(path) = &args.output {
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        );
        for (i, p) in pairs.iter().enumerate() {
            let line = json!({
                "id_a": p.id_a, "id_b": p.id_b, "label": p.label,
                "cosine": f[i].cosine, "cross": f[i].cross,
                "probability": probs[i], "paraphrase": decisions[i],
            });
            writeln!(out, "{line}").with_context(|| format!("cannot write {}", path.display()))?;
        }
        out.flush()
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let sentences = 2 * total;
    if args.json {
        print_json(&json!({
            "accuracy": figures.accuracy,
            "f1": figures.f1,
            "precision": figures.precision,
            "recall": figures.recall,
            "threshold": scorer.threshold,
            "pairs": figures.pairs,
            "train_pairs": trained_on,
            "model": encoder.model_name(),
            "pair_classifier": encoder.has_pair_classifier(),
            "sentences_per_second": sentences as f64 / seconds,
        }))?;
    } else {
        println!(
            "{} pairs: accuracy {:.3}  F1 {:.3}  (P {:.3} R {:.3})  threshold {:.3}{}",
            figures.pairs,
            figures.accuracy,
            figures.f1,
            figures.precision,
            figures.recall,
            scorer.threshold,
            match trained_on {
                Some(n) => format!(" fitted on {n} pairs"),
                None => " (built-in scorer)".to_string(),
            }
        );
        if !encoder.has_pair_classifier() {
            println!("decided on the pair features alone (no cross-encoder)");
        }
        println!(
            "{sentences} sentences embedded in {seconds:.1} s ({:.0}/s)",
            sentences as f64 / seconds
        );
    }
    Ok(ExitCode::SUCCESS)
}
