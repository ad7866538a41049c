#!/usr/bin/env bash
# The README's serve command: installs what `trunk serve` needs (setup.sh, idempotent), then
# serves the site on the shipped bundle at http://127.0.0.1:8080, rebuilding on every change.
# Works from any shell: cargo's tools need not be on the caller's PATH. Arguments go to
# `trunk serve` (`bash .ci/serve.sh --port 9000`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
export PATH="$PWD/.ci/node/node_modules/.bin:$HOME/.cargo/bin:$PATH"
exec trunk serve "$@"
