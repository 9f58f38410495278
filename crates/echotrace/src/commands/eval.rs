use crate::cli::EvalExtractionArgs;
use crate::output::print_json;
use anyhow::{Context, Result};
use echotrace_eval::extraction::{self, Benchmark};
use echotrace_extract::{all_extractors, ArticleExtractor};
use serde_json::{json, Map, Value};
use std::process::ExitCode;

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
