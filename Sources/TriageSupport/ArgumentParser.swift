/// The second parsing stage: gives the tokens from ``ArgumentToken/tokenize(_:)`` their meaning
/// against a ``CommandSpec``. `--help` is not special here; callers add it to their spec.
public enum ArgumentParser {
    /// `arguments` excludes the program and command names.
    public static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var tokens = ArgumentToken.tokenize(arguments)[...]
        var parsed = ParsedArguments(defaults: defaults(of: spec), declared: Set(spec.options.map(\.long)))

        // Every iteration pops at least one token, so the loop always ends.
        while let token = tokens.popFirst() {
            switch token.kind {
            case .terminator:
                // The tokenizer already turned everything after `--` into values.
                continue
            case .value(let text):
                if let max = spec.maxPositionals, parsed.positionals.count >= max {
                    throw .unexpectedArgument(text)
                }
                parsed.positionals.append(text)
            case .longOption(let name):
                let option = try longOption(name, in: spec)
                if option.takesValue {
                    let value = try nextValue(from: &tokens, for: "--" + name)
                    try record(value, for: option, as: "--" + name, into: &parsed)
                } else {
                    parsed.recordFlag(option.long)
                }
            case .longOptionWithValue(let name, let value):
                let option = try longOption(name, in: spec)
                guard option.takesValue || option.takesOptionalValue else {
                    throw .doesNotTakeValue("--" + name)
                }
                try record(value, for: option, as: "--" + name, into: &parsed)
            case .shortCluster(let cluster):
                try parseCluster(cluster, tokens: &tokens, spec: spec, into: &parsed)
            }
        }

        if parsed.positionals.count < spec.minPositionals {
            throw .missing(spec.positionalName)
        }
        return parsed
    }

    /// `-abc` is three flags; in `-fjson` or `-f=json` the first value option takes the rest.
    private static func parseCluster(
        _ cluster: String,
        tokens: inout ArraySlice<ArgumentToken>,
        spec: CommandSpec,
        into parsed: inout ParsedArguments
    ) throws(UsageError) {
        var rest = Substring(cluster)
        while let character = rest.popFirst() {
            let typed = "-" + String(character)
            guard let option = spec.option(short: character) else {
                throw .unknownOption(typed)
            }
            guard option.takesValue else {
                if rest.first == "=" {
                    // `-e=all`: an optional value is attached with '=' only, and ends the cluster.
                    guard option.takesOptionalValue else { throw .doesNotTakeValue(typed) }
                    try record(String(rest.dropFirst()), for: option, as: typed, into: &parsed)
                    return
                }
                parsed.recordFlag(option.long)
                continue
            }
            if rest.isEmpty {
                let value = try nextValue(from: &tokens, for: typed)
                try record(value, for: option, as: typed, into: &parsed)
            } else {
                let attached = rest.first == "=" ? rest.dropFirst() : rest
                try record(String(attached), for: option, as: typed, into: &parsed)
            }
            return
        }
    }

    private static func longOption(_ name: String, in spec: CommandSpec) throws(UsageError) -> OptionSpec {
        if let option = spec.option(long: name) {
            return option
        }
        let suggestion = EditDistance.closest(to: name, among: spec.options.map(\.long))
        throw .unknownOption("--" + name, suggestion: suggestion.map { "--" + $0 })
    }

    /// The next argument is the value whatever it looks like (`--rules -`, `--pattern -x`),
    /// except `--`, which always ends the options.
    private static func nextValue(
        from tokens: inout ArraySlice<ArgumentToken>,
        for typed: String
    ) throws(UsageError) -> String {
        guard let next = tokens.first, next.kind != .terminator else {
            throw .needsValue(typed)
        }
        tokens.removeFirst()
        return next.text
    }

    private static func record(
        _ value: String,
        for option: OptionSpec,
        as typed: String,
        into parsed: inout ParsedArguments
    ) throws(UsageError) {
        if let allowed = option.allowedValues, !allowed.contains(value) {
            throw .invalidValue(
                value,
                for: typed,
                allowed: allowed,
                suggestion: EditDistance.closest(to: value, among: allowed)
            )
        }
        if case .repeatable = option.kind {
            parsed.record(value, for: option.long, repeatable: true)
        } else {
            parsed.record(value, for: option.long, repeatable: false)
        }
    }

    private static func defaults(of spec: CommandSpec) -> [String: String] {
        var defaults: [String: String] = [:]
        for option in spec.options {
            if let value = option.defaultValue, defaults[option.long] == nil {
                defaults[option.long] = value
            }
        }
        return defaults
    }
}
