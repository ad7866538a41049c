#!/usr/bin/env bash
# The site's wasm (and glue JS) at given commits, as the release build makes it: cargo's release
# profile for wasm32 with .cargo/config.toml's flags, wasm-bindgen, wasm-opt at index.html's
# level; printed raw and brotli -q 11. For what a feature's code weighs in the first view: run it
# on the commit before the feature and the one that completes it (BENCHMARKS.md, §11).
#
# Usage: bash .ci/wasm-weight.sh <commit> [<commit>…]
# Needs wasm-bindgen, wasm-opt (setup.sh --test installs them) and node. Builds in a
# detached worktree per commit, into one target folder (WASM_WEIGHT_TARGET, default
# target/wasm-weight), so that a second run rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
export PATH="$root/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Brotli 11 as the precompressed twins use it, by Node's zlib (no brotli command needed).
br() { node -e 'const z = require("zlib"); console.log(z.brotliCompressSync(require("fs").readFileSync(process.argv[1]), { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length)' "$1"; }
for tool in wasm-bindgen wasm-opt node; do
  command -v "$tool" > /dev/null || { echo "wasm-weight: $tool not found" >&2; exit 1; }
done
target="${WASM_WEIGHT_TARGET:-$root/target/wasm-weight}"
for commit in "$@"; do
  short=$(git rev-parse --short "$commit")
  tree="$(mktemp -d)/tree"
  git worktree add --quiet --detach "$tree" "$commit"
  (
    cd "$tree"
    CARGO_TARGET_DIR="$target" cargo build --quiet --release --locked --target wasm32-unknown-unknown --bin nextseason
    out="$(mktemp -d)"
    wasm-bindgen --target web --no-typescript --out-dir "$out" "$target/wasm32-unknown-unknown/release/nextseason.wasm"
    level=$(grep -o '<link data-trunk rel="rust"[^>]*>' index.html | sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p')
    params=$(grep -o '<link data-trunk rel="rust"[^>]*>' index.html | sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p')
    wasm-opt "-O${level:-z}" $params --output "$out/opt.wasm" "$out/nextseason_bg.wasm"
    echo "wasm-weight: $short wasm $(wc -c < "$out/opt.wasm") raw $(br "$out/opt.wasm") brotli;" \
      "js $(wc -c < "$out/nextseason.js") raw $(br "$out/nextseason.js") brotli"
    rm -rf "$out"
  )
  git worktree remove --force "$tree"
done
