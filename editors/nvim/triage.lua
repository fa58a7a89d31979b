-- Neovim: *.rules files are Triage rules, and `triage lsp` serves them.
-- Put this in your init.lua (or dofile it from there); add editors/vim to 'runtimepath'
-- for the syntax file: vim.opt.runtimepath:append("/path/to/triage/editors/vim")
-- Works with Neovim 0.7 (vim.lsp.start_client) and later (vim.lsp.start).
vim.filetype.add({ extension = { rules = "triage" } })

vim.api.nvim_create_autocmd("FileType", {
  pattern = "triage",
  callback = function(args)
    -- The pack is the file's directory, as `triage lint DIR` loads it.
    local root = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ":p:h")
    local config = { name = "triage", cmd = { "triage", "lsp" }, root_dir = root }
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = args.buf })
    else
      local client = vim.lsp.start_client(config)
      if client then vim.lsp.buf_attach_client(args.buf, client) end
    end
  end,
})
