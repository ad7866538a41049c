#!/usr/bin/env bash
# Writes the full bundle into Trunk's staging folder (`data/`): the editors' shards
# (public/data/shows/) merged with a shard for every work of the pinned bangumi-data, and the
# catalogue of them all (`nextseason-bundle import bangumi-data`). Run by Trunk.toml's post-build
# hook, in `trunk serve` as in release builds, so that the editor sees what readers will.
#
# The import's output is kept under target/ with a hash of everything it is made from (the data,
# the pin and registry, the editors' shards, and the sources of the tool and of the library
# modules it may use): a rebuild that changed none of them (a change of style or of a page)
# reuses it without building the tool, and one that changed a shard runs the import once.
set -euo pipefail
# shellcheck source=hook-env.sh
. "$(dirname "$0")/hook-env.sh"

pin=.ci/bangumi-data
data_json=$pin/node_modules/bangumi-data/dist/data.json
if [ ! -f "$data_json" ]; then
  echo "error: $data_json is missing: bangumi-data is not installed. Run bash .ci/setup.sh (it runs npm ci in $pin)." >&2
  exit 1
fi

# The import may use only bundle, dates, regions, text, mojibake and franchise (tests/layers.rs), so these
# sources, with the tool's own, are all the code its output depends on.
tool_key=$(
  {
    sha256sum Cargo.lock Cargo.toml src/dates.rs src/regions.rs src/text.rs src/mojibake.rs src/lib.rs
    find src/import src/bundle src/franchise src/bin/nextseason-bundle -type f -print0 | sort -z | xargs -0 sha256sum
  } | sha256sum | cut -c1-16
)
key=$(
  {
    echo "$tool_key"
    sha256sum "$data_json" "$pin/package.json" "$pin/package-lock.json" "$pin/slugs.json" "$pin/readings.json"
    find public/data/shows -type f -print0 | sort -z | xargs -0 sha256sum
  } | sha256sum | cut -c1-16
)
# One output folder, imported into again: the import rewrites only the files that change (each
# by a new file renamed over it, so the hard links of earlier builds keep their content), where
# writing 8,000 files afresh took seconds of the file system's time.
work="$target_dir/nextseason-bundle"
if [ "$(cat "$work/done" 2>/dev/null)" != "$key" ]; then
  started=$(date +%s%N)
  rm -f "$work/done"
  # Release-built: the import in a debug build takes a minute. Cargo is not asked again while the
  # tool's sources are those it was built from (an editor's loop saves its half second).
  tool="$target_dir/release/nextseason-bundle"
  if [ ! -x "$tool" ] || [ "$(cat "$target_dir/nextseason-bundle.tool" 2>/dev/null)" != "$tool_key" ]; then
    cargo build --quiet --locked --release --bin nextseason-bundle
    echo "$tool_key" > "$target_dir/nextseason-bundle.tool"
  fi
  mkdir -p "$work/pin" "$work/data"
  # The build reads the registry and never writes the source tree: works the committed registry
  # lacks get slugs in this copy only (the import's report lists them).
  cp "$pin/package.json" "$pin/slugs.json" "$work/pin/"
  status=0
  "$tool" import bangumi-data "$data_json" "$work/data" \
    --editorial public/data/shows --registry "$work/pin/slugs.json" --readings "$pin/readings.json" > "$work/report.txt" 2>&1 || status=$?
  # 1 is "written, with conflicts or an editor's file that could not be merged": the bundle is
  # complete (a broken shard is served as written, so the site shows its error card); the
  # editor reads the report here.
  if [ "$status" -gt 1 ]; then
    cat "$work/report.txt" >&2
    exit "$status"
  fi
  if ! cmp -s "$pin/slugs.json" "$work/pin/slugs.json"; then
    echo "note: works the registry ($pin/slugs.json) lacks got slugs for this build only; register them: nextseason-bundle import bangumi-data $data_json <dir>" >> "$work/report.txt"
  fi
  echo "imported in $(( ($(date +%s%N) - started) / 1000000 )) ms" >> "$work/report.txt"
  echo "$key" > "$work/done"
  grep -v '^  skipped item' "$work/report.txt" | sed 's/^/nextseason-bundle: /' >&2 || true
fi

# Hard links when the staging folder is on the same file system (a copy otherwise): the output's
# files are replaced, never written into, and Trunk moves the staging folder into dist/ whole.
rm -rf "$out/data"
cp -al "$work/data" "$out/data" 2> /dev/null || cp -R "$work/data" "$out/data"
