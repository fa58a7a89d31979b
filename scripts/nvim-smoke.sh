#!/usr/bin/env bash
# Neovim's built-in LSP client, headless, against `triage lsp`: a broken rule file must get
# its diagnostics. Uses editors/nvim/triage.lua as a user would. Skips when nvim is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v nvim >/dev/null; then echo "nvim not installed: skipped (apt-get install neovim)"; exit 0; fi
triage=${TRIAGE:-$PWD/.build/debug/triage}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/pack"
ln -s "$triage" "$work/bin/triage"
printf '# café ☕\ncategory other "Other" { playbook general }\nplaybook general { step chat "Ask us." }\nrule r -> other { when lte }\n' > "$work/pack/broken.rules"
export TRIAGE_NVIM_FILE="$work/pack/broken.rules" TRIAGE_NVIM_OUT="$work/out.txt"
PATH="$work/bin:$PATH" timeout 60 nvim --headless -u NONE \
  -c "set runtimepath+=$PWD/editors/vim" -c "let g:do_filetype_lua = 1" -c "filetype on" -c "luafile $PWD/editors/nvim/triage.lua" \
  -c "luafile $PWD/Tests/nvim/smoke.lua" >/dev/null 2>&1 || true
cat "$work/out.txt" 2>/dev/null || { echo "nvim wrote nothing"; exit 1; }
grep -q "^4:23 undefined-name undefined name 'lte'" "$work/out.txt" || { echo "expected undefined-name at 4:23"; exit 1; }
echo "nvim smoke test: ok"
