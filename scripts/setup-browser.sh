#!/usr/bin/env bash
# Makes a Chromium available for the HTML report's browser test and prints its path on stdout (one line).
# The test drives Debian's chromium with playwright-core (executablePath), so nothing is downloaded from a CDN:
# a chromium already on PATH is used as it is; otherwise, as root with apt, Debian's package is installed.
# Idempotent: a second run finds the browser the first one installed. Progress goes to stderr.
set -euo pipefail

find_chromium() {
  local name
  for name in chromium chromium-browser; do
    if command -v "$name" >/dev/null 2>&1; then
      command -v "$name"
      return 0
    fi
  done
  return 1
}

if path="$(find_chromium)"; then
  echo "$path"
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-browser: no chromium on PATH, and it cannot be installed here (needs root and apt-get)." >&2
  echo "  Install Debian's 'chromium' package (or any Chromium), or set REMEDY_CHROMIUM=/path/to/chromium." >&2
  exit 1
fi

echo "setup-browser: installing Debian's chromium (apt-get)..." >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq >&2 || ! apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
  echo "setup-browser: apt-get could not install chromium (see the messages above)." >&2
  exit 1
fi

if path="$(find_chromium)"; then
  echo "$path"
  exit 0
fi
echo "setup-browser: apt-get installed chromium but no chromium is on PATH." >&2
exit 1
