#!/usr/bin/env bash
# The main job on the bundled demo corpus (README): build, ingest every demo input into
# demo.db, then show what the store holds and the seed page as echotrace reads it.
# Re-running is safe: ingest is idempotent, so the second run adds nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${ECHOTRACE_DB:-demo.db}
cargo build --release -q -p echotrace
bin=target/release/echotrace

echo "== ingest examples/demo into $DB"
"$bin" ingest examples/demo --db "$DB"
echo
echo "== stats"
"$bin" stats --db "$DB"
echo
echo "== the seed page (examples/demo/pages/000_1da12e83afc5f8cf.txt)"
"$bin" show 000_1da12e83afc5f8cf --db "$DB"
