#!/usr/bin/env bash
# The weight of the release build's code (README, "Weight of the first view"), for trying a size
# lever: builds the release site once (`trunk build --release`, as the benchmark does) into a
# scratch folder and prints the wasm's and the glue JS's sizes in bytes, raw, gzip -9 -n and
# brotli -q 11 (what a static host serves). Change one thing (Cargo.toml's [profile.release],
# .cargo/config.toml, index.html's data-wasm-opt*, Trunk.toml's wasm_opt), run it again, compare.
# Brotli's output moves by a few hundred bytes with any change of layout: smaller differences
# than that are noise.
#
# Usage: bash .ci/size-levers.sh [label]
#   SIZE_DIST=<dir>  build there and keep it (default: a temporary folder, removed afterwards)
# Needs trunk, wasm-bindgen, wasm-opt (setup.sh --test installs them), gzip and brotli. The
# wasm-opt first on PATH is used: put another binaryen's bin/ first to try it (and set
# Trunk.toml's [tools] wasm_opt to its version).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
for tool in trunk wasm-opt gzip brotli; do
  command -v "$tool" > /dev/null || { echo "size-levers: $tool not found (brotli: apt-get install brotli)" >&2; exit 1; }
done

label="${1:-$(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo '+changes')}"
if [ -n "${SIZE_DIST:-}" ]; then
  dist="$SIZE_DIST"
else
  dist="$(mktemp -d)"
  trap 'rm -rf "$dist"' EXIT
fi

start=$(date +%s)
trunk build --release --dist "$dist" >&2
seconds=$(( $(date +%s) - start ))

size() { wc -c < "$1" | tr -d ' '; }
gz() { gzip -9 -n -c "$1" | wc -c | tr -d ' '; }
br() { brotli -q 11 -c "$1" | wc -c | tr -d ' '; }

# The site's wasm and glue, and the widget's own (nextseason-embed-*).
wasm=$(ls "$dist"/nextseason-*_bg.wasm | grep -v /nextseason-embed-)
glue=$(ls "$dist"/nextseason-*.js | grep -v /nextseason-embed-)
embed_wasm=$(ls "$dist"/nextseason-embed-*_bg.wasm)
embed_glue=$(ls "$dist"/nextseason-embed-*.js)
echo "## $label"
echo
echo "$(wasm-opt --version), $(rustc --version), $(trunk --version); build ${seconds} s"
echo "opt-level: $(sed -n '/^\[profile.release\]/,/^\[/s/^opt-level *= *//p' Cargo.toml);" \
  "$(grep -h '^rustflags' .cargo/config.toml 2>/dev/null || echo 'rustflags: none');" \
  "$(grep -o '<link data-trunk rel="rust"[^>]*>' index.html)"
echo
echo "| file | raw | gzip | brotli |"
echo "| --- | ---: | ---: | ---: |"
for file in "$wasm" "$glue" "$embed_wasm" "$embed_glue"; do
  echo "| $(basename "$file") | $(size "$file") | $(gz "$file") | $(br "$file") |"
done
echo
# One line to compare runs: label, then raw and brotli of the site's wasm and JS, and the widget's.
echo "sizes: $label wasm $(size "$wasm") $(br "$wasm") js $(size "$glue") $(br "$glue")" \
  "widget-wasm $(size "$embed_wasm") $(br "$embed_wasm") widget-js $(size "$embed_glue") $(br "$embed_glue")"
