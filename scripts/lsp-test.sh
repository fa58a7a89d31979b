#!/usr/bin/env bash
# The language server end to end with a real LSP client: pytest-lsp (PyPI) drives the built
# `triage lsp` through Tests/lsp. Creates the venv on first use (LSP_VENV, default /tmp/lspvenv).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${LSP_VENV:-/tmp/lspvenv}
if [ ! -x "$venv/bin/pytest" ] || ! "$venv/bin/python" -c "import pytest_lsp" 2>/dev/null; then
  echo "--- creating $venv with pytest-lsp"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q pytest-lsp
fi
if [ -z "${TRIAGE:-}" ]; then
  swift build 2>&1 | tail -1
  export TRIAGE="$PWD/.build/debug/triage"
fi
"$venv/bin/python" -m pytest -q Tests/lsp "$@"
