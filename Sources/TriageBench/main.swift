import Dispatch
import Foundation
import TriageEngine
import TriageSyntax
import TriageSupport

// triage-bench: measures the engine on a rule pack and a JSONL corpus, with the prefilter and
// naively (every pattern on every message), and prints one RESULT line per mode in the format
// of ../shared/bench so the checksums compare with the peer engines.
//
//   triage-bench RULES CORPUS.jsonl [--mode prefilter|naive|both] [--reps N] [--threads N] [--label NAME]
//   triage-bench RULES CORPUS.jsonl --mode count-regex    # PCRE2 scans and calls per message
//
// checksum = number of (message, rule) pairs where the rule fired.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("triage-bench: \(message)\n".utf8))
    exit(2)
}

/// Totals shared by the worker threads.
final class Totals: @unchecked Sendable {
    let lock = NSLock()
    var checksum = 0
    var matchedDocs = 0
}

func run() {
var arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, default value: String) -> String {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
    let found = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
    return found
}
let mode = option("--mode", default: "both")
let reps = Int(option("--reps", default: "3")) ?? 3
let threads = Int(option("--threads", default: "1")) ?? 1
let label = option("--label", default: "")
guard arguments.count == 2 else { fail("usage: triage-bench RULES CORPUS.jsonl [--mode prefilter|naive|both] [--reps N] [--threads N]") }

let compileStart = Date()
let (compiled, diagnostics) = RuleEngine.compile(paths: [arguments[0]])
guard let ruleSet = compiled else {
    fail("rules do not compile:\n" + DiagnosticRenderer().render(diagnostics))
}
let compileSeconds = Date().timeIntervalSince(compileStart)

guard let corpusData = FileManager.default.contents(atPath: arguments[1]) else { fail("cannot read \(arguments[1])") }
var loaded: [String] = []
for line in corpusData.split(separator: UInt8(ascii: "\n")) {
    guard let text = (try? JSONReader.parse(line))?["text"]?.string else {
        fail("bad corpus line")
    }
    loaded.append(text)
}
let texts = loaded
let bytes = texts.reduce(0) { $0 + $1.utf8.count }

/// Classifies every text (split over `threads` workers) and returns (seconds, checksum, matched documents).
func measure(_ classifier: Classifier) -> (Double, Int, Int) {
    let totals = Totals()
    let start = Date()
    let workers = max(1, threads)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var localChecksum = 0, localMatched = 0
        var index = worker
        while index < texts.count {
            let fired = classifier.classify(Message(texts[index])).evidence.count
            localChecksum += fired
            if fired > 0 { localMatched += 1 }
            index += workers
        }
        totals.lock.withLock {
            totals.checksum += localChecksum
            totals.matchedDocs += localMatched
        }
    }
    return (Date().timeIntervalSince(start), totals.checksum, totals.matchedDocs)
}

if mode == "count-regex" {
    // One pass, one thread: how much matching is still left to PCRE2.
    let classifier = Classifier(ruleSet: ruleSet)
    var work = RegexWork()
    var checksum = 0
    for text in texts {
        let (classification, counted) = classifier.classifyCountingRegexWork(Message(text))
        work.scans += counted.scans
        work.calls += counted.calls
        checksum += classification.evidence.count
    }
    let docs = max(1, texts.count)
    print(String(format: "REGEX docs=%d scans=%d calls=%d scans_per_doc=%.2f calls_per_doc=%.2f checksum=%d",
                 texts.count, work.scans, work.calls, Double(work.scans) / Double(docs), Double(work.calls) / Double(docs), checksum))
    return
}
let coverage = ruleSet.prefilterCoverage
for (name, usePrefilter) in [("triage", true), ("triage-naive", false)] where mode == "both" || (mode == "prefilter") == usePrefilter {
    let classifier = Classifier(ruleSet: ruleSet, usePrefilter: usePrefilter)
    var times: [Double] = []
    var checksum = 0, matchedDocs = 0
    for _ in 0..<max(1, reps) {
        let (seconds, sum, matched) = measure(classifier)
        times.append(seconds)
        checksum = sum
        matchedDocs = matched
    }
    let first = times[0]
    let median = times.sorted()[times.count / 2]
    let mbps = Double(bytes) / 1e6 / median
    print(String(format: "RESULT peer=%@%@ N=%d docs=%d bytes=%d compile_s=%.3f match_s=%.3f first_s=%.3f mbps=%.2f checksum=%d matched_docs=%d threads=%d filtered_patterns=%d always_patterns=%d literals=%d",
                 name, label, ruleSet.rules.count, texts.count, bytes, compileSeconds, median, first, mbps, checksum, matchedDocs, threads,
                 coverage.filtered, coverage.always, coverage.literals))
}
}

run()
