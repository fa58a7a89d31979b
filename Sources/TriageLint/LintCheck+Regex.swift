import TriageEngine
import TriageSyntax

// The ids of the checks below, with their one-line summaries.
extension DiagnosticID {
    public static let regexMatchesEmpty = DiagnosticID("regex-matches-empty", summary: "a regex that can match the empty string")
    public static let catastrophicBacktracking = DiagnosticID("catastrophic-backtracking", summary: "a regex with nested or overlapping repetition that an adversarial message drives into exponential backtracking, confirmed by probing it under a small match limit")
    public static let slowAtEveryPosition = DiagnosticID("slow-at-every-position", summary: "a regex whose work at one start position grows with the length of the message (two overlapping unbounded repetitions), confirmed by counting its steps on probes of 100 and 400 characters")
    public static let caseSensitiveRegex = DiagnosticID("case-sensitive-regex", summary: "a regex without the 'i' flag that contains mixed-case words")
    public static let unmatchableBoundary = DiagnosticID("unmatchable-boundary", summary: "a '\\b' next to punctuation in a regex")
    public static let noPrefilterLiteral = DiagnosticID("no-prefilter-literal", summary: "a pattern with no literal text the prefilter can look for, so it runs on every message")
}

extension LintCheck {
    static let regexMatchesEmpty = LintCheck(
        id: .regexMatchesEmpty,
        rationale: "it matches every message, at every position, so the rule fires on anything",
        triggering: ["category c \"C\" { playbook general }\nrule r -> c { when /(late)?/ }", "category c \"C\" { playbook general }\nrule r -> c { when /x*/ }"],
        nonTriggering: ["category c \"C\" { playbook general }\nrule r -> c { when /(late)+/ }"]
    ) { check, context in
        context.patterns.filter { $0.kind == .regex }.compactMap { pattern in
            guard RegexRisk.matchesEmpty(pattern, probes: ["", "z", "late parcel"]) else { return nil }
            return check.finding("regex \(shorten(pattern.source)) can match the empty string", file: pattern.file, span: pattern.span,
                                             hint: "make at least one part required: '+' instead of '*', or drop the '?' around the whole pattern")
        }
    }

    static let catastrophicBacktracking = LintCheck(
        id: .catastrophicBacktracking,
        rationale: "such a pattern can take seconds or hit the match limit on one long message; the limit keeps Triage safe, but the rule then misses",
        triggering: ["category c \"C\" { playbook general }\nrule r -> c { when /(a+)+$/ }", "category c \"C\" { playbook general }\nrule r -> c { when /^(\\w|\\d)+x$/ }"],
        nonTriggering: ["category c \"C\" { playbook general }\nrule r -> c { when /\\ba+\\b/ }", "category c \"C\" { playbook general }\nrule r -> c { when /(late|delayed)+/ }"]
    ) { check, context in
        context.patterns.filter { $0.kind == .regex }.compactMap { pattern in
            guard RegexRisk.hasNestedRepetition(pattern.expression), let probe = RegexRisk.confirm(pattern) else { return nil }
            let shown = probe.count > 24 ? String(probe.prefix(12)) + "…" + String(probe.suffix(4)) : probe
            return check.finding(
                "regex \(shorten(pattern.source)) backtracks catastrophically: '\(shown.debugDescriptionQuoted)' (\(probe.count) characters) exhausts a match limit of \(RegexRisk.probeLimit)",
                file: pattern.file, span: pattern.span,
                hint: "avoid a repeated group whose body can itself repeat or match the same text two ways: (a+)+ → a+, (\\w|\\d)+ → \\w+; atomic groups (?>…) or possessive quantifiers (a++) also help")
        }
    }

