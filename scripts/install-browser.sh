#!/usr/bin/env bash
# Install what the browser tests need, without downloading any browser build:
#   * Debian's Chromium at /usr/bin/chromium (apt-get), and
#   * the Python package "playwright" in the current interpreter (pip).
# Idempotent: does nothing that is already done. Never runs "playwright install".
#
# Usage: bash scripts/install-browser.sh            (uses $PYTHON, else .venv/bin/python, else python3)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ -n "${PYTHON:-}" ]]; then
    py="$PYTHON"
elif [[ -n "${VIRTUAL_ENV:-}" && -x "$VIRTUAL_ENV/bin/python" ]]; then
    py="$VIRTUAL_ENV/bin/python"
elif [[ -x "$repo_root/.venv/bin/python" ]]; then
    py="$repo_root/.venv/bin/python"
else
    py="$(command -v python3 || command -v python)"
fi

as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "install-browser: need root (or sudo) to run: $*" >&2
        return 1
    fi
}

if [[ -x /usr/bin/chromium ]]; then
    echo "install-browser: /usr/bin/chromium already present"
else
    echo "install-browser: installing Debian's chromium"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update
    as_root apt-get install -y chromium
fi

if "$py" -c 'import playwright.sync_api' >/dev/null 2>&1; then
    echo "install-browser: playwright already importable in $py"
else
    echo "install-browser: installing playwright into $py"
    # Only the Python package: its driver ships inside the wheel. Browsers are NOT downloaded.
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "$py" -m pip install --disable-pip-version-check "playwright>=1.40"
fi

/usr/bin/chromium --version 2>/dev/null || true
"$py" -c 'import importlib.metadata as m; print("playwright", m.version("playwright"))'
