mod analyze;
mod clusters;
mod eval;
mod export;
mod ingest;
pub mod model;
mod narratives;
mod network;
mod quotes;
mod show;
mod stats;

use crate::cli::{Cli, Command, EvalCommand, ExportCommand, ModelCommand};
use anyhow::{Context, Result};
use echotrace_core::{ByteSpan, CharOffsets, DocId, Document};
use echotrace_store::{FoundDocument, Store};
use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

pub fn run(cli: Cli) -> Result<ExitCode> {
    let db = cli.db.as_path();
    match cli.command {
        Command::Ingest(args) => ingest::run(args, db),
        Command::Analyze(args) => analyze::run(args, db),
        Command::Clusters(args) => clusters::run(args, db),
        Command::Quotes(args) => quotes::run(args, db),
        Command::Network(args) => network::run(args, db),
        Command::Narratives(args) => narratives::run(args, db),
        Command::Timeline(args) => narratives::timeline(args, db),
        Command::Serve(args) => {
            echotrace_server::serve(echotrace_server::ServerConfig {
                db: db.to_path_buf(),
                addr: args.addr,
                allow_ingest: args.allow_ingest,
                web_dir: args.web_dir,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Show(args) => show::run(args, db),
        Command::Stats(args) => stats::run(args, db),
        Command::Export(ExportCommand::Docs(args)) => export::docs(args, db),
        Command::Export(ExportCommand::Clusters(args)) => export::clusters(args, db),
        Command::Eval(EvalCommand::Extraction(args)) => eval::extraction(args),
        Command::Eval(EvalCommand::Reuse(args)) => eval::reuse(args),
        Command::Eval(EvalCommand::Quotes(args)) => eval::quotes(args),
        Command::Eval(EvalCommand::Coordination(args)) => eval::coordination(args),
        Command::Eval(EvalCommand::Paraphrase(args)) => eval::paraphrase(args),
        Command::Model(ModelCommand::Fetch(args)) => {
            model::fetch(args.dir.as_deref(), args.force, args.json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Model(ModelCommand::Status(args)) => model::status(args.dir.as_deref(), args.json),
    }
}

/// Opens the store, or says which file could not be opened and why.
fn open_store(path: &Path) -> Result<Store> {
    Store::open(path).with_context(|| format!("cannot open store {}", path.display()))
}

/// The document a user names: by id, else by the file it was read from.
fn find_document(store: &Store, name: &str, db: &Path) -> Result<Document> {
    match store.find_document(name)? {
        FoundDocument::One(doc) => Ok(*doc),
        FoundDocument::None => anyhow::bail!(
            "no document {name:?} in {} (ids are listed by `echotrace export docs`)",
            db.display()
        ),
        FoundDocument::Several(ids) => {
            let n = ids.len();
            let ids: Vec<&str> = ids.iter().take(5).map(|d| d.as_str()).collect();
            anyhow::bail!(
                "{n} documents came from files named {name:?}; name one by id: {}",
                ids.join(", ")
            )
        }
    }
}

/// Code-point offsets of stored documents, read once per document.
struct CharOffsetCache<'s> {
    store: &'s Store,
    offsets: HashMap<DocId, CharOffsets>,
}

impl<'s> CharOffsetCache<'s> {
    fn new(store: &'s Store) -> Self {
        CharOffsetCache {
            store,
            offsets: HashMap::new(),
        }
    }

    /// The code-point span of a byte span of document `doc`.
    fn span(&mut self, doc: &DocId, span: ByteSpan) -> Result<[usize; 2]> {
        if !self.offsets.contains_key(doc) {
            let text = self
                .store
                .document(doc)?
                .map(|d| d.text)
                .with_context(|| format!("document {doc} is referenced but not stored"))?;
            self.offsets.insert(doc.clone(), CharOffsets::new(&text));
        }
        let map = &self.offsets[doc];
        Ok([map.to_char(span.start), map.to_char(span.end)])
    }
}

/// Opens a store that must exist already: reading commands never create an empty one by typo.
fn open_existing_store(path: &Path) -> Result<Store> {
    if !path.exists() {
        anyhow::bail!(
            "no store at {} (run `echotrace ingest PATH --db {}` first, or pass --db)",
            path.display(),
            path.display()
        );
    }
    open_store(path)
}
