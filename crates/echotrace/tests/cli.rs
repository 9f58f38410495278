//! End-to-end tests of the `echotrace` binary on the real files in `tests/fixtures/`.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(rel: &str) -> PathBuf {
    repo().join("tests/fixtures").join(rel)
}

fn echotrace(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("echotrace").expect("the echotrace binary is built");
    // Lexical reuse only, whatever model the machine has: the paraphrase stage is tested in
    // tests/paraphrase.rs.
    cmd.env_remove("ECHOTRACE_DB")
        .env("ECHOTRACE_MODEL", db.with_extension("no-model"))
        .arg("--db")
        .arg(db);
    cmd
}

fn json_stdout(cmd: &mut Command) -> Value {
    let out = cmd.output().expect("echotrace runs");
    assert!(
        out.status.success(),
        "echotrace failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn ingest_json(db: &Path, paths: &[PathBuf]) -> (i32, Value, String) {
    let out = echotrace(db)
        .arg("ingest")
        .arg("--quiet")
        .arg("--json")
        .args(paths)
        .output()
        .expect("echotrace runs");
    let report = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap_or(-1),
        report,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn seed_page_ingests_with_its_byline_as_source_and_lines_2_to_11_as_body() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let seed = fixture("txt/000_1da12e83afc5f8cf.txt");
    let (code, report, stderr) = ingest_json(&db, std::slice::from_ref(&seed));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(report["added"], 1);

    let doc = json_stdout(echotrace(&db).args(["show", "000_1da12e83afc5f8cf", "--json"]));
    let text = std::fs::read_to_string(&seed).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(doc["source"], "Sputnik");
    assert_eq!(doc["text"], text.as_str(), "the text is kept byte-exact");
    assert_eq!(doc["body"], lines[1..11].join("\n").as_str());
    let body_start = doc["body_start"].as_u64().unwrap() as usize;
    assert_eq!(body_start, lines[0].chars().count() + 1);
    assert!(!doc["body"].as_str().unwrap().contains("Post a Comment"));
    assert_eq!(doc["language"], "eng");

    // The same document, asked for by its id, is the same.
    let id = doc["id"].as_str().unwrap();
    let again = json_stdout(echotrace(&db).args(["show", id, "--json"]));
    assert_eq!(again, doc);
}

#[test]
fn re_ingesting_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let inputs = [fixture("jsonl"), fixture("txt")];
    let (code, first, _) = ingest_json(&db, &inputs);
    assert_eq!(code, 0);
    let added = first["added"].as_u64().unwrap();
    assert!(added > 5, "{first}");
    let (code, second, _) = ingest_json(&db, &inputs);
    assert_eq!(code, 0);
    assert_eq!(second["added"], 0);
    assert_eq!(second["unchanged"].as_u64(), Some(added));
    let stats = json_stdout(echotrace(&db).args(["stats", "--json"]));
    assert_eq!(stats["stats"]["documents"].as_u64(), Some(added));
    assert_eq!(stats["stats"]["ingest_runs"], 2);
}

