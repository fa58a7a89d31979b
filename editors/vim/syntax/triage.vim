" Vim syntax file for Triage rule files (*.rules); the scopes follow editors/triage.tmLanguage.json.
if exists("b:current_syntax")
  finish
endif

syntax iskeyword @,48-57,_,-

syntax match triageComment "#.*$" contains=@Spell
syntax region triageString start=+"+ skip=+\\\\\|\\"+ end=+"\|$+ oneline contains=triageEscape,triagePlaceholder
syntax match triageEscape contained +\\[\\"nt]+
syntax match triagePlaceholder contained "{[A-Za-z_][A-Za-z0-9_]*\(|[^}"]*\)\?}"
syntax match triageRegex "/\([^/\\]\|\\.\)\+/[isxmn]*" contains=triageRegexFlags
syntax match triageRegexFlags contained "/\zs[isxmn]\+$"

syntax keyword triageDeclaration import define category signal entity rule playbook settings spelling
syntax keyword triageClause when unless weight speaker description priority outranks needs step record escalate as
syntax keyword triageOperator and or not within of before after words word any all at least has missing
syntax keyword triageModifier case-sensitive fuzzy gap
syntax keyword triageFunction negated affirmed customer agent anyone
syntax keyword triageChannel self_service chat phone email
syntax match triageArrow "->"
syntax match triageCategory "\<[A-Za-z_][A-Za-z0-9_]*\(\.[A-Za-z_][A-Za-z0-9_]*\)\+\>"
syntax match triageNumber "\(^\|[^A-Za-z0-9_.'-]\)\zs-\?\d\+\(\.\d\+\)\?\ze\([^A-Za-z0-9_.'*-]\|$\)"
syntax match triageName "^\s*\(define\|entity\|signal\|playbook\|rule\|category\)\s\+\zs[A-Za-z_][A-Za-z0-9_.]*"

highlight default link triageComment Comment
highlight default link triageString String
highlight default link triageEscape SpecialChar
highlight default link triagePlaceholder Identifier
highlight default link triageRegex String
highlight default link triageRegexFlags StorageClass
highlight default link triageDeclaration Keyword
highlight default link triageClause Statement
highlight default link triageOperator Operator
highlight default link triageModifier StorageClass
highlight default link triageFunction Function
highlight default link triageChannel Constant
highlight default link triageArrow Operator
highlight default link triageCategory Type
highlight default link triageNumber Number
highlight default link triageName Function

let b:current_syntax = "triage"
