#!/usr/bin/env bash
# The project's test command (README): every crate's unit, integration and doc tests, then the
# end-to-end browser tests of the web page (Debian's chromium; .ci/run installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --release
if [ -x /usr/bin/chromium ] && command -v npm >/dev/null; then
  bash e2e/run.sh
else
  echo "e2e: not run: needs /usr/bin/chromium and npm (apt-get install chromium)" >&2
  [ "${CI:-}" = true ] && exit 1
fi
