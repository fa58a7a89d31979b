import Foundation
import TriageEngine
import TriageLint
import TriageSyntax

/// Writes the rule for a candidate as a snippet to paste into the pack: in `triage fmt`
/// layout, with a comment carrying its measured effect, linted in the pack, and checked by
/// compiling the pack with only that rule and classifying again.
struct SnippetWriter {
    /// The path the snippet has in diagnostics.
    static let path = "suggested.rules"

    let pack: LoadedRulePack
    let ruleSet: CompiledRuleSet
    let messages: [Message]
    let expected: [Int?]
    let answers: [Int]
    let mined: [Bool]
    let measured: [Bool]
    let heldOutCount: Int

    /// The candidate with its snippet; `records` are those its batched rule fired on. When
    /// the recompiled pack disagrees with the batched numbers, the recompiled ones are kept.
    func attach(to candidate: PhraseCandidate, category: CompiledCategory, records: [Int], minimumSupport: Int) -> PhraseCandidate {
        var result = candidate
        let name = ruleName(candidate, category: category)
        let rule = """
        rule \(name) -> \(category.id) {
          when \(SnippetWriter.quoted(candidate.phrase))
          weight \(SnippetWriter.number(candidate.weight))
        }

        """
        // Checked with the rule alone, then written with the numbers that check gives.
        let verified = verify(rule, records: records)
        if let verified {
            result.heldOut = verified.heldOut
            result.mined = verified.mined
        }
        let text = comment(result, minimumSupport: minimumSupport) + rule
        let formatted: String
        switch RuleFormatter.format(SourceFile(path: SnippetWriter.path, text: text)) {
        case .success(let output): formatted = output
        case .failure: formatted = text
        }
        result.snippet = RuleSnippet(ruleName: name, text: formatted, lintFindings: lint(formatted),
                                     verified: verified.map { $0.heldOut == candidate.heldOut && $0.mined == candidate.mined } ?? false)
        return result
    }

    private func comment(_ candidate: PhraseCandidate, minimumSupport: Int) -> String {
        let effect = candidate.heldOut
        let part = heldOutCount > 0 ? "on \(effect.records) held-out records" : "on all \(effect.records) records"
        var lines = [
            "# triage suggest: \(part) fixes \(effect.fixed), breaks \(effect.broken), net \(SnippetWriter.signed(effect.net))",
            "# support \(candidate.support), precision \(SnippetWriter.fraction(candidate.precision)) over \(candidate.matches) records",
        ]
        if effect.net > 0 && effect.fixed < minimumSupport {
            lines.append("# warning: the gain rests on \(effect.fixed) record\(effect.fixed == 1 ? "" : "s"), fewer than the minimum support \(minimumSupport)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func ruleName(_ candidate: PhraseCandidate, category: CompiledCategory) -> String {
        var name = ""
        let raw = category.id + (candidate.kind == .candidate ? "_" : "_not_") + candidate.phrase
        for character in raw.lowercased() {
            let keep = character.isASCII && (character.isLetter || character.isNumber)
            if keep { name.append(character) } else if !name.hasSuffix("_") { name.append("_") }
        }
        while name.hasSuffix("_") { name.removeLast() }
        let taken = Set(ruleSet.rules.map(\.name))
        var unique = name
        var counter = 2
        while taken.contains(unique) {
            unique = "\(name)_\(counter)"
            counter += 1
        }
        return unique
    }

    /// Effects with the pack plus this one rule, on the records the batched rule fired on: a
    /// record where the rule does not fire keeps its answer.
    private func verify(_ rule: String, records: [Int]) -> (heldOut: CandidateEffect, mined: CandidateEffect)? {
        var extended = pack
        let (file, parseDiagnostics) = Parser.parse(SourceFile(path: SnippetWriter.path, text: rule))
        guard !parseDiagnostics.hasErrors else { return nil }
        extended.files.append(file)
        guard let compiled = RulePackCompiler.compile(extended).0 else { return nil }
        let classifier = Classifier(ruleSet: compiled)
        var heldOut = CandidateEffect(records: measured.filter { $0 }.count)
        var mined = CandidateEffect(records: self.mined.filter { $0 }.count)
        for record in records {
            let after = classifier.classify(messages[record]).category.index
            if measured[record] { heldOut.count(expected: expected[record], before: answers[record], after: after) }
            if self.mined[record] { mined.count(expected: expected[record], before: answers[record], after: after) }
        }
        return (heldOut, mined)
    }

    /// `triage lint` findings in the snippet, with the pack around it.
    private func lint(_ text: String) -> [String] {
        var extended = pack
        extended.files.append(Parser.parse(SourceFile(path: SnippetWriter.path, text: text)).0)
        return Linter.lint(extended).diagnostics.filter { $0.file?.path == SnippetWriter.path }.map(DiagnosticRenderer.oneLine)
    }

    static func quoted(_ phrase: String) -> String {
        "\"" + phrase.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func signed(_ value: Int) -> String {
        value > 0 ? "+\(value)" : "\(value)"
    }

    static func fraction(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
