//! `echotrace analyze`: the pipeline's [`Analyzer`] with progress bars.

use super::open_existing_store;
use crate::cli::{AnalyzeArgs, ParaphraseArgs};
use crate::interrupt;
use crate::output::print_json;
use anyhow::{Context, Result};
use echotrace_paraphrase::{MiniLmEncoder, ModelFiles};
use echotrace_pipeline::{AnalyzeProgress, AnalyzeReport, Analyzer, ParaphraseSettings, Stages};
use echotrace_store::{Stage, Store};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::sync::Mutex;

pub fn run(args: AnalyzeArgs, db: &Path) -> Result<ExitCode> {
    let mut store = open_existing_store(db)?;
    let cancel = interrupt::install();
    let stages = Stages {
        reuse: !args.quotes_only,
        quotes: !args.reuse_only,
    };
    let paraphrase = if stages.reuse {
        paraphrase_settings(&args.paraphrase)?
    } else {
        None
    };
    let report = analyze(
        &mut store,
        db,
        stages,
        paraphrase,
        args.batch as usize,
        !args.quiet,
        &cancel,
    )?;
    if args.json {
        print_json(&report)?;
    } else {
        if report.quotes_outdated > 0 {
            eprintln!(
                "quotes: {} documents were analyzed by an older echotrace; their quotes are extracted again",
                report.quotes_outdated
            );
        }
        eprintln!(
            "quotes: {} documents, {} quotes · reuse: {} documents, {} candidate pairs, {} alignments · paraphrase: {} documents, {} candidate sentence pairs, {} sentences embedded, {} paraphrases · {} clusters{}",
            report.quotes_documents,
            report.quotes_found,
            report.reuse_documents,
            report.candidate_pairs,
            report.alignments_found,
            report.paraphrase_documents,
            report.paraphrase_candidates,
            report.sentences_embedded,
            report.paraphrases_found,
            report.clusters,
            if report.interrupted {
                " — interrupted; run `echotrace analyze` again to finish"
            } else {
                ""
            }
        );
    }
    Ok(if report.interrupted {
        ExitCode::from(130)
    } else {
        ExitCode::SUCCESS
    })
}

/// The model directory `--model` names, else the default one.
pub fn model_dir(given: Option<&Path>) -> Result<PathBuf> {
    match given {
        Some(dir) => Ok(dir.to_path_buf()),
        None => ModelFiles::default_dir()
            .context("no model directory: set ECHOTRACE_MODEL or HOME, or pass --model"),
    }
}

/// Loads the sentence model for the paraphrase stage. Without one, says so once and returns
/// `None` (lexical reuse only); a model named with `--model` must be there.
pub fn paraphrase_settings(args: &ParaphraseArgs) -> Result<Option<ParaphraseSettings>> {
    if args.no_paraphrase {
        return Ok(None);
    }
    let dir = model_dir(args.model.as_deref())?;
    let files = ModelFiles::new(&dir);
    if !files.is_complete() && args.model.is_none() {
        eprintln!(
            "note: no sentence model in {} — paraphrase detection is off, lexical reuse only \
             (`echotrace model fetch` installs it; --no-paraphrase silences this)",
            dir.display()
        );
        return Ok(None);
    }
    let encoder = MiniLmEncoder::load(&dir)
        .with_context(|| format!("cannot load the sentence model in {}", dir.display()))?;
    let mut settings = ParaphraseSettings::new(Arc::new(encoder));
    settings.scorer = settings.scorer.with_threshold(args.paraphrase_threshold);
    Ok(Some(settings))
}

/// Runs the analyzer with a progress bar per stage on stderr (unless `progress` is off).
pub fn analyze(
    store: &mut Store,
    db: &Path,
    stages: Stages,
    paraphrase: Option<ParaphraseSettings>,
    batch: usize,
    progress: bool,
    cancel: &AtomicBool,
) -> Result<AnalyzeReport> {
    let bars = Bars {
        visible: progress,
        bar: Mutex::new(None),
    };
    let analyzer = Analyzer::default()
        .with_stages(stages)
        .with_batch(batch)
        .with_paraphrase(paraphrase);
    Ok(analyzer.run(store, db, &bars, cancel)?)
}

/// One indicatif bar for the stage in progress.
struct Bars {
    visible: bool,
    bar: Mutex<Option<ProgressBar>>,
}

impl AnalyzeProgress for Bars {
    fn start(&self, stage: Stage, total: u64) {
        if !self.visible || total == 0 {
            return;
        }
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(
                "{prefix:>7} [{elapsed_precise}] {wide_bar} {pos}/{len} documents ({eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.set_prefix(stage.as_str());
        if let Ok(mut slot) = self.bar.lock() {
            *slot = Some(bar);
        }
    }

    fn advance(&self, _stage: Stage, n: u64) {
        if let Ok(slot) = self.bar.lock() {
            if let Some(bar) = slot.as_ref() {
                bar.inc(n);
            }
        }
    }

    fn finish(&self, _stage: Stage) {
        if let Ok(mut slot) = self.bar.lock() {
            if let Some(bar) = slot.take() {
                bar.finish_and_clear();
            }
        }
    }

    fn clustering(&self) {
        if !self.visible {
            return;
        }
        let spinner = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        spinner.set_style(
            ProgressStyle::with_template(
                "{prefix:>7} [{elapsed_precise}] {spinner} rebuilding from every alignment",
            )
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        spinner.set_prefix("clusters");
        spinner.enable_steady_tick(std::time::Duration::from_millis(120));
        if let Ok(mut slot) = self.bar.lock() {
            *slot = Some(spinner);
        }
    }

    fn clustered(&self) {
        if let Ok(mut slot) = self.bar.lock() {
            if let Some(spinner) = slot.take() {
                spinner.finish_and_clear();
            }
        }
    }
}
