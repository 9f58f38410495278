use super::{find_document, open_existing_store, CharOffsetCache};
use crate::cli::QuotesArgs;
use anyhow::Result;
use echotrace_eval::quotes::SystemQuote;
use echotrace_store::{QuoteQuery, Store, StoredQuote};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// A stored quote in the scorer's format (code-point spans).
pub fn system_quote(q: &StoredQuote, offsets: &mut CharOffsetCache<'_>) -> Result<SystemQuote> {
    let mut span = |s| offsets.span(&q.doc, s);
    let content = q.content.iter().map(|&s| span(s)).collect::<Result<_>>()?;
    let source = q.source.map(|s| span(s).map(|x| vec![x])).transpose()?;
    let cue = q.cue.map(|s| span(s).map(|x| vec![x])).transpose()?;
    Ok(SystemQuote {
        doc: q.doc.to_string(),
        content,
        source,
        cue,
        speaker: q.speaker.clone(),
        kind: Some(q.kind.clone()),
    })
}

pub fn run(args: QuotesArgs, db: &Path) -> Result<ExitCode> {
    let store = open_existing_store(db)?;
    let mut query = QuoteQuery::default()
        .speech_only(args.speech)
        .limit(args.limit);
    if let Some(doc) = &args.doc {
        query = query.doc(find_document(&store, doc, db)?.id);
    }
    if let Some(speaker) = &args.speaker {
        query = query.speaker(speaker.as_str());
    }
    let quotes = store.find_quotes(&query)?;
    let mut offsets = CharOffsetCache::new(&store);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        for q in &quotes {
            serde_json::to_writer(&mut out, &system_quote(q, &mut offsets)?)?;
            out.write_all(b"\n")?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if quotes.is_empty() {
        writeln!(out, "no quotes (run `echotrace analyze` after ingesting)")?;
    }
    for q in &quotes {
        print_quote(&mut out, &store, q)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `speaker (mention) cue [kind]: content`, one quote a paragraph.
pub fn print_quote(out: &mut impl Write, store: &Store, q: &StoredQuote) -> Result<()> {
    let Some(doc) = store.document(&q.doc)? else {
        return Ok(());
    };
    let text = doc.text.as_str();
    let speaker = q.speaker.as_deref().unwrap_or("(unresolved)");
    let mention = q
        .source
        .map(|s| format!(" ({})", s.slice(text)))
        .unwrap_or_default();
    let cue = q.cue.map(|s| s.slice(text).to_string()).unwrap_or_default();
    let content: Vec<&str> = q.content.iter().map(|s| s.slice(text)).collect();
    writeln!(
        out,
        "{}  {speaker}{mention} {cue} [{}]\n    {}\n",
        q.doc,
        q.kind,
        super::clusters::snippet(&content.join(" … "), 300)
    )?;
    Ok(())
}