#[test]
fn every_format_becomes_documents() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let jsonl_lines = std::fs::read_to_string(fixture("jsonl/corpus-slice.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("warc/pages.manifest.json")).unwrap(),
    )
    .unwrap();
    let warc_docs = manifest
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["expect"] == "document")
        .count();
    let html_pages = std::fs::read_dir(fixture("html")).unwrap().count();
    let rss = std::fs::read_to_string(fixture("feeds/digest.rss")).unwrap();
    let rss_items = rss.matches("<item>").count() + rss.matches("<item ").count();

    let mut added = 0;
    for (input, docs) in [
        ("txt", 1),
        ("jsonl/corpus-slice.jsonl", jsonl_lines),
        ("html", html_pages),
        ("warc/pages.warc.gz", warc_docs),
        ("feeds/digest.rss", rss_items),
    ] {
        let (code, report, stderr) = ingest_json(&db, &[fixture(input)]);
        assert_eq!(code, 0, "{input}: {stderr}");
        assert_eq!(
            report["documents_read"].as_u64(),
            Some(docs as u64),
            "{input}: {report}"
        );
        added += report["added"].as_u64().unwrap();
        // Nothing read is lost: each document was added or is the same text as one stored.
        assert_eq!(
            report["added"].as_u64().unwrap()
                + report["unchanged"].as_u64().unwrap()
                + report["same_text_other_metadata"].as_u64().unwrap(),
            docs as u64,
            "{input}: {report}"
        );
    }
    assert!(warc_docs >= 2 && rss_items >= 2 && html_pages >= 3);
    let stats = json_stdout(echotrace(&db).args(["stats", "--json"]));
    assert_eq!(stats["stats"]["documents"].as_u64(), Some(added));

    // A WARC page keeps its target URI as URL.
    let first_page = manifest
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["expect"] == "document")
        .unwrap();
    let url = first_page["url"].as_str().unwrap();
    let export = echotrace(&db).args(["export", "docs"]).output().unwrap();
    let exported = String::from_utf8(export.stdout).unwrap();
    assert!(exported.lines().any(|l| {
        let v: Value = serde_json::from_str(l).unwrap();
        v["url"] == url && v["text"].as_str().is_some_and(|t| t.len() > 200)
    }));
}

#[test]
fn broken_inputs_are_reported_and_the_rest_lands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let (code, report, stderr) = ingest_json(&db, &[fixture("broken")]);
    assert_eq!(code, 2, "exit status 2 says something was rejected");
    let rejections = report["rejections"].as_array().unwrap();
    let rejected_files: Vec<&str> = rejections
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    for name in [
        "malformed-line.jsonl",
        "garbage.txt",
        "empty-body.txt",
        "truncated.warc",
        "truncated.jsonl.gz",
    ] {
        assert!(
            rejected_files.iter().any(|f| f.ends_with(name)),
            "{name} not reported: {rejected_files:?}"
        );
        assert!(stderr.contains(name), "{name} not on stderr: {stderr}");
    }
    let malformed = rejections
        .iter()
        .find(|r| {
            r["file"]
                .as_str()
                .unwrap()
                .ends_with("malformed-line.jsonl")
        })
        .unwrap();
    assert!(malformed["location"]
        .as_str()
        .is_some_and(|l| l.starts_with("line ")));
    // The good lines of the file with a malformed line still landed.
    let good_lines = std::fs::read_to_string(fixture("broken/malformed-line.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| serde_json::from_str::<Value>(l).is_ok())
        .count();
    assert!(good_lines >= 2);
    assert!(
        report["added"].as_u64().unwrap() >= good_lines as u64,
        "{report}"
    );
}

#[test]
fn export_then_ingest_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let (db1, db2) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let (code, _, stderr) = ingest_json(&db1, &[fixture("jsonl"), fixture("txt"), fixture("html")]);
    assert_eq!(code, 0, "{stderr}");
    let exported = dir.path().join("docs.jsonl");
    echotrace(&db1)
        .args(["export", "docs", "--output"])
        .arg(&exported)
        .assert()
        .success();
    let (code, report, stderr) = ingest_json(&db2, std::slice::from_ref(&exported));
    assert_eq!(code, 0, "{stderr}");
    assert!(report["added"].as_u64().unwrap() > 5);
    let again = echotrace(&db2).args(["export", "docs"]).output().unwrap();
    assert_eq!(
        String::from_utf8(again.stdout).unwrap(),
        std::fs::read_to_string(&exported).unwrap()
    );
}

#[test]
fn standard_input_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    echotrace(&db)
        .args(["ingest", "--quiet", "-"])
        .write_stdin(std::fs::read(fixture("txt/000_1da12e83afc5f8cf.txt")).unwrap())
        .assert()
        .success();
    let stats = json_stdout(echotrace(&db).args(["stats", "--json"]));
    assert_eq!(stats["stats"]["documents"], 1);
    assert_eq!(stats["sources"][0]["name"], "Sputnik");
}

