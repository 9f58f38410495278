#!/usr/bin/env bash
# End-to-end browser tests: builds the page and the server, makes a demo store, starts the
# server on a free loopback port, runs the Chromium checks (e2e/run.mjs), stops the server.
# Screenshots: target/e2e/*.png. Needs Node.js + npm and /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
(cd web && npm ci --no-audit --no-fund && npm run build)
(cd e2e && npm ci --no-audit --no-fund)
cargo build --release -q -p echotrace

work=$(mktemp -d)
db="$work/demo.db"
target/release/echotrace ingest examples/demo --db "$db" --quiet
target/release/echotrace analyze --db "$db" --quiet

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
target/release/echotrace serve --db "$db" --addr "127.0.0.1:$port" --web-dir web/dist 2>"$work/server.log" &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/api/stats" >/dev/null 2>&1 && break
  sleep 0.1
done

mkdir -p target/e2e
ECHOTRACE_URL="http://127.0.0.1:$port" SCREENSHOTS="$root/target/e2e" node e2e/run.mjs
