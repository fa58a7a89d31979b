import Foundation
import TriageSupport

/// Every decision of a run, saved so later runs fail only on what changed.
public struct Baseline: Sendable, Equatable {
    public struct Decision: Sendable, Equatable {
        public let category: String
        public let secondary: String?
        public let passed: Bool
    }

    public static let schema = "triage.baseline"
    public static let version = 1

    public var decisions: [String: Decision]

    public init(results: [CaseResult]) {
        decisions = Dictionary(results.map { ($0.testCase.id, Decision(category: $0.category, secondary: $0.secondary, passed: $0.status == .passed || $0.status == .fixedTodo)) },
                               uniquingKeysWith: { a, _ in a })
    }

    public init(decisions: [String: Decision]) {
        self.decisions = decisions
    }

    public struct ReadError: Error, Sendable {
        public let message: String
    }

    public static func read(_ path: String) throws(ReadError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else { throw ReadError(message: "cannot read baseline '\(path)'") }
        guard let object = try? JSONReader.parse(data), object["schema"]?.string == schema,
              case .object(let cases)? = object["cases"] else {
            throw ReadError(message: "'\(path)' is not a triage baseline (schema \(schema))")
        }
        var decisions: [String: Decision] = [:]
        for member in cases {
            let entry = member.value
            guard let category = entry["category"]?.string, let passed = entry["passed"]?.bool else {
                throw ReadError(message: "baseline '\(path)' has a malformed entry for '\(member.key)'")
            }
            decisions[member.key] = Decision(category: category, secondary: entry["secondary"]?.string, passed: passed)
        }
        return Baseline(decisions: decisions)
    }

    /// Stable JSON: one case per line, sorted by id, so baseline diffs review well.
    public func serialized() -> String {
        func quote(_ s: String) -> String {
            JSONWriter.write(.string(s), pretty: false)
        }
        var lines = ["{", "  \"schema\": \"\(Baseline.schema)\",", "  \"version\": \(Baseline.version),", "  \"cases\": {"]
        let ids = decisions.keys.sorted()
        for (index, id) in ids.enumerated() {
            let decision = decisions[id]!
            let secondary = decision.secondary.map(quote) ?? "null"
            lines.append("    \(quote(id)): {\"category\": \(quote(decision.category)), \"secondary\": \(secondary), \"passed\": \(decision.passed)}" + (index < ids.count - 1 ? "," : ""))
        }
        lines += ["  }", "}"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// How a run differs from this baseline.
    public struct Comparison: Sendable {
        /// Passed in the baseline (or are new), fail now.
        public let newlyBroken: [CaseResult]
        /// Failed in the baseline, pass now.
        public let newlyFixed: [CaseResult]
        /// Other changed answers (wrong before, differently wrong now).
        public let changed: [CaseResult]
        /// Cases in the baseline that this run did not see.
        public let removed: [String]
    }

    public func compare(_ results: [CaseResult]) -> Comparison {
        var broken: [CaseResult] = [], fixed: [CaseResult] = [], changed: [CaseResult] = []
        var seen = Set<String>()
        for result in results {
            seen.insert(result.testCase.id)
            let passes = result.status == .passed || result.status == .fixedTodo || result.status == .knownFailure
            guard let before = decisions[result.testCase.id] else {
                if !passes { broken.append(result) }
                continue
            }
            let nowPassed = result.status == .passed || result.status == .fixedTodo
            if before.passed && !nowPassed && result.status != .knownFailure { broken.append(result) }
            else if !before.passed && nowPassed { fixed.append(result) }
            else if before.category != result.category || before.secondary != result.secondary { changed.append(result) }
        }
        return Comparison(newlyBroken: broken, newlyFixed: fixed, changed: changed, removed: decisions.keys.filter { !seen.contains($0) }.sorted())
    }
}
