-- Neovim (0.10+): *.rules files are Triage rules, and `triage lsp` serves them.
-- Put this in your init.lua (or require it from there); add editors/vim to 'runtimepath'
-- for the syntax file: vim.opt.runtimepath:append("/path/to/triage/editors/vim")
vim.filetype.add({ extension = { rules = "triage" } })

vim.api.nvim_create_autocmd("FileType", {
  pattern = "triage",
  callback = function(args)
    vim.lsp.start({
      name = "triage",
      cmd = { "triage", "lsp" },
      -- The pack is the file's directory, as `triage lint DIR` loads it.
      root_dir = vim.fs.dirname(vim.api.nvim_buf_get_name(args.buf)),
    })
  end,
})
