import TriageEngine
import TriageSyntax

/// libFuzzer target: parse → format → parse. For every input that parses without errors,
/// formatting must succeed, its result must parse again, formatting that must change
/// nothing (idempotence), and when the input compiles, the result must compile to the same
/// pack (RuleSetFingerprint): formatting never changes what rules mean.
@_cdecl("LLVMFuzzerTestOneInput")
public func formatRoundTrip(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (_, diagnostics) = Parser.parse(SourceFile(path: "fuzz.rules", text: text))
    guard !diagnostics.hasErrors else { return 0 }
    let formatted: String
    switch RuleFormatter.format(SourceFile(path: "fuzz.rules", text: text)) {
    case .success(let result): formatted = result
    case .failure(let failure): fatalError("a file that parses was not formatted: \(failure)")
    }
    switch RuleFormatter.format(SourceFile(path: "fuzz.rules", text: formatted)) {
    case .success(let again) where again == formatted: break
    case .success(let again): fatalError("formatting is not idempotent:\n--- once ---\n\(formatted)\n--- twice ---\n\(again)")
    case .failure(let failure): fatalError("the formatted text does not format again: \(failure)\n\(formatted)")
    }
    let (before, _) = RuleEngine.compile(source: text, path: "fuzz.rules")
    if let before {
        guard let after = RuleEngine.compile(source: formatted, path: "fuzz.rules").0 else {
            fatalError("the input compiles but its formatted text does not:\n\(formatted)")
        }
        if RuleSetFingerprint.of(before) != RuleSetFingerprint.of(after) {
            fatalError("formatting changed the meaning:\n\(formatted)")
        }
    }
    return 0
}
