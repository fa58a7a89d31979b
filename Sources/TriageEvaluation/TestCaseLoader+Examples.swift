import TriageEngine

extension TestCaseLoader {
    /// The `example` items of every rule of a pack, as cases, in rule order. Their id is
    /// `file:line` of the example, so baselines and `--filter` can name them.
    public static func examples(of ruleSet: CompiledRuleSet) -> [TestCase] {
        ruleSet.rules.flatMap { rule in
            rule.examples.map { example in
                TestCase(id: "\(example.file.path):\(example.line)", kind: .example, file: example.file.path, line: example.line,
                         text: example.text, textLine: example.line, textColumn: example.column,
                         expectation: Expectation(category: ruleSet.categories[example.category].id, negated: example.negated),
                         note: "example of rule '\(rule.name)'")
            }
        }
    }
}
