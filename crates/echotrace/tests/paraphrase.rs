//! The paraphrase stage through the binary: without a model (said once, lexical reuse only),
//! with the real model on the seed page, and `eval paraphrase` on real MRPC pairs.
//!
//! The tests that need all-MiniLM-L6-v2 look for it where `echotrace model fetch` puts it; in
//! CI a missing model fails them, elsewhere they say they are skipped.

use assert_cmd::Command;
use echotrace_paraphrase::ModelFiles;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed() -> PathBuf {
    repo().join("tests/fixtures/txt/000_1da12e83afc5f8cf.txt")
}

fn echotrace(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("echotrace").expect("the echotrace binary is built");
    cmd.env_remove("ECHOTRACE_DB").arg("--db").arg(db);
    cmd
}

fn model_dir() -> Option<PathBuf> {
    let dir = ModelFiles::default_dir()?;
    if ModelFiles::new(&dir).is_complete() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "no sentence model in {}: run `echotrace model fetch`",
            dir.display()
        );
    }
    eprintln!("skipped: no sentence model in {}", dir.display());
    None
}

fn run_json(cmd: &mut Command) -> (Value, String) {
    let out = cmd.output().expect("echotrace runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "echotrace failed: {stderr}");
    (
        serde_json::from_slice(&out.stdout).expect("stdout is JSON"),
        stderr,
    )
}

#[test]
fn without_a_model_analyze_says_so_once_and_finds_lexical_reuse() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    echotrace(&db)
        .args(["ingest", "--quiet"])
        .arg(seed())
        .assert()
        .success();
    let (report, stderr) = run_json(
        echotrace(&db)
            .env("ECHOTRACE_MODEL", dir.path().join("empty"))
            .args(["analyze", "--quiet", "--json"]),
    );
    assert_eq!(stderr.matches("no sentence model").count(), 1, "{stderr}");
    assert!(stderr.contains("echotrace model fetch"), "{stderr}");
    assert_eq!(report["paraphrase_documents"], 0);
    assert!(report["alignments_found"].as_u64().unwrap() >= 1);
    // A model named on the command line must be there.
    let out = echotrace(&db)
        .args(["analyze", "--quiet", "--model"])
        .arg(dir.path().join("nowhere"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nowhere"));
}

#[test]
fn with_the_model_line_2_of_the_seed_joins_its_lead_as_a_paraphrase() {
    let Some(model) = model_dir() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    echotrace(&db)
        .args(["ingest", "--quiet"])
        .arg(seed())
        .assert()
        .success();
    let (report, _) = run_json(
        echotrace(&db)
            .args(["analyze", "--quiet", "--json", "--model"])
            .arg(&model),
    );
    assert_eq!(report["paraphrase_documents"], 1);
    assert!(
        report["paraphrases_found"].as_u64().unwrap() >= 1,
        "{report}"
    );

    let (doc, _) = run_json(echotrace(&db).args(["show", "000_1da12e83afc5f8cf", "--json"]));
    let text = std::fs::read_to_string(seed()).unwrap();
    let line_start: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .map(|b| text[..b].chars().count())
        .collect();
    let line_of = |cp: u64| line_start.iter().filter(|&&s| s as u64 <= cp).count();
    let reuse = doc["reuse"].as_array().unwrap();
    let line2 = reuse
        .iter()
        .find(|p| line_of(p["start"].as_u64().unwrap()) == 2)
        .unwrap_or_else(|| panic!("line 2 is in no cluster: {reuse:#?}"));
    assert_eq!(line2["edit"], "paraphrase");
    assert!(
        line2["paraphrase_score"].as_f64().unwrap()
            >= echotrace_paraphrase::score::ANALYZER_THRESHOLD
    );
    let cluster = &line2["cluster"];
    let lines: Vec<usize> = reuse
        .iter()
        .filter(|p| &p["cluster"] == cluster)
        .map(|p| line_of(p["start"].as_u64().unwrap()))
        .collect();
    assert!(lines.contains(&3) && lines.contains(&7), "{lines:?}");

    // The export says which member is the paraphrase.
    let out = echotrace(&db)
        .args(["export", "clusters"])
        .output()
        .unwrap();
    let export = String::from_utf8_lossy(&out.stdout);
    assert!(export
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .any(|c| c["edit"]
            .as_array()
            .is_some_and(|e| e.iter().any(|x| x == "paraphrase"))));
}

#[test]
fn eval_paraphrase_fits_on_training_pairs_and_scores_held_out_ones() {
    let Some(model) = model_dir() else {
        return;
    };
    let mrpc = repo().join("../shared/eval/reuse/mrpc/msr_paraphrase_train.txt");
    let text = std::fs::read_to_string(&mrpc).unwrap_or_else(|e| panic!("{}: {e}", mrpc.display()));
    let lines: Vec<&str> = text.lines().collect();
    let dir = tempfile::tempdir().unwrap();
    let (train, test) = (dir.path().join("train.tsv"), dir.path().join("test.tsv"));
    std::fs::write(&train, [&lines[..1], &lines[1..201]].concat().join("\n")).unwrap();
    std::fs::write(&test, [&lines[..1], &lines[201..301]].concat().join("\n")).unwrap();
    let output = dir.path().join("pairs.jsonl");
    let db = dir.path().join("unused.db");
    let (figures, _) = run_json(
        echotrace(&db)
            .args(["eval", "paraphrase", "--json", "--model"])
            .arg(&model)
            .arg("--train")
            .arg(&train)
            .arg("--output")
            .arg(&output)
            .arg(&test),
    );
    assert_eq!(figures["pairs"], 100);
    assert_eq!(figures["train_pairs"], 200);
    let (acc, f1) = (
        figures["accuracy"].as_f64().unwrap(),
        figures["f1"].as_f64().unwrap(),
    );
    // Better than answering "paraphrase" always on these pairs, and not perfect.
    let positives = lines[201..301]
        .iter()
        .filter(|l| l.starts_with('1'))
        .count() as f64;
    assert!(acc > positives / 100.0 && acc < 1.0, "{figures}");
    assert!(f1 > 0.7, "{figures}");
    let written: Vec<Value> = std::fs::read_to_string(&output)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(written.len(), 100);
    let threshold = figures["threshold"].as_f64().unwrap();
    let agree = written
        .iter()
        .filter(|w| w["paraphrase"] == (w["probability"].as_f64().unwrap() >= threshold))
        .count();
    assert_eq!(agree, 100);
    // Accuracy recomputed from the written decisions.
    let correct = written
        .iter()
        .filter(|w| w["paraphrase"] == w["label"])
        .count();
    assert!((correct as f64 / 100.0 - acc).abs() < 1e-9);

    // A malformed pair file is an error naming the file and line.
    std::fs::write(
        &test,
        "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\tonly two\n",
    )
    .unwrap();
    let out = echotrace(&db)
        .args(["eval", "paraphrase", "--json", "--model"])
        .arg(&model)
        .arg(&test)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("test.tsv") && err.contains("line 2"), "{err}");
}
