#!/usr/bin/env bash
# Side-by-side benchmark of echotrace's reuse engine (the crate's corpus harness, no SQLite)
# and the datasketch MinHash-LSH peer (bench/reuse/minhash_peer.py), on the same corpus, in
# one run; then the incremental +1,000 figure and the time per document at 5k/10k/20k/40k
# background documents. See bench/reuse/README.md.
#
#   bench/reuse/run.sh            # corpora under $BENCH_DIR (default /tmp/echotrace-bench)
#   PYTHON=/tmp/bench-venv/bin/python SIZES="5000 10000" bench/reuse/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
BENCH_DIR="${BENCH_DIR:-/tmp/echotrace-bench}"
PYTHON="${PYTHON:-/tmp/bench-venv/bin/python}"
SIZES="${SIZES:-5000 10000 20000 40000}"
MAIN_SIZE="${MAIN_SIZE:-20000}"
HARNESS="$ROOT/target/release/examples/reuse_corpus"
mkdir -p "$BENCH_DIR"

corpus() { # background size -> corpus dir (made once)
  local dir="$BENCH_DIR/seed2-bg$1"
  if [ ! -s "$dir/corpus.jsonl" ]; then
    python3 "$SHARED/eval/reuse/make_corpus.py" --out "$dir" --seed 2 --background "$1" >&2
  fi
  echo "$dir"
}

timed() { # label, command... -> prints wall seconds and peak RSS from /usr/bin/time -v
  local label=$1; shift
  local log="$BENCH_DIR/$label.time"
  /usr/bin/time -v "$@" 2>"$log" >/dev/null || { cat "$log" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  printf '%-34s wall %8.2f s   peak RSS %6s MB\n' "$label" "$wall" "$rss"
}

# Scores a system file twice: as is, and restricted to the labelled documents (those of the
# same seed's corpus without background). The background is drawn from a word-bigram model of
# the articles and does reproduce runs of them (long ones in languages with few word
# forms per context), which the gold does not label: pair precision on the whole corpus
# counts those finds as errors.
score() {
  local gold=$1 sys=$2 labelled="$(corpus 0)/corpus.jsonl"
  python3 - "$SHARED/eval/reuse" "$gold" "$sys" "$labelled" <<'PY'
import json, sys
sys.path.insert(0, sys.argv[1])
from score import score, load
gold, system = load(sys.argv[2]), load(sys.argv[3])
ids = {json.loads(l)["id"] for l in open(sys.argv[4])}
kept = []
for c in system:
    ms = [m for m in c["members"] if m["doc"] in ids]
    if len({m["doc"] for m in ms}) >= 2:
        kept.append({"cluster": c["cluster"], "members": ms})
for name, sysc in (("whole corpus", system), ("labelled docs", kept)):
    s = score(gold, sysc)
    print("    %-13s pair F1 %.4f  char F1 %.4f  parent %.4f  origin %.4f" % (
        name, s["pair_f1"], s["char_f1"], s["parent_acc"], s["origin_acc"]))
PY
}

echo "== build"
(cd "$ROOT" && cargo build --release -p echotrace-reuse --example reuse_corpus 2>&1 | tail -1)
"$PYTHON" -c 'import datasketch' || { echo "datasketch missing: see bench/reuse/README.md"; exit 1; }

echo "== machine: $(nproc) cores; $(uptime)"
MAIN=$(corpus "$MAIN_SIZE")
echo "== side by side on $MAIN ($(wc -l <"$MAIN/corpus.jsonl") documents, $(du -m "$MAIN/corpus.jsonl" | cut -f1) MB)"
timed "echotrace (read+index+align+rank)" "$HARNESS" "$MAIN/corpus.jsonl" --out "$BENCH_DIR/echotrace.jsonl"
score "$MAIN/gold.jsonl" "$BENCH_DIR/echotrace.jsonl"
timed "datasketch MinHash-LSH peer" "$PYTHON" "$ROOT/bench/reuse/minhash_peer.py" "$MAIN/corpus.jsonl" --out "$BENCH_DIR/minhash.jsonl" --jobs "$(nproc)"
score "$MAIN/gold.jsonl" "$BENCH_DIR/minhash.jsonl"
echo "   load after: $(uptime | sed 's/.*load/load/')"

echo "== incremental: analyze +1,000 documents after the rest"
"$HARNESS" "$MAIN/corpus.jsonl" --increment 1000 2>&1 | grep -E "^(analyzed|incremental)"

echo "== growth: time per document (harness analyze = index+align, and whole run)"
for n in $SIZES; do
  dir=$(corpus "$n")
  log="$BENCH_DIR/growth-$n.log"
  /usr/bin/time -v "$HARNESS" "$dir/corpus.jsonl" >"$log" 2>&1
  docs=$(wc -l <"$dir/corpus.jsonl")
  python3 - "$log" "$docs" "$n" <<'PY'
import re, sys
log, docs, n = open(sys.argv[1]).read(), int(sys.argv[2]), sys.argv[3]
def secs(s):
    m = re.match(r"([\d.]+)(ms|s|µs)", s); v = float(m.group(1))
    return v / 1000 if m.group(2) == "ms" else (v / 1e6 if m.group(2) == "µs" else v)
an = secs(re.search(r"alignments in ([\d.]+(?:ms|s|µs))", log).group(1))
wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", log).group(1).split(":")
w = 0.0
for p in wall: w = w * 60 + float(p)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", log).group(1)) / 1024
print(f"  background {n:>6}: {docs:>6} docs  analyze {an:7.2f} s ({an / docs * 1e6:6.0f} µs/doc)  whole run {w:7.2f} s ({w / docs * 1e6:6.0f} µs/doc)  peak RSS {rss:5.0f} MB")
PY
done
echo "== done; load: $(uptime | sed 's/.*load/load/')"
