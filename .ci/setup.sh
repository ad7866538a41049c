#!/usr/bin/env bash
# Installs what NextSeason needs on a fresh machine, skipping whatever is already there at the
# right version. Idempotent. `setup.sh` gives what `trunk serve` needs (with Node.js and the
# pinned bangumi-data, which every build imports); `setup.sh --test` adds
# what the tests need (Chromium and ChromeDriver, nginx and Caddy, Java, wasm-opt, playwright-core,
# axe-core, vnu-jar).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must be exactly the wasm-bindgen of Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
WASM_OPT_VERSION=123

say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

for_tests=false
[ "${1:-}" = "--test" ] && for_tests=true

export PATH="$HOME/.cargo/bin:$PATH"
have cargo || fail "cargo is missing: install Rust with rustup (https://rustup.rs), then run this again."
have rustup || fail "rustup is missing: the wasm32 target is installed with rustup (https://rustup.rs)."
[ -n "$WASM_BINDGEN_VERSION" ] || fail "no wasm-bindgen in Cargo.lock"

# A command as root: directly, or with sudo when it asks no password.
run_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif have sudo && sudo -n true 2>/dev/null; then sudo "$@"; else return 1; fi
}

apt_install() {
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  elif have sudo && sudo -n true 2>/dev/null; then
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    fail "please install these packages as root (apt-get install $*), then run this again."
  fi
}

# cargo install compiles trunk and wasm-bindgen-cli, which build C code: a C compiler is needed.
if have cc; then
  say "C compiler: present"
else
  have apt-get || fail "no C compiler (cc): install gcc with your package manager, then run this again."
  say "installing gcc (cargo install needs a C compiler)"
  apt_install gcc libc6-dev
fi

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION: present"
else
  say "installing trunk $TRUNK_VERSION (about 10 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
  # Without --locked: the CLI's own lock file names a webpki-roots that the registry lacks.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

# Node.js and npm: the build installs the pinned bangumi-data with npm, and the tests run on
# Node. Node 20.10 or later: playwright-core needs 20, `node --test --test-concurrency` 20.10.
NODE_MIN=20.10
node_ok() {
  local version
  version=$(node --version 2>/dev/null | sed 's/^v//') || return 1
  [ -n "$version" ] && [ "$(printf '%s\n%s\n' "$NODE_MIN" "$version" | sort -V | head -n 1)" = "$NODE_MIN" ]
}

if ! have node || ! have npm; then
  have apt-get || fail "install Node.js $NODE_MIN or later with npm, then run this again."
  say "installing nodejs and npm from the Debian archive"
  apt_install nodejs npm
fi
if ! node_ok; then
  # Too old (Debian 12's own is 18): the npm registry's `node` package brings a newer one,
  # kept in the project's own folder and put first on PATH by test.sh and serve.sh.
  say "node $(node --version 2>/dev/null || echo none) is older than $NODE_MIN: installing node 20 from the npm registry into .ci/node"
  npm install --prefix .ci/node --no-audit --no-fund --loglevel=error node@20 >/dev/null \
    || fail "could not install node 20 (npm install node@20); install Node.js $NODE_MIN or later, then run this again."
  export PATH="$PWD/.ci/node/node_modules/.bin:$PATH"
  node_ok || fail "node $(node --version) is still older than $NODE_MIN; install Node.js $NODE_MIN or later, then run this again."
fi
say "node $(node --version): present"