    static let slowAtEveryPosition = LintCheck(
        id: .slowAtEveryPosition,
        rationale: "PCRE2's match limit bounds one start position, and each stays under it, so a long message that never matches costs the cube of its length: seconds for 40 KB, minutes for 1 MB; only the time budget stops it, and the rules that use it are then not evaluated",
        triggering: ["category c \"C\" { playbook general }\nrule r -> c { when /(?:a|b)*(?:a|b)*c\\d/ }", "category c \"C\" { playbook general }\nrule r -> c { when /\\w+\\s*\\w+z\\d/ }"],
        nonTriggering: ["category c \"C\" { playbook general }\nrule r -> c { when /[ab]*+c\\d/ }", "category c \"C\" { playbook general }\nrule r -> c { when /\\bord\\w+ \\d+/ }", "category c \"C\" { playbook general }\nrule r -> c { when /\\w+ing\\b/ }"]
    ) { check, context in
        context.patterns.filter { $0.kind == .regex }.compactMap { pattern in
            guard RegexRisk.hasTwoUnboundedRepetitions(pattern.expression), !RegexRisk.hasNestedRepetition(pattern.expression) || RegexRisk.confirm(pattern) == nil,
                  let slow = RegexRisk.slowAtEveryPosition(pattern) else { return nil }
            let shown = slow.probe.count > 24 ? String(slow.probe.prefix(12)) + "…" + String(slow.probe.suffix(4)) : slow.probe
            return check.finding(
                "regex \(shorten(pattern.source)) does more work at each position the longer the message: \(slow.short) steps for \(RegexRisk.shortProbe) characters, \(slow.long) for \(slow.probe.count) characters ('\(shown.debugDescriptionQuoted)')",
                file: pattern.file, span: pattern.span,
                hint: "let only one repetition take each stretch of text: merge adjacent repeats ((a|b)*(a|b)* → [ab]*), make them possessive ([ab]*+) or atomic ((?>…)), or anchor the pattern on a word")
        }
    }

    static let caseSensitiveRegex = LintCheck(
        id: .caseSensitiveRegex,
        rationale: "'/Refund/' misses 'refund' and 'REFUND'; customers do not write in the case the author expects",
        triggering: ["define r = /Refund (is )?late/"],
        nonTriggering: ["define r = /Refund (is )?late/i", "define r = /refund/", "define r = /(?i)Refund/", "define id = /\\bTBA\\d+/"]
    ) { check, context in
        context.regexLiterals.compactMap { literal, file in
            guard !literal.flags.contains("i"), !literal.pattern.contains("(?i"), let word = RegexRisk.mixedCaseWord(in: literal.pattern) else { return nil }
            return check.finding("regex matches '\(word)' only in exactly that case", file: file, span: literal.span,
                                              hint: "add the 'i' flag: /\(literal.pattern)/i\(literal.flags)")
        }
    }

    static let unmatchableBoundary = LintCheck(
        id: .unmatchableBoundary,
        rationale: "'\\b' needs a word character on one side; next to '#', '$' or '.' it matches only when a letter touches the punctuation, which is rarely the case",
        triggering: ["define tag = /\\b#fail\\b/", "define price = /\\b\\$\\d+/"],
        nonTriggering: ["define tag = /#fail\\b/", "define late_word = /\\blate\\b/", "define group = /\\b(late|slow)\\b/", "define not_too_late = /(?<!\\btoo\\s)late/"]
    ) { check, context in
        context.regexLiterals.compactMap { literal, file in
            guard let offset = RegexRisk.boundaryNextToPunctuation(literal.pattern) else { return nil }
            let start = literal.patternStart + offset
            return check.finding("'\\b' stands next to punctuation and will rarely match", file: file, span: SourceSpan(start: start, end: start + 2),
                                               hint: "drop this '\\b', or use (?<!\\w) / (?!\\w) to mean 'not inside a word'")
        }
    }

    static let noPrefilterLiteral = LintCheck(
        id: .noPrefilterLiteral,
        rationale: "the prefilter skips a pattern when none of its required words occur; a pattern made only of classes, wildcards or optional parts runs through PCRE2 on every message and slows every classification",
        triggering: ["category c \"C\" { playbook general }\nrule r -> c { when /\\d{3}-\\d{7}/ }", "category c \"C\" { playbook general }\nrule r -> c { when /(late)?\\w+/ }"],
        nonTriggering: ["category c \"C\" { playbook general }\nrule r -> c { when /order\\s+\\d{3}-\\d{7}/ }", "category c \"C\" { playbook general }\nrule r -> c { when words { late delayed } }"]
    ) { check, context in
        // A one-character literal ('-', '$') is technically required but rules out almost nothing.
        let useless = { (pattern: CompiledPattern) -> Bool in
            guard let sets = pattern.requiredLiterals else { return true }
            return sets.allSatisfy { set in (set.map(\.count).min() ?? 0) < 2 }
        }
        return context.patterns.filter(useless).map { pattern in
            check.finding("pattern \(shorten(pattern.source)) has no literal the prefilter can use, so it runs on every message", file: pattern.file, span: pattern.span,
                          hint: "anchor it on a word that every match contains (e.g. 'order\\s+\\d{3}…'), or accept the cost and silence this with '# triage-ignore: no-prefilter-literal'")
        }
    }

    static func shorten(_ source: String) -> String {
        source.count > 40 ? String(source.prefix(39)) + "…" : source
    }
}

extension String {
    /// The string as it would be written in a Swift literal, without the quotes.
    var debugDescriptionQuoted: String { String(debugDescription.dropFirst().dropLast()) }
}
