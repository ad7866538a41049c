#!/usr/bin/env bash
# Builds the wasm apps besides Trunk's own into Trunk's staging folder, the way Trunk builds the
# site's: cargo for wasm32, wasm-bindgen (the version on PATH, which setup.sh pins to
# Cargo.lock's), and in release builds wasm-opt with the level and flags of index.html's
# `<link data-trunk rel="rust">`. Names carry a hash of the content, as Trunk's do. Run by
# Trunk.toml's post-build hook:
#   nextseason-embed  the widget (src/bin/nextseason-embed.rs): its names are written into
#                     embed.js, whose own name never changes;
#   nextseason-embed-show  the show widgets' (src/bin/nextseason-embed-show.rs): release builds
#                     only, its names written into embed.js too;
#   nextseason-shows  the show pages' app (src/bin/nextseason-shows.rs): release builds only,
#                     found by the prerender, which starts it from every show page it writes.
#
# Usage (from the hook): bash .ci/build-wasm.sh <bin>…
set -euo pipefail
# shellcheck source=hook-env.sh
. "$(dirname "$0")/hook-env.sh"
release=false
[ "${TRUNK_PROFILE:-debug}" = release ] && release=true

profile_flag=()
profile_dir=debug
if $release; then
  profile_flag=(--release)
  profile_dir=release
fi
bins=()
for bin in "$@"; do bins+=(--bin "$bin"); done
# One cargo run for all: they share the library's build.
cargo build --quiet --locked --manifest-path "$src/Cargo.toml" --target wasm32-unknown-unknown \
  "${bins[@]}" "${profile_flag[@]}"

tools=$(wasm-bindgen --version)
if $release; then
  command -v terser > /dev/null || { echo "build-wasm: terser not found: run bash .ci/setup.sh --test (it installs tests/e2e's npm packages)" >&2; exit 1; }
  tools="$tools $(wasm-opt --version) $(terser --version)"
fi
for bin in "$@"; do
  # wasm-bindgen and wasm-opt take seconds: their output is kept by the input's hash, so that a
  # rebuild that changed no Rust (an editor's change of a show's file under `trunk serve`)
  # reuses it.
  input="$target_dir/wasm32-unknown-unknown/$profile_dir/$bin.wasm"
  key=$( { sha256sum "$input"; sha256sum "$src/index.html"; echo "$tools"; } | sha256sum | cut -c1-16)
  work="$target_dir/$bin/$profile_dir/$key"
  if [ ! -f "$work/done" ]; then
    rm -rf "$target_dir/$bin/$profile_dir"
    mkdir -p "$work"
    wasm-bindgen --target web --no-typescript --out-dir "$work" --out-name "$bin" "$input"
    if $release; then
      # The site's settings, read from its one place: data-wasm-opt="s" data-wasm-opt-params="…".
      link=$(grep -o '<link data-trunk rel="rust"[^>]*>' "$src/index.html")
      level=$(printf '%s' "$link" | sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p')
      params=$(printf '%s' "$link" | sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p')
      # shellcheck disable=SC2086 # the flags are words
      wasm-opt "-O${level:-z}" $params --output="$work/opt.wasm" "$work/${bin}_bg.wasm"
      mv "$work/opt.wasm" "$work/${bin}_bg.wasm"
      # wasm-bindgen's glue, minified: 8.0 → 6.2 KB brotli for the show pages' (BENCHMARKS.md,
      # "Size levers"). Trunk's own glue is left as it is: app.html preloads it with its hash.
      terser "$work/$bin.js" --module --compress --mangle --output "$work/min.js"
      mv "$work/min.js" "$work/$bin.js"
    fi
    touch "$work/done"
  fi

  hash=$(cat "$work/${bin}_bg.wasm" "$work/$bin.js" | sha256sum | cut -c1-16)
  glue="$bin-$hash.js"
  wasm="$bin-${hash}_bg.wasm"
  cp "$work/$bin.js" "$out/$glue"
  cp "$work/${bin}_bg.wasm" "$out/$wasm"
  placeholder=
  case $bin in
    nextseason-embed) placeholder=__NEXTSEASON ;;
    nextseason-embed-show) placeholder=__NEXTSEASON_SHOW ;;
  esac
  if [ -n "$placeholder" ]; then
    sed -e "s/${placeholder}_JS__/$glue/" -e "s/${placeholder}_WASM__/$wasm/" "$out/embed.js" > "$out/embed.js.built"
    mv "$out/embed.js.built" "$out/embed.js"
  fi
done
