#!/usr/bin/env bash
# Install Argdown's command-line tool (@argdown/cli 1.7.5) into .argdown/ at the
# top of the project, for the tests that check argmap's Argdown export with
# Argdown's own parser (tests/test_argdown_node.py). Needs Node and npm; where
# they are missing, says what to install and exits 0 (those tests are skipped).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=1.7.5
DEST=${ARGMAP_ARGDOWN_DIR:-.argdown}  # another folder for a trial run
BIN="$DEST/node_modules/.bin/argdown"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "argmap: Node.js and npm are needed to test the Argdown export with Argdown's parser;" >&2
    echo "  install them (apt-get install nodejs npm, or https://nodejs.org/), then run: bash tools/argdown-deps.sh" >&2
    exit 0
fi
if [ -x "$BIN" ] && [ "$(node -p "require(require('path').resolve('$DEST/node_modules/@argdown/cli/package.json')).version" 2>/dev/null)" = "$VERSION" ]; then
    exit 0
fi
echo "argmap: installing @argdown/cli@$VERSION into $DEST/ with npm" >&2
mkdir -p "$DEST"
[ -f "$DEST/package.json" ] || echo '{"private": true}' >"$DEST/package.json"
if ! npm install --prefix "$DEST" --no-audit --no-fund --silent "@argdown/cli@$VERSION" >/dev/null; then
    echo "argmap: npm could not install @argdown/cli@$VERSION; the tests with Argdown's parser will be skipped" >&2
    exit 0
fi
"$BIN" --version >/dev/null
