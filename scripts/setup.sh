#!/usr/bin/env bash
# Set up eipcheck on a Debian machine (run as root for the system packages):
#   bash scripts/setup.sh          runtime: Python venv in .venv with eipcheck, CJK fonts, LibreOffice
#   bash scripts/setup.sh --test   the same plus the test dependencies, poppler-utils and Chromium
# System packages are installed only when missing; Python packages come from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

missing=()
command -v python3 >/dev/null || missing+=(python3)
python3 -c "import ensurepip, venv" 2>/dev/null || missing+=(python3-venv)
command -v soffice >/dev/null || command -v libreoffice >/dev/null || missing+=(libreoffice-writer-nogui)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if [ "$want_test" = 1 ]; then
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  # The web UI's end-to-end tests and docs/screenshots.py drive Debian's Chromium with Playwright
  # (never `playwright install`: nothing is downloaded at run time).
  [ -x /usr/bin/chromium ] || missing+=(chromium)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig >/dev/null
  fc-cache -f >/dev/null 2>&1 || true
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
if [ "$want_test" = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
