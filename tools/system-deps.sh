#!/usr/bin/env bash
# Make sure the system tools argmap draws with are present: Graphviz's `dot`
# and a Japanese font (Noto Sans CJK JP). Installs them with apt-get when they
# are missing and apt-get is available; otherwise says exactly what to install.
set -euo pipefail
# (no `grep -q` after a pipe: it stops reading early, the writer dies of SIGPIPE and pipefail counts that as not found)

missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
if ! { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep "Noto Sans CJK JP" >/dev/null; }; then
    missing+=(fonts-noto-cjk)
fi
# The tests of the HTML view open it in the system's Chromium (driven by Playwright).
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# WeasyPrint prints the worksheet handout to PDF with Pango (Graphviz usually brings it).
if command -v ldconfig >/dev/null 2>&1 && ! ldconfig -p 2>/dev/null | grep "libpangoft2-1.0.so.0" >/dev/null; then
    missing+=(libpango-1.0-0 libpangoft2-1.0-0)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "argmap: installing ${missing[*]} with apt-get" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
    echo "argmap: installing ${missing[*]} with sudo apt-get" >&2
    sudo apt-get update -qq >/dev/null
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "argmap needs: Graphviz (the 'dot' command), the font Noto Sans CJK JP and Pango;" >&2
    echo "its tests also need Chromium." >&2
    echo "  Debian/Ubuntu: sudo apt-get install graphviz fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 chromium" >&2
    echo "  macOS:         brew install graphviz && brew install --cask font-noto-sans-cjk-jp" >&2
    exit 1
fi
