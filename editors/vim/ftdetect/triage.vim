" Rule files of Triage.
autocmd BufRead,BufNewFile *.rules setfiletype triage
