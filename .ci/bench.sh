#!/usr/bin/env bash
# The performance benchmark (README, "Benchmarks"): installs what is missing (setup.sh --test),
# builds the release site and the bundle tool, and writes BENCHMARKS.md. Not part of the tests.
# BENCH_RUNS (default 7) and BENCH_SIZES (default 10,1000,10000,100000) change what it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh --test
export PATH="$PWD/.ci/node/node_modules/.bin:$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo build --locked --release --bin nextseason-bundle --bin nextseason-prerender --bin nextseason-precompress
# The editor's loop first (trunk serve into a folder of its own), then the release build timed
# with the import's cache emptied, so that the import and every page are written again.
BENCH_EDITOR_LOOP=$(node tests/e2e/editor-loop.mjs)
export BENCH_EDITOR_LOOP
trunk build --release
rm -rf target/nextseason-bundle
started=$(date +%s%N)
trunk build --release
BENCH_BUILD="{\"seconds\": $(( ($(date +%s%N) - started) / 1000000 ))e-3, \"bytes\": $(du -sb dist | cut -f1), \"files\": $(find dist -type f | wc -l)}"
export BENCH_BUILD
# Precompressed files: dist/ with its twins and without them (what NEXTSEASON_PRECOMPRESS=off
# builds: the same files less the twins; dist/ has no .br or .gz of its own), then the step alone
# on a hard-linked copy stripped of its twins (the tool only reads originals), from an empty
# cache and again from the one that run filled.
count() { find dist -type f "$@" -printf '%s\n' | awk '{ n++; s += $1 } END { printf "{\"files\": %d, \"bytes\": %d}", n, s }'; }
scratch=$(mktemp -d target/bench-precompress.XXXXXX)
cp -al dist "$scratch/dist"
find "$scratch/dist" -type f \( -name '*.br' -o -name '*.gz' \) -delete
seconds() { local started; started=$(date +%s%N); "$@" > /dev/null; echo "$(( ($(date +%s%N) - started) / 1000000 ))e-3"; }
cold=$(seconds target/release/nextseason-precompress "$scratch/dist" --cache "$scratch/cache")
warm=$(seconds target/release/nextseason-precompress "$scratch/dist" --cache "$scratch/cache")
rm -rf "$scratch"
BENCH_PRECOMPRESS="{\"with\": $(count), \"without\": $(count ! -name '*.br' ! -name '*.gz'), \"cold\": $cold, \"warm\": $warm}"
export BENCH_PRECOMPRESS
# The import alone on the full data (its own work, no build): three runs, each into a new folder,
# then one into the folder the last wrote (nothing changes).
scratch=$(mktemp -d target/bench-import.XXXXXX)
import_once() {
  mkdir -p "$scratch/pin"
  cp .ci/bangumi-data/package.json .ci/bangumi-data/slugs.json "$scratch/pin/"
  seconds target/release/nextseason-bundle import bangumi-data .ci/bangumi-data/node_modules/bangumi-data/dist/data.json "$1" \
    --editorial public/data/shows --registry "$scratch/pin/slugs.json"
}
runs=()
# A new folder each time: removing the last run's 8,000 files first would time the file system.
for run in 1 2 3; do runs+=("$(import_once "$scratch/out-$run")"); done
again=$(import_once "$scratch/out-3")
rm -rf "$scratch"
BENCH_IMPORT="{\"runs\": [$(IFS=,; echo "${runs[*]}")], \"again\": $again}"
export BENCH_IMPORT
export NEXTSEASON_BUNDLE_TOOL="$PWD/target/release/nextseason-bundle"
export NEXTSEASON_PRERENDER_TOOL="$PWD/target/release/nextseason-prerender"
cd tests/e2e
node benchmark.mjs > /dev/null
echo "bench: wrote BENCHMARKS.md"
