use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "echotrace",
    version,
    about = "Trace text through the news: where each passage first appeared, who copied it, who said what.",
    after_help = "Examples:\n  echotrace ingest examples/demo\n  echotrace stats\n  echotrace show 000_1da12e83afc5f8cf --json\n  echotrace export docs > docs.jsonl"
)]
pub struct Cli {
    /// The SQLite store: created by `ingest`, read by the other commands.
    #[arg(
        long,
        global = true,
        default_value = "echotrace.db",
        env = "ECHOTRACE_DB"
    )]
    pub db: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Read documents from text, JSONL, HTML, WARC and RSS/Atom files into the store.
    #[command(
        after_help = "Examples:\n  echotrace ingest examples/demo\n  echotrace ingest crawl.warc.gz feeds/ --db news.db\n  cat page.html | echotrace ingest -\n\nExit status: 0 when every record landed, 2 when some were rejected (each is reported on stderr with file, line or record, and reason), 1 on error, 130 when interrupted (documents already committed stay; re-running completes the job)."
    )]
    Ingest(IngestArgs),
    /// Show one document: metadata and body.
    #[command(
        after_help = "Examples:\n  echotrace show dbef750110c\n  echotrace show dbef750110c --json"
    )]
    Show(ShowArgs),
    /// Counts of what the store holds.
    #[command(after_help = "Examples:\n  echotrace stats\n  echotrace stats --json")]
    Stats(StatsArgs),
    /// Export what the store holds.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Measure a stage against a labelled benchmark with the benchmark's own metric.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Files or directories (recursive); `-` reads standard input. `.gz` is read transparently.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// No progress bar and no per-record messages; the summary and rejections still go to stderr.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// Documents written per transaction: a crash or Ctrl-C loses at most this many.
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub batch: u32,
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// The document id (as given at ingest, or the content hash echotrace made).
    pub doc: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct StatsArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// Every document as JSONL in the ingest format (`id`, `source`, `url`, `date`, `title`,
    /// `text`, …), so that export → ingest round-trips.
    #[command(
        after_help = "Examples:\n  echotrace export docs > docs.jsonl\n  echotrace export docs --output docs.jsonl"
    )]
    Docs(ExportDocsArgs),
}

#[derive(Args, Debug)]
pub struct ExportDocsArgs {
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// Article-body extraction on a Scrapinghub- or WCXB-layout benchmark directory.
    #[command(
        after_help = "Examples:\n  echotrace eval extraction ../shared/eval/extraction/scrapinghub\n  echotrace eval extraction ../shared/eval/extraction/wcxb-dev-articles --json --output wcxb.json\n  echotrace eval extraction DIR --extractor all"
    )]
    Extraction(EvalExtractionArgs),
}

#[derive(Args, Debug)]
pub struct EvalExtractionArgs {
    /// Benchmark directory: `ground-truth.json` + `html/` (Scrapinghub) or `ground-truth/` + `html/` (WCXB).
    pub dir: PathBuf,
    /// Print the figures as one JSON object (`precision`, `recall`, `f1`, `accuracy`, `pages`, …).
    #[arg(long)]
    pub json: bool,
    /// Write the extracted bodies in the benchmark's format (`{"ID": {"articleBody": "…"}}`).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Which extractor to measure: `echotrace` (default), another by name, or `all`.
    #[arg(long, default_value = "echotrace")]
    pub extractor: String,
    /// Fail (exit 1) when F1 is below this value.
    #[arg(long)]
    pub min_f1: Option<f64>,
}