#[test]
fn unknown_document_and_missing_store_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    echotrace(&db)
        .args(["show", "nope"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no store at"));
    echotrace(&db)
        .args(["ingest", "--quiet"])
        .arg(fixture("txt"))
        .assert()
        .success();
    echotrace(&db)
        .args(["show", "nope"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no document \"nope\""));
}

/// `eval extraction` on a small benchmark in the Scrapinghub layout agrees with the
/// reference `evaluate.py` run on the bodies it wrote.
#[test]
fn eval_extraction_agrees_with_the_reference_scorer() {
    let shared = repo().join("../shared/eval/extraction/scrapinghub");
    if !shared.exists() {
        panic!(
            "the shared evaluation data is missing at {}",
            shared.display()
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let bench = dir.path().join("bench");
    std::fs::create_dir_all(bench.join("html")).unwrap();
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(shared.join("ground-truth.json")).unwrap())
            .unwrap();
    let mut subset = serde_json::Map::new();
    for (id, value) in truth.as_object().unwrap().iter().take(12) {
        subset.insert(id.clone(), value.clone());
        let page = format!("{id}.html.gz");
        std::fs::copy(
            shared.join("html").join(&page),
            bench.join("html").join(&page),
        )
        .unwrap();
    }
    std::fs::write(
        bench.join("ground-truth.json"),
        serde_json::to_string(&subset).unwrap(),
    )
    .unwrap();
    std::fs::create_dir_all(bench.join("output")).unwrap();
    let predictions = bench.join("output/echotrace.json");
    let ours = json_stdout(
        echotrace(&dir.path().join("unused.db"))
            .args(["eval", "extraction", "--json", "--output"])
            .arg(&predictions)
            .arg(&bench),
    );
    assert_eq!(ours["pages"], 12);
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&predictions).unwrap()).unwrap();
    assert_eq!(written.as_object().unwrap().len(), 12);

    let out = std::process::Command::new("python3")
        .arg(shared.join("evaluate.py"))
        .args(["--n-bootstrap", "2", "--output", "scores.json"])
        .current_dir(&bench)
        .output()
        .expect("python3 runs the reference scorer");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reference: Value =
        serde_json::from_str(&std::fs::read_to_string(bench.join("scores.json")).unwrap()).unwrap();
    for key in ["precision", "recall", "f1", "accuracy"] {
        let theirs = reference["echotrace"][key].as_f64().unwrap();
        let mine = ours[key].as_f64().unwrap();
        assert!(
            (theirs - mine).abs() < 5e-4,
            "{key}: ours {mine}, reference {theirs}"
        );
    }
}

/// Ctrl-C during a long ingest keeps every committed batch, exits 130, and the same command
/// run again completes the job without duplicating anything.
#[test]
fn interrupted_ingest_resumes_without_loss_or_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let slice = std::fs::read_to_string(fixture("jsonl/corpus-slice.jsonl")).unwrap();
    let records: Vec<Value> = slice
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Many distinct documents from real text: each copy gets its own id.
    let big = dir.path().join("big.jsonl");
    let mut out = String::new();
    let copies = 3000;
    for i in 0..copies {
        let mut r = records[i % records.len()].clone();
        r["id"] = Value::String(format!("copy-{i}"));
        out.push_str(&r.to_string());
        out.push('\n');
    }
    std::fs::write(&big, out).unwrap();

    let bin = assert_cmd::cargo::cargo_bin("echotrace");
    let mut child = std::process::Command::new(&bin)
        .arg("--db")
        .arg(&db)
        .args(["ingest", "--quiet", "--batch", "50"])
        .arg(&big)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the first batches are committed, then interrupt.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while std::time::Instant::now() < deadline {
        if db.exists() && std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0) > 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    std::thread::sleep(std::time::Duration::from_millis(30));
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    let stored_after_interrupt = json_stdout(echotrace(&db).args(["stats", "--json"]))["stats"]
        ["documents"]
        .as_u64()
        .unwrap();
    if exit.code() == Some(130) {
        // The documents read before the interrupt were committed, not thrown away.
        assert!(stored_after_interrupt > 0 && stored_after_interrupt < copies as u64);
    } else {
        // The machine was fast enough to finish before the signal landed.
        assert_eq!(exit.code(), Some(0));
    }
    let (code, report, stderr) = ingest_json(&db, std::slice::from_ref(&big));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(report["unchanged"].as_u64(), Some(stored_after_interrupt));
    let stats = json_stdout(echotrace(&db).args(["stats", "--json"]));
    assert_eq!(stats["stats"]["documents"].as_u64(), Some(copies as u64));
}

