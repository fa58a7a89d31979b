-- Headless Neovim smoke test (scripts/nvim-smoke.sh): open a broken rule file with the
-- shipped editors/nvim/triage.lua and wait for the server's diagnostics.
local out = os.getenv("TRIAGE_NVIM_OUT")
local function finish(text)
  local file = io.open(out, "w")
  file:write(text)
  file:close()
  vim.cmd("qall!")
end
vim.cmd("edit " .. os.getenv("TRIAGE_NVIM_FILE"))
local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100)
if not ok then finish("timeout: no diagnostics\n") return end
local lines = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(lines, string.format("%d:%d %s %s", d.lnum + 1, d.col, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?", d.message:gsub("\n.*", "")))
end
finish(table.concat(lines, "\n") .. "\n")
