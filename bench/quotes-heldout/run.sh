#!/usr/bin/env bash
# Extract quotes from the held-out articles with an echotrace binary and score the speakers.
# usage: bench/quotes-heldout/run.sh [ECHOTRACE_BINARY]   (default: target/release/echotrace)
# QUOTES_FLAGS="--speech" scores speech alone.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../target/release/echotrace}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" --db "$work/a.db" ingest "$here/articles" --quiet >/dev/null 2>&1
"$bin" --db "$work/a.db" analyze --no-paraphrase --quiet >/dev/null 2>&1
"$bin" --db "$work/a.db" quotes --json --limit 1000000 ${QUOTES_FLAGS:-} >"$work/quotes.jsonl"
python3 "$here/score.py" "$work/quotes.jsonl" "${@:2}"