fn shared_eval() -> PathBuf {
    let dir = repo().join("../shared/eval");
    assert!(
        dir.exists(),
        "the shared evaluation data is missing at {}",
        dir.display()
    );
    dir
}

fn python_scorer_json(script: &Path, args: &[&Path]) -> Value {
    let out = std::process::Command::new("python3")
        .arg(script)
        .args(args)
        .arg("--json")
        .output()
        .expect("python3 runs the reference scorer");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the scorer prints JSON")
}

/// Runs one of the shared corpus generators into `out`.
fn generate_corpus(script: &Path, seed: u32, out: &Path) {
    let made = std::process::Command::new("python3")
        .arg(script)
        .arg("--out")
        .arg(out)
        .args(["--seed", &seed.to_string()])
        .output()
        .expect("python3 runs the generator");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
}

fn assert_same_figures(ours: &Value, reference: &Value) {
    let reference = reference.as_object().unwrap();
    assert!(!reference.is_empty());
    for (key, theirs) in reference {
        let mine = &ours[key];
        match (mine.as_f64(), theirs.as_f64()) {
            (Some(a), Some(b)) => assert!((a - b).abs() < 5e-4, "{key}: ours {a}, reference {b}"),
            _ => panic!("{key}: ours {mine}, reference {theirs}"),
        }
    }
}

/// `eval reuse` on the generator's dev corpus prints what `score.py` computes from the
/// clusters it wrote, and the reuse engine finds the reuse.
#[test]
fn eval_reuse_agrees_with_the_reference_scorer() {
    let eval = shared_eval();
    let dir = tempfile::tempdir().unwrap();
    generate_corpus(&eval.join("reuse/make_corpus.py"), 3, dir.path());
    let (corpus, gold, out) = (
        dir.path().join("corpus.jsonl"),
        dir.path().join("gold.jsonl"),
        dir.path().join("clusters.jsonl"),
    );
    let ours = json_stdout(
        echotrace(&dir.path().join("unused.db"))
            .args(["eval", "reuse", "--json", "--corpus"])
            .arg(&corpus)
            .arg("--gold")
            .arg(&gold)
            .arg("--output")
            .arg(&out),
    );
    let reference = python_scorer_json(&eval.join("reuse/score.py"), &[&gold, &out]);
    assert_same_figures(&ours, &reference);
    assert!(ours["pair_f1"].as_f64().unwrap() > 0.95, "{ours}");
}

/// `eval quotes` on PolNeAR dev prints what `score.py` computes from the quotes it wrote.
#[test]
fn eval_quotes_agrees_with_the_reference_scorer() {
    let eval = shared_eval();
    let dir = tempfile::tempdir().unwrap();
    let gold = eval.join("quotes/polnear/dev");
    let out = dir.path().join("quotes.jsonl");
    let ours = json_stdout(
        echotrace(&dir.path().join("unused.db"))
            .args(["eval", "quotes", "--json", "--output"])
            .arg(&out)
            .arg(&gold),
    );
    let reference = python_scorer_json(&eval.join("quotes/score.py"), &[&gold, &out]);
    assert_same_figures(&ours, &reference);
    assert!(ours["system_quotes"].as_u64().unwrap() > 1000);
}

