#!/usr/bin/env bash
# The project's test command (README): the whole workspace, unit, integration and doc tests.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --release