# The pinned release of bangumi-data (.ci/bangumi-data/package-lock.json), which the importer's
# build (.ci/build-bundle.sh) and test over the whole data read.
bangumi_version=$(sed -n 's/.*"bangumi-data": "\([^"]*\)".*/\1/p' .ci/bangumi-data/package.json | head -n 1)
if [ "$(sed -n 's/.*"version": "\([^"]*\)".*/\1/p' .ci/bangumi-data/node_modules/bangumi-data/package.json 2>/dev/null | head -n 1)" = "$bangumi_version" ]; then
  say "bangumi-data $bangumi_version: present"
else
  say "installing bangumi-data $bangumi_version (npm ci in .ci/bangumi-data)"
  (cd .ci/bangumi-data && npm ci --no-audit --no-fund --loglevel=error)
fi

$for_tests || { say "ready to serve: trunk serve"; exit 0; }

# Noto Sans CJK (Debian's fonts-noto-cjk, SIL OFL 1.1), for release builds and the tests, not
# `trunk serve`: the release build draws the share cards
# with it (src/cards/, README "Prerendered pages"), loading these two files and no other font,
# and the native tests draw cards too. Debian 12's 1:20220127 is the version the cards were made
# with; a later one draws the same text.
# NEXTSEASON_CARD_FONTS names another folder, as the build reads it (src/cards/render.rs).
cjk_dir=${NEXTSEASON_CARD_FONTS:-/usr/share/fonts/opentype/noto}
CJK_FONTS=("$cjk_dir/NotoSansCJK-Regular.ttc" "$cjk_dir/NotoSansCJK-Bold.ttc")
cjk_fonts_ok() { [ -r "${CJK_FONTS[0]}" ] && [ -r "${CJK_FONTS[1]}" ]; }
if ! cjk_fonts_ok && [ -n "${NEXTSEASON_CARD_FONTS:-}" ]; then
  fail "NEXTSEASON_CARD_FONTS is $NEXTSEASON_CARD_FONTS, which does not hold NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc."
elif ! cjk_fonts_ok; then
  have apt-get || fail "the share cards need Noto Sans CJK: install fonts-noto-cjk with your package manager, or put ${CJK_FONTS[*]##*/} in a folder and set NEXTSEASON_CARD_FONTS to it, then run this again."
  say "installing fonts-noto-cjk from the Debian archive (the share cards' fonts, about 90 MB)"
  apt_install fonts-noto-cjk
  cjk_fonts_ok || fail "fonts-noto-cjk is installed but ${CJK_FONTS[*]} are not there: set NEXTSEASON_CARD_FONTS to the folder holding NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc."
fi
say "Noto Sans CJK in $cjk_dir ($(dpkg-query -W -f='fonts-noto-cjk ${Version}' fonts-noto-cjk 2>/dev/null || echo 'not from dpkg')): present"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  have apt-get || fail "install ${missing[*]} with your package manager (Chromium at /usr/bin/chromium, ChromeDriver at /usr/bin/chromedriver), then run this again."
  say "installing ${missing[*]} from the Debian archive"
  apt_install "${missing[@]}"
fi
browser=$(/usr/bin/chromium --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1)
driver=$(/usr/bin/chromedriver --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1)
[ "${browser%%.*}" = "${driver%%.*}" ] || fail "Chromium $browser and ChromeDriver $driver differ: install both from the same source."
say "chromium $browser and chromedriver $driver: present"

# nginx (with the ngx_brotli module's brotli_static) and Caddy, which tests/e2e/hosts.test.mjs
# runs with the README's lines, each on a loopback port of its own; not as a service.
missing=()
[ -x /usr/sbin/nginx ] || missing+=(nginx)
ls /etc/nginx/modules-enabled/*brotli-static* >/dev/null 2>&1 || missing+=(libnginx-mod-http-brotli-static)
have caddy || missing+=(caddy)
if [ ${#missing[@]} -gt 0 ]; then
  have apt-get || fail "install ${missing[*]} with your package manager (nginx with the ngx_brotli module's brotli_static, and Caddy), then run this again."
  say "installing ${missing[*]} from the Debian archive"
  apt_install "${missing[@]}"
  # The packages start nginx and Caddy on port 80 where an init system runs (in a container,
  # policy-rc.d usually forbids it): the tests start their own, so stop and disable those we installed.
  for service in nginx caddy; do
    [[ " ${missing[*]} " == *" $service "* ]] || continue
    if [ -d /run/systemd/system ]; then
      run_as_root systemctl disable --now "$service" >/dev/null 2>&1 || true
    elif have service; then
      run_as_root service "$service" stop >/dev/null 2>&1 || true
    fi
  done
fi
[ -x /usr/sbin/nginx ] || fail "nginx is not at /usr/sbin/nginx: install nginx, then run this again."
ls /etc/nginx/modules-enabled/*brotli-static* >/dev/null 2>&1 \
  || fail "nginx's brotli_static module is not enabled in /etc/nginx/modules-enabled: install libnginx-mod-http-brotli-static, then run this again."
have caddy || fail "caddy is missing: install Caddy 2.6 or later, then run this again."
say "$(/usr/sbin/nginx -v 2>&1 | sed 's/^nginx version: //') (with brotli_static) and caddy $(caddy version | cut -d' ' -f1): present"

# Java 11 or later, for the W3C Nu HTML checker (vnu.jar, npm vnu-jar) that checks the written
# pages: its command line runs on 11 (only its web server needs 17). Before npm ci, since
# vnu-jar's install script, where npm runs it, downloads a Java runtime when it finds none.
JAVA_MIN=11
java_major() {
  # `java -version` writes to stderr: openjdk version "17.0.15" 2025-04-15, or "1.8.0_392" for 8.
  java -version 2>&1 | sed -n 's/.* version "\([0-9][0-9.]*\).*/\1/p' | head -n 1 | awk -F. '{ print ($1 == 1 ? $2 : $1) }'
}
java_ok() {
  local major
  major=$(java_major 2>/dev/null)
  [ -n "$major" ] && [ "$major" -ge "$JAVA_MIN" ]
}
if ! java_ok; then
  have apt-get || fail "install Java $JAVA_MIN or later (a JRE with the java command), then run this again: the Nu HTML checker runs on it."
  found=$(java_major 2>/dev/null || true)
  if [ -n "$found" ]; then found="java $found is older than $JAVA_MIN"; else found="no java"; fi
  say "$found: installing default-jre-headless (for the Nu HTML checker) from the Debian archive"
  apt_install default-jre-headless
  hash -r
  java_ok || fail "java is still missing or older than $JAVA_MIN after installing default-jre-headless: install Java $JAVA_MIN or later, then run this again."
fi
say "java $(java_major): present"

# wasm-opt (npm binaryen), terser (the release build minifies its own wasm apps' JS glue),
# playwright-core, axe-core and vnu-jar, at the versions of tests/e2e/package-lock.json.
TERSER_VERSION=$(sed -n 's/.*"terser": "\(.*\)".*/\1/p' tests/e2e/package.json)
if [ "$(tests/e2e/node_modules/.bin/wasm-opt --version 2>/dev/null)" = "wasm-opt version $WASM_OPT_VERSION (version_$WASM_OPT_VERSION)" ] \
  && [ "$(tests/e2e/node_modules/.bin/terser --version 2>/dev/null)" = "terser $TERSER_VERSION" ] \
  && [ -f tests/e2e/node_modules/playwright-core/package.json ] && [ -f tests/e2e/node_modules/axe-core/axe.min.js ] \
  && [ -f tests/e2e/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  say "npm test packages (wasm-opt $WASM_OPT_VERSION, terser $TERSER_VERSION, playwright-core, axe-core, vnu-jar): present"
else
  say "installing npm test packages (wasm-opt $WASM_OPT_VERSION, terser $TERSER_VERSION, playwright-core, axe-core, vnu-jar)"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

# A Python virtual environment at `venv` with exactly the packages of `requirements`, from PyPI.
python_venv() {
  local venv=$1 requirements=$2 label=$3
  local want have_now
  want=$(tr '\n' ' ' < "$requirements")
  have_now=$("$venv/bin/python" -m pip freeze 2>/dev/null | tr '\n' ' ' || true)
  if [ "$have_now" = "$want" ]; then
    say "$label: present"
    return
  fi
  have python3 || { have apt-get || fail "install Python 3 with venv, then run this again."; apt_install python3 python3-venv; }
  python3 -m venv --help >/dev/null 2>&1 && python3 -c "import ensurepip" 2>/dev/null || { have apt-get || fail "install Python 3's venv module, then run this again."; apt_install python3-venv; }
  say "installing $label into $venv from PyPI"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
}

# The romaji reader (cutlet with unidic-lite, at .ci/readings/requirements.txt's versions), for
# the test that .ci/bangumi-data/readings.json is what it writes: builds read the committed file.
python_venv .ci/readings/.venv .ci/readings/requirements.txt "the romaji reader ($(grep -E '^(cutlet|unidic-lite)==' .ci/readings/requirements.txt | tr '\n' ' '))"
# The parsers that read the build's calendars and feed as applications would (icalendar,
# recurring-ical-events, feedparser: tests/follow/check_follow.py).
python_venv .ci/follow-check/.venv .ci/follow-check/requirements.txt "the calendar and feed parsers ($(grep -E '^(icalendar|recurring-ical-events|feedparser)==' .ci/follow-check/requirements.txt | tr '\n' ' '))"
say "ready to test"
