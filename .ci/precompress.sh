#!/usr/bin/env bash
# Writes the release build's precompressed twins into Trunk's staging folder: FILE.br (brotli,
# quality 11) and FILE.gz (gzip, level 9) beside every text-like file over 1 KB, for hosts that
# serve them as they are (README, "Precompressed files"). Run by Trunk.toml's post-build hook in
# release builds, after the prerender, since it compresses the pages the prerender wrote.
#
# NEXTSEASON_PRECOMPRESS=off (or 0, false, no) writes none, for a host that limits the number of
# files; the tool is then not even built. Any other value is checked by the tool.
#
# The twins are kept under target/ by the hash of their original's content: a rebuild links an
# unchanged file's twins from there and encodes only what changed (BENCHMARKS.md, "Precompressed
# files"). The tool is release-built, like the import: its brotli encoder runs three times
# slower in a debug build.
set -euo pipefail
# shellcheck source=hook-env.sh
. "$(dirname "$0")/hook-env.sh"

case "$(printf '%s' "${NEXTSEASON_PRECOMPRESS:-}" | tr '[:upper:]' '[:lower:]')" in
  off | 0 | false | no)
    echo "nextseason-precompress: off (NEXTSEASON_PRECOMPRESS=$NEXTSEASON_PRECOMPRESS): no twins written" >&2
    exit 0
    ;;
esac
cargo build --quiet --locked --release --bin nextseason-precompress
"$target_dir/release/nextseason-precompress" "$out" --cache "$target_dir/nextseason-precompress"
