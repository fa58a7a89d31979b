import TriageEngine
import TriageSyntax

/// libFuzzer target: arbitrary bytes as a rule file. The parser must never crash or hang,
/// every diagnostic must render (its span inside the file), and compiling what parsed must
/// not crash either (PCRE2 sees every regex literal the fuzzer invents).
@_cdecl("LLVMFuzzerTestOneInput")
public func parseRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let source = SourceFile(path: "fuzz.rules", text: text)
    let (file, diagnostics) = Parser.parse(source)
    for diagnostic in diagnostics {
        if let span = diagnostic.span, span.start < 0 || span.end < span.start || span.start > text.utf8.count {
            fatalError("diagnostic span \(span.start)..<\(span.end) outside a file of \(text.utf8.count) bytes: \(diagnostic.message)")
        }
    }
    _ = DiagnosticRenderer().render(diagnostics)
    _ = SyntaxTreeDumper.dump(file)
    guard let ruleSet = RuleEngine.compile(source: text, path: "fuzz.rules").0 else { return 0 }
    // A pack that compiles: the prefilter must never change an answer (it may only skip
    // patterns that cannot match), checked on a few messages and on the rule text itself.
    let withPrefilter = Classifier(ruleSet: ruleSet, timeBudget: nil)
    let withoutPrefilter = Classifier(ruleSet: ruleSet, usePrefilter: false, timeBudget: nil)
    for message in samples + [text] {
        let a = withPrefilter.classify(message), b = withoutPrefilter.classify(message)
        if summary(a) != summary(b) {
            fatalError("the prefilter changed the answer on '\(message)':\n\(summary(a))\n\(summary(b))")
        }
    }
    return 0
}

private let samples = [
    "my parcel is late", "customer: where is it?\nagent: sorry\ncustomer: order 112-3456789-1234567 late",
    "It's NOT damaged, the box was crushed; refund $25.00 asap!!", "\u{212A}elvin \u{17F}ign caf\u{E9} STRASSE", "",
]

/// What an answer is made of, evidence positions included.
func summary(_ c: Classification) -> String {
    "\(c.category.id) \(c.score) \(c.secondary?.id ?? "-") \(c.evidence.map { "\($0.rule):\($0.spans.map { "\($0.turn):\($0.range)" })" }) "
        + "\(c.entities.map { "\($0.name)=\($0.value)" }) \(c.signals.map(\.signal.name)) \(c.limitHits.count)"
}
