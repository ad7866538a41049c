#!/usr/bin/env bash
# Runs every test of NextSeason, installing what is missing first (see setup.sh):
# native unit and render tests, browser tests of each card (wasm-bindgen-test in headless
# Chromium), then the release build, its HTML checked (the Nu HTML checker), end-to-end and
# accessibility tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh --test

# The Node.js setup.sh installed when the machine's was too old, if it did; then the test
# packages' wasm-opt, then cargo's tools.
export PATH="$PWD/.ci/node/node_modules/.bin:$PWD/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

echo "== native tests: schema, validation, dates, regions, cards rendered to HTML"
cargo test --locked

echo "== romaji readings: .ci/bangumi-data/readings.json is what .ci/readings/readings.py writes for the pinned bangumi-data"
.ci/readings/.venv/bin/python .ci/readings/readings.py .ci/bangumi-data/node_modules/bangumi-data/dist/data.json .ci/bangumi-data/readings.json --check

echo "== browser tests: each card in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test browser

echo "== release build (wasm-opt -Os), and the bundle tool that generates synthetic test catalogues"
trunk build --release
cargo build --locked --bin nextseason-bundle --bin nextseason-prerender

echo "== the shipped bundle (the editors' shards merged with bangumi-data), checked file by file and across files"
cargo run --quiet --locked --bin nextseason-bundle -- check dist/data

echo "== every written page and embed fragment of the release build, by the W3C Nu HTML checker (vnu.jar): no error"
node tests/e2e/valid-html.mjs dist

echo "== the build's calendars and feed, read by icalendar, recurring-ical-events and feedparser"
.ci/follow-check/.venv/bin/python tests/follow/check_follow.py dist

echo "== end-to-end and accessibility tests against the release build in headless Chromium"
cd tests/e2e
node --test --test-concurrency=1
