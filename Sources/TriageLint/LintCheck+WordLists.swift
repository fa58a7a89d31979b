import TriageEngine
import TriageSyntax

// The ids of the checks below, with their one-line summaries.
extension DiagnosticID {
    public static let uppercaseInCaselessList = DiagnosticID("uppercase-in-caseless-list", summary: "a capital letter in a word list that ignores case")
    public static let duplicateWord = DiagnosticID("duplicate-word", summary: "the same word twice in one word list")
    public static let spellingVariantInList = DiagnosticID("spelling-variant-in-list", summary: "a word-list entry that the pack's spelling block rewrites before matching")
    public static let punctuationInWord = DiagnosticID("punctuation-in-word", summary: "a word-list entry that starts or ends with punctuation")
}

extension LintCheck {
    /// A word-list entry as it is written back: quoted when it was, or when it needs quotes.
    static func written(_ text: String, quoted: Bool) -> String {
        let bare = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "_-.'’*".contains($0) } && (text.first?.isLetter == true || text.first?.isNumber == true || text.first == "_")
        return quoted || !bare ? RuleFormatter.quoted(text) : text
    }

    static let uppercaseInCaselessList = LintCheck(
        id: .uppercaseInCaselessList,
        rationale: "the list matches any case anyway; the capital suggests the author expected it to matter (use 'words case-sensitive { … }' if it does)",
        triggering: ["define brand = words { Kindle echo }"],
        nonTriggering: ["define brand = words { kindle echo }", "define brand = words case-sensitive { iPhone }"]
    ) { check, context in
        context.wordLists.filter { !$0.list.isCaseSensitive }.flatMap { list, file in
            list.entries.filter { $0.text != $0.text.lowercased() }.map { entry in
                check.finding("'\(entry.text)' has capitals, but this list ignores case", file: file, span: entry.span,
                              hint: "write '\(entry.text.lowercased())', or make the list 'words case-sensitive { … }'",
                              fix: Diagnostic.Fix(span: entry.span, replacement: LintCheck.written(entry.text.lowercased(), quoted: entry.isQuoted)))
            }
        }
    }

    static let duplicateWord = LintCheck(
        id: .duplicateWord,
        rationale: "the second copy does nothing and makes the list harder to review",
        triggering: ["define late = words { late delayed late }", "define late = words { late \"LATE\" }"],
        nonTriggering: ["define late = words { late delayed }", "define brand = words case-sensitive { Echo echo }"]
    ) { check, context in
        var findings: [Diagnostic] = []
        for (list, file) in context.wordLists {
            var seen: [String: SourceSpan] = [:]
            for entry in list.entries {
                let key = list.isCaseSensitive ? entry.text : entry.text.lowercased()
                if let first = seen[key] {
                    findings.append(check.finding("'\(entry.text)' is already in this list", file: file, span: entry.span, hint: "remove this copy",
                                                  notes: [Diagnostic.Note("first here", file: file, span: first)],
                                                  fix: Diagnostic.Fix(span: entry.span, replacement: "")))
                } else {
                    seen[key] = entry.span
                }
            }
        }
        return findings
    }

    static let spellingVariantInList = LintCheck(
        id: .spellingVariantInList,
        rationale: "the message is normalised first, so 'rcvd' in the text is already 'received' when lists are matched: an entry written as the variant never matches",
        triggering: ["spelling { rcvd -> received }\ndefine got = words { rcvd received }", "spelling { plz -> please }\ndefine ask = words { \"plz help\" }"],
        nonTriggering: ["spelling { rcvd -> received }\ndefine got = words { received }"]
    ) { check, context in
        var corrections: [String: String] = [:]
        for spelling in context.spellings {
            for correction in spelling.node.corrections {
                for variant in correction.variants { corrections[TextNormalizer.key(variant.text)] = correction.canonical.text }
            }
        }
        guard !corrections.isEmpty else { return [] }
        return context.wordLists.flatMap { list, file in
            list.entries.compactMap { entry -> Diagnostic? in
                let words = entry.text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                guard let variant = words.first(where: { corrections[TextNormalizer.key($0)] != nil }) else { return nil }
                let canonical = corrections[TextNormalizer.key(variant)]!
                let fixed = words.map { TextNormalizer.key($0) == TextNormalizer.key(variant) ? canonical : $0 }.joined(separator: " ")
                return check.finding("'\(variant)' is rewritten to '\(canonical)' before matching, so '\(entry.text)' never matches", file: file,
                                     span: entry.span, hint: "write '\(fixed)', or remove the entry",
                                     fix: Diagnostic.Fix(span: entry.span, replacement: LintCheck.written(fixed, quoted: entry.isQuoted)))
            }
        }
    }

    static let punctuationInWord = LintCheck(
        id: .punctuationInWord,
        rationale: "entries match on word boundaries, so 'asap!' misses 'asap' and '#fail' misses 'fail'; the punctuation is rarely what is meant",
        triggering: ["define hurry = words { \"asap!\" }", "define tag = words { \"#fail\" }"],
        nonTriggering: ["define hurry = words { asap \"right now\" deliver* hasn't }"]
    ) { check, context in
        context.wordLists.flatMap { list, file in
            list.entries.compactMap { entry -> Diagnostic? in
                var text = entry.text
                if text.hasSuffix("*") { text.removeLast() }
                guard let first = text.first, let last = text.last else { return nil }
                let bad = [first, last].first { !($0.isLetter || $0.isNumber) }
                guard let bad else { return nil }
                let trimmed = text.drop { !($0.isLetter || $0.isNumber) }.reversed().drop { !($0.isLetter || $0.isNumber) }
                let repaired = String(trimmed.reversed()) + (entry.text.hasSuffix("*") && !trimmed.isEmpty ? "*" : "")
                return check.finding("'\(entry.text)' has '\(bad)' at its edge, which word boundaries cannot match well", file: file, span: entry.span,
                                     hint: trimmed.isEmpty ? "remove the entry" : "write '\(String(trimmed.reversed()))'",
                                     fix: Diagnostic.Fix(span: entry.span, replacement: trimmed.isEmpty ? "" : LintCheck.written(repaired, quoted: entry.isQuoted)))
            }
        }
    }
}
