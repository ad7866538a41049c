#!/usr/bin/env bash
# The performance benchmark (README, "Benchmarks"): installs what is missing (setup.sh --test),
# builds the release site and the bundle tool, and writes BENCHMARKS.md. Not part of the tests.
# BENCH_RUNS (default 7) and BENCH_SIZES (default 10,1000,10000,100000) change what it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh --test
export PATH="$PWD/.ci/node/node_modules/.bin:$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release
cargo build --locked --release --bin nextseason-bundle --bin nextseason-prerender
export NEXTSEASON_BUNDLE_TOOL="$PWD/target/release/nextseason-bundle"
export NEXTSEASON_PRERENDER_TOOL="$PWD/target/release/nextseason-prerender"
cd tests/e2e
node benchmark.mjs > /dev/null
echo "bench: wrote BENCHMARKS.md"