/// The demo pipeline on the seed page: analyze finds the lead repeated on lines 3 and 7 and
/// the quotes of both presidents, and `quotes --speaker` finds Putin's across the store.
#[test]
fn analyze_finds_the_seed_pages_reuse_and_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let seed = fixture("txt/000_1da12e83afc5f8cf.txt");
    echotrace(&db)
        .args(["ingest", "--quiet"])
        .arg(&seed)
        .assert()
        .success();
    let report = json_stdout(echotrace(&db).args(["analyze", "--quiet", "--json"]));
    assert_eq!(report["quotes_documents"], 1);
    assert_eq!(report["reuse_documents"], 1);
    let again = json_stdout(echotrace(&db).args(["analyze", "--quiet", "--json"]));
    assert_eq!(
        again["quotes_documents"], 0,
        "a second analyze has nothing to do"
    );

    let doc = json_stdout(echotrace(&db).args(["show", "000_1da12e83afc5f8cf", "--json"]));
    let text = doc["text"].as_str().unwrap();
    let chars: Vec<char> = text.chars().collect();
    let shared = "the main goal of the terrorists was undermining constitutional order, the seizure of power and an attempted coup";
    let lines: Vec<&str> = text.lines().collect();
    let line_start =
        |n: usize| -> usize { lines[..n - 1].iter().map(|l| l.chars().count() + 1).sum() };
    let passages = doc["reuse"].as_array().unwrap();
    for line in [3, 7] {
        let (start, end) = (line_start(line), line_start(line + 1));
        let covering = passages.iter().any(|p| {
            let (s, e) = (
                p["start"].as_u64().unwrap() as usize,
                p["end"].as_u64().unwrap() as usize,
            );
            s >= start && e <= end && chars[s..e].iter().collect::<String>().contains(shared)
        });
        assert!(
            covering,
            "line {line}: no reused passage holds the shared span: {passages:?}"
        );
    }

    let quotes = doc["quotes"].as_array().unwrap();
    let speakers: std::collections::BTreeSet<&str> = quotes
        .iter()
        .filter_map(|q| q["speaker"].as_str())
        .collect();
    assert!(speakers.contains("Kassym-Jomart Tokayev") && speakers.contains("Vladimir Putin"));
    // Line 9's "Independence Square" is a translation, not speech.
    let line9 = (line_start(9), line_start(10));
    assert!(!quotes
        .iter()
        .any(|q| q["content"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c[0].as_u64().unwrap() as usize >= line9.0
                && (c[1].as_u64().unwrap() as usize) <= line9.1)));

    let out = echotrace(&db)
        .args(["quotes", "--json", "--speaker", "vladimir  PUTIN"])
        .output()
        .unwrap();
    let putin: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(putin.len(), 4, "{putin:?}");
    assert!(putin.iter().all(|q| q["speaker"] == "Vladimir Putin"));

    // Every quote of the seed is speech (`said`, `told`, `warned`, …): `--speech` keeps them
    // all, in the same order.
    let seed = |extra: &[&str]| {
        let out = echotrace(&db)
            .args(["quotes", "000_1da12e83afc5f8cf", "--json"])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let all = seed(&[]);
    assert!(all.lines().count() >= 13, "{all}");
    assert_eq!(seed(&["--speech"]), all);
}

/// `eval coordination` on a generated corpus prints what `score.py` computes from the network
/// it wrote; `network --graphml` writes a file Gephi can open.
#[test]
fn eval_coordination_agrees_with_the_reference_scorer() {
    let eval = shared_eval();
    let dir = tempfile::tempdir().unwrap();
    generate_corpus(&eval.join("coordination/make_corpus.py"), 5, dir.path());
    let (corpus, groups, out) = (
        dir.path().join("corpus.jsonl"),
        dir.path().join("groups.json"),
        dir.path().join("network.json"),
    );
    let ours = json_stdout(
        echotrace(&dir.path().join("unused.db"))
            .args(["eval", "coordination", "--json", "--corpus"])
            .arg(&corpus)
            .arg("--groups")
            .arg(&groups)
            .arg("--output")
            .arg(&out),
    );
    let reference = python_scorer_json(&eval.join("coordination/score.py"), &[&groups, &out]);
    assert_same_figures(&ours, &reference);
    assert!(ours["relay_f1"].as_f64().unwrap() > 0.8, "{ours}");

    // The same network from a store the user builds.
    let db = dir.path().join("t.db");
    echotrace(&db)
        .args(["ingest", "--quiet"])
        .arg(&corpus)
        .assert()
        .success();
    echotrace(&db)
        .args(["analyze", "--quiet", "--reuse-only"])
        .assert()
        .success();
    let graphml = dir.path().join("n.graphml");
    echotrace(&db)
        .args(["network", "--graphml"])
        .arg(&graphml)
        .assert()
        .success();
    let xml = std::fs::read_to_string(&graphml).unwrap();
    assert!(xml.starts_with("<?xml") && xml.contains("<graphml") && xml.contains("<edge "));
    let net = json_stdout(echotrace(&db).args(["network", "--json"]));
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(&groups).unwrap()).unwrap();
    let coordinated = net["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["kind"] == "coordinated")
        .count();
    assert_eq!(coordinated, gold["groups"].as_object().unwrap().len());
    // Every kept edge carries its evidence clusters.
    assert!(net["edges"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| !e["evidence"].as_array().unwrap().is_empty()));
}

