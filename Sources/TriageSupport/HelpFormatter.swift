/// Renders a command's help from the same ``CommandSpec`` the parser uses, so they cannot disagree.
public enum HelpFormatter {
    /// Usage lines, summary, an aligned option table, then the discussion.
    /// Plain text without a final newline, so callers choose how to print it.
    public static func help(for spec: CommandSpec) -> String {
        var sections: [String] = []

        let usage = spec.usageLines.enumerated().map { index, line in
            (index == 0 ? "usage: " : "       ") + line
        }
        sections.append(usage.joined(separator: "\n"))

        if !spec.summary.isEmpty {
            sections.append(spec.summary)
        }
        if !spec.options.isEmpty {
            sections.append("options:\n" + optionTable(spec.options))
        }
        if let discussion = spec.discussion, !discussion.isEmpty {
            sections.append(discussion)
        }
        return sections.joined(separator: "\n\n")
    }

    private static func optionTable(_ options: [OptionSpec]) -> String {
        let rows = options.map { (names: names(of: $0), text: text(of: $0)) }
        let width = rows.map(\.names.count).max() ?? 0
        return rows.map { row in
            let padding = String(repeating: " ", count: width - row.names.count + 2)
            return "  " + row.names + padding + row.text
        }.joined(separator: "\n")
    }

    /// `-f, --format FORMAT`; options without a short name are indented to line up.
    private static func names(of option: OptionSpec) -> String {
        let short = option.short.map { "-\($0), " } ?? "    "
        return short + "--" + option.long + option.valueSyntax
    }

    private static func text(of option: OptionSpec) -> String {
        var notes: [String] = []
        if let allowed = option.allowedValues {
            notes.append("one of: " + allowed.joined(separator: ", "))
        }
        if let defaultValue = option.defaultValue {
            notes.append("default: " + defaultValue)
        }
        if case .repeatable = option.kind {
            notes.append("may be repeated")
        }
        guard !notes.isEmpty else {
            return option.help
        }
        let joined = notes.joined(separator: "; ")
        return option.help.isEmpty ? joined : "\(option.help) (\(joined))"
    }
}
