import TriageSupport

/// libFuzzer target: the argument parser. The input, split at NUL bytes, is an argument
/// list parsed against a spec with every kind of option; parsing either fails with a usage
/// message or gives positionals and values that each come from the arguments given, and
/// help for the spec renders. Neither ever crashes.
@_cdecl("LLVMFuzzerTestOneInput")
public func parseArguments(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    do {
        let parsed = try ArgumentParser.parse(arguments, spec: spec)
        for positional in parsed.positionals where !arguments.contains(positional) {
            fatalError("positional \(positional.debugDescription) is not one of the arguments")
        }
        for name in ["format", "limit"] {
            guard let value = parsed.value(OptionName(name)), value != spec.option(long: name)?.defaultValue else { continue }
            if !arguments.contains(where: { $0 == value || $0.hasSuffix(value) }) {
                fatalError("--\(name) value \(value.debugDescription) is not in the arguments")
            }
        }
        for value in parsed.values(OptionName("rules")) where !arguments.contains(where: { $0.hasSuffix(value) }) {
            fatalError("--rules value \(value.debugDescription) is not in the arguments")
        }
        if let format = parsed.value(OptionName("format")), !["text", "json"].contains(format) {
            fatalError("--format accepted \(format.debugDescription), outside its allowed values")
        }
        if let explain = parsed.value(OptionName("explain")), explain != "all" {
            fatalError("--explain accepted \(explain.debugDescription), outside its allowed values")
        }
        if parsed.value(OptionName("explain")) != nil, !arguments.contains(where: { $0.hasSuffix("=all") }) {
            fatalError("--explain took a value that was not attached with '='")
        }
        if parsed.positionals.count > 2 { fatalError("more positionals than the spec allows") }
    } catch {
        if error.message.isEmpty { fatalError("a usage error without a message") }
    }
    _ = HelpFormatter.help(for: spec)
    return 0
}

private let spec = CommandSpec(
    name: "fuzz",
    summary: "every kind of option",
    usage: ["fuzz [options] [TEXT...]"],
    options: [
        OptionSpec(name: OptionName("format"), short: "f", kind: .value(placeholder: "FORMAT"), help: "format", allowedValues: ["text", "json"], defaultValue: "text"),
        OptionSpec(name: OptionName("rules"), short: "r", kind: .repeatable(placeholder: "PATH"), help: "rules"),
        OptionSpec(name: OptionName("explain"), short: "e", kind: .optionalValue(placeholder: "WHAT"), help: "explain", allowedValues: ["all"]),
        OptionSpec(name: OptionName("all"), short: "a", help: "all"),
        OptionSpec(name: OptionName("limit"), kind: .value(placeholder: "N"), help: "limit"),
    ],
    positionalName: "TEXT",
    minPositionals: 0,
    maxPositionals: 2
)