/// On the demo corpus: clusters, their timelines and the narratives that group them agree
/// with each other.
#[test]
fn clusters_timelines_and_narratives_on_the_demo_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    echotrace(&db)
        .args(["ingest", "--quiet"])
        .arg(repo().join("examples/demo"))
        .assert()
        .success();
    echotrace(&db)
        .args(["analyze", "--quiet"])
        .assert()
        .success();
    let clusters = json_stdout(echotrace(&db).args(["clusters", "--json", "--limit", "5"]));
    let list = clusters["clusters"].as_array().unwrap();
    assert!(clusters["total"].as_u64().unwrap() >= 10);
    let biggest = &list[0];
    assert!(biggest["documents"].as_u64().unwrap() >= 3);
    let id = biggest["id"].as_str().unwrap();
    let timeline = json_stdout(echotrace(&db).args(["timeline", id, "--json"]));
    assert_eq!(timeline["total"], biggest["member_count"]);
    let bucketed: u64 = timeline["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["total"].as_u64().unwrap())
        .sum();
    assert_eq!(
        bucketed + timeline["imprecise"].as_u64().unwrap() + timeline["undated"].as_u64().unwrap(),
        timeline["total"].as_u64().unwrap()
    );

    let narratives = json_stdout(echotrace(&db).args(["narratives", "--json", "--limit", "1000"]));
    let all = narratives["narratives"].as_array().unwrap();
    assert!(!all.is_empty());
    // A cluster belongs to at most one narrative, and a narrative's timeline counts at
    // least the copies of each of its clusters.
    let mut seen = std::collections::HashSet::new();
    for n in all {
        for c in n["clusters"].as_array().unwrap() {
            assert!(
                seen.insert(c.as_str().unwrap().to_string()),
                "{c} in two narratives"
            );
        }
    }
    let first = &all[0];
    let nid = first["id"].as_str().unwrap();
    let nt = json_stdout(echotrace(&db).args(["timeline", nid, "--json"]));
    assert!(nt["total"].as_u64().unwrap() >= first["documents"].as_array().unwrap().len() as u64);
    echotrace(&db)
        .args(["timeline", "no-such-id"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no cluster or narrative"));
}

#[test]
fn exported_clusters_can_leave_out_text_a_page_repeats_inside_itself() {
    // The seed page repeats its lead (lines 3 and 7): a cluster inside one document, which
    // `export clusters` writes and `--across-documents` (what `eval reuse` scores) leaves out.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let seed = fixture("txt/000_1da12e83afc5f8cf.txt");
    let (code, _, stderr) = ingest_json(&db, std::slice::from_ref(&seed));
    assert_eq!(code, 0, "{stderr}");
    json_stdout(echotrace(&db).args(["analyze", "--quiet", "--json"]));
    let export = |extra: &[&str]| -> Vec<Value> {
        let out = echotrace(&db)
            .args(["export", "clusters"])
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect()
    };
    let all = export(&[]);
    assert_eq!(all.len(), 1, "{all:?}");
    let members = all[0]["members"].as_array().unwrap();
    assert!(members.len() >= 2);
    assert!(members.iter().all(|m| m["doc"] == members[0]["doc"]));
    assert!(export(&["--across-documents"]).is_empty());
}
