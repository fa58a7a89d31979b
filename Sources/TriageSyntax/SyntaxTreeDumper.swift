/// Prints a parsed rule file as an indented tree, one node per line, for golden tests and
/// for debugging the parser.
public enum SyntaxTreeDumper {
    public static func dump(_ file: RuleFile) -> String {
        var lines: [String] = []
        for declaration in file.declarations {
            dump(declaration, into: &lines)
        }
        for comment in file.comments {
            let location = file.source.location(of: comment.span.start)
            lines.append("comment \(location) \(comment.isOwnLine ? "own-line" : "trailing") \"\(comment.text)\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func dump(_ declaration: Declaration, into lines: inout [String]) {
        switch declaration {
        case .importFile(let d):
            lines.append("import \"\(d.path.value)\"")
        case .define(let d):
            lines.append("define \(d.name.name)")
            dump(d.value, depth: 1, into: &lines)
        case .category(let d):
            lines.append("category \(d.id.name) title=\(quoted(d.title)) playbook=\(d.playbook?.name ?? "-") priority=\(d.priority?.text ?? "-")" + (d.outranks.isEmpty ? "" : " outranks=" + d.outranks.map(\.name).joined(separator: ",")))
        case .signal(let d):
            lines.append("signal \(d.name.name) title=\(quoted(d.title))")
        case .entity(let d):
            lines.append("entity \(d.name.name) title=\(quoted(d.title)) as=\(d.normalizer?.name ?? "-")")
            dump(d.pattern, depth: 1, into: &lines)
        case .rule(let d):
            let target = d.target.text
            lines.append("rule \(d.name.name) -> \(target) weight=\(d.weight?.text ?? "-") speaker=\(d.speaker?.name ?? "-")")
            if let condition = d.condition {
                lines.append("  when")
                dump(condition, depth: 2, into: &lines)
            }
            for exception in d.exceptions {
                lines.append("  unless")
                dump(exception, depth: 2, into: &lines)
            }
            for example in d.examples {
                lines.append("  example \"\(example.text.value)\" -> \(example.negated ? "not " : "")\(example.category.name)")
            }
        case .playbook(let d):
            lines.append("playbook \(d.name.name) title=\(quoted(d.title))")
            for item in d.items {
                switch item {
                case .needs(let entity, let description, _):
                    lines.append("  needs \(entity?.name ?? "-") \"\(description.value)\"")
                case .step(let step), .escalate(let step):
                    let keyword = if case .step = item { "step" } else { "escalate" }
                    lines.append("  \(keyword) \(step.channel.name) \"\(step.text.value)\"" + (step.condition.map { " when " + describe($0) } ?? ""))
                case .record(let text, _):
                    lines.append("  record \"\(text.value)\"")
                }
            }
        case .settings(let d):
            lines.append("settings " + d.settings.map { "\($0.name.name)=\($0.value.text)" }.joined(separator: " "))
        case .lint(let d):
            lines.append("lint " + d.clauses.map { clause in
                switch clause {
                case .disable(let ids, _): return "disable=" + ids.map(\.name).joined(separator: ",")
                case .enable(let ids, _): return "enable=" + ids.map(\.name).joined(separator: ",")
                case .severity(let id, let level, _): return "severity=\(id.name):\(level.name)"
                }
            }.joined(separator: " "))
        case .override(let d):
            switch d.target {
            case .playbook(let playbook): lines.append("override playbook \(playbook.name.name) (\(playbook.items.count) items)")
            case .category(let category):
                lines.append("override category \(category.id.name) playbook=\(category.playbook?.name ?? "-") priority=\(category.priority?.text ?? "-")")
            case .rule(let name, let weight): lines.append("override rule \(name.name) weight=\(weight?.text ?? "-")")
            }
        case .spelling(let d):
            lines.append("spelling")
            for correction in d.corrections {
                lines.append("  " + correction.variants.map(\.text).joined(separator: " ") + " -> \"" + correction.canonical.text + "\"")
            }
        }
    }

    private static func dump(_ expression: Expression, depth: Int, into lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        switch expression {
        case .reference(let name): lines.append(indent + "ref \(name.name)")
        case .regex(let literal): lines.append(indent + "regex /\(literal.pattern)/\(literal.flags)")
        case .phrase(let literal): lines.append(indent + "phrase \"\(literal.value)\"")
        case .words(let list):
            lines.append(indent + "words\(list.isCaseSensitive ? " case-sensitive" : "")\(list.isFuzzy ? " fuzzy" : "")\(list.gap > 0 ? " gap \(list.gap)" : "") [" + list.entries.map { $0.isQuoted ? "\"\($0.text)\"" : $0.text }.joined(separator: ", ") + "]")
        case .not(let inner, _):
            lines.append(indent + "not")
            dump(inner, depth: depth + 1, into: &lines)
        case .and(let items, _), .or(let items, _):
            let keyword = if case .and = expression { "and" } else { "or" }
            lines.append(indent + keyword)
            items.forEach { dump($0, depth: depth + 1, into: &lines) }
        case .proximity(let left, let right, let distance, let order, _):
            lines.append(indent + "within \(distance) words \(order.rawValue)")
            dump(left, depth: depth + 1, into: &lines)
            dump(right, depth: depth + 1, into: &lines)
        case .quantified(let quantifier, let items, _):
            let name: String
            switch quantifier {
            case .any: name = "any of"
            case .all: name = "all of"
            case .atLeast(let count): name = "at least \(count) of"
            }
            lines.append(indent + name)
            items.forEach { dump($0, depth: depth + 1, into: &lines) }
        case .call(let function, let argument, _):
            lines.append(indent + function.rawValue)
            dump(argument, depth: depth + 1, into: &lines)
        case .error:
            lines.append(indent + "<error>")
        }
    }

    private static func describe(_ condition: StepCondition) -> String {
        switch condition {
        case .signal(let name): return name.name
        case .has(let name): return "has \(name.name)"
        case .missing(let name): return "missing \(name.name)"
        case .not(let inner, _): return "not " + describe(inner)
        case .and(let items, _): return "(" + items.map(describe).joined(separator: " and ") + ")"
        case .or(let items, _): return "(" + items.map(describe).joined(separator: " or ") + ")"
        case .error: return "<error>"
        }
    }

    private static func quoted(_ literal: StringLiteral?) -> String {
        literal.map { "\"\($0.value)\"" } ?? "-"
    }
}
