import TriageSyntax

/// The words and phrases a pack already uses for each category: every word-list entry and
/// phrase in the `when` of the category's rules with a positive weight, following
/// definitions, but not under `not` (there a word counts against the category).
public struct PackVocabulary: Sendable {
    /// Lower-cased entries by category id.
    private var entries: [String: Set<String>] = [:]
    /// Entries ending in `*`, without it.
    private var prefixes: [String: Set<String>] = [:]

    public init(files: [RuleFile]) {
        var defines: [String: Expression] = [:]
        var rules: [RuleDeclaration] = []
        for file in files {
            for declaration in file.declarations {
                switch declaration {
                case .define(let d): if defines[d.name.name] == nil { defines[d.name.name] = d.value }
                case .rule(let d): rules.append(d)
                default: break
                }
            }
        }
        for rule in rules {
            guard case .category(let id) = rule.target, let condition = rule.condition, (rule.weight?.value ?? 1) > 0 else { continue }
            var visiting = Set<String>()
            collect(condition, category: id.name, defines: defines, visiting: &visiting)
        }
    }

    private mutating func collect(_ expression: Expression, category: String, defines: [String: Expression], visiting: inout Set<String>) {
        switch expression {
        case .reference(let name):
            guard let value = defines[name.name], visiting.insert(name.name).inserted else { return }
            collect(value, category: category, defines: defines, visiting: &visiting)
            visiting.remove(name.name)
        case .phrase(let literal):
            add(literal.value, category: category)
        case .words(let list):
            for entry in list.entries { add(entry.text, category: category) }
        case .and(let items, _), .or(let items, _), .quantified(_, let items, _):
            for item in items { collect(item, category: category, defines: defines, visiting: &visiting) }
        case .proximity(let left, let right, _, _, _):
            collect(left, category: category, defines: defines, visiting: &visiting)
            collect(right, category: category, defines: defines, visiting: &visiting)
        case .call(_, let inner, _):
            collect(inner, category: category, defines: defines, visiting: &visiting)
        case .not, .regex, .error:
            break
        }
    }

    private mutating func add(_ text: String, category: String) {
        let lowered = text.lowercased().replacingOccurrences(of: "’", with: "'")
        if lowered.hasSuffix("*") {
            prefixes[category, default: []].insert(String(lowered.dropLast()))
        } else {
            entries[category, default: []].insert(lowered)
        }
    }

    /// Whether the phrase is already one of the category's entries (or matched by a `word*` entry).
    public func contains(_ phrase: String, category: String) -> Bool {
        if entries[category]?.contains(phrase) == true { return true }
        guard !phrase.contains(" "), let stems = prefixes[category] else { return false }
        return stems.contains { !$0.isEmpty && phrase.hasPrefix($0) }
    }
}
