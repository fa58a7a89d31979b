extension RuleFormatter {
    /// The whole file: declarations in the author's order, one blank line around block
    /// declarations, the author's blank lines (at most one) elsewhere.
    func formatFile() -> [Line] {
        var printer = Printer()
        let declarations = file.declarations
        let placement = place(file.comments, among: declarations.map(\.span), open: nil)
        var previousIsBlock = false
        for (index, declaration) in declarations.enumerated() {
            let rendered = render(declaration, inner: placement.inner[index])
            emit(rendered, leading: placement.leading[index], trailing: placement.trailing[index], start: declaration.span.start,
                 indent: 0, separated: index > 0 && (previousIsBlock || rendered.isBlock), into: &printer)
            previousIsBlock = rendered.isBlock
        }
        emitClosing(placement.closing, indent: 0, into: &printer)
        return printer.lines
    }

    func render(_ declaration: Declaration, inner: [Comment]) -> Rendered {
        switch declaration {
        case .importFile(let d):
            return Rendered(lines: [Line(indent: 0, code: "import " + RuleFormatter.quoted(d.path.value))], hoisted: inner)
        case .define(let d):
            return renderExpression(prefix: "define \(d.name.name) = ", d.value, inner: inner, indent: 0)
        case .signal(let d):
            return Rendered(lines: [Line(indent: 0, code: "signal \(d.name.name)" + RuleFormatter.title(d.title))], hoisted: inner)
        case .entity(let d):
            return renderExpression(prefix: "entity \(d.name.name)" + RuleFormatter.title(d.title) + " = ", d.pattern,
                                    suffix: d.normalizer.map { " as \($0.name)" } ?? "", inner: inner, indent: 0)
        case .category(let d):
            return renderCategory(d, inner: inner)
        case .rule(let d):
            return renderRule(d, inner: inner)
        case .playbook(let d):
            return renderPlaybook(d, inner: inner)
        case .settings(let d):
            let items = d.settings.map { setting in
                BlockItem(extent: setting.span, rank: 0) { inner, indent in
                    Rendered(lines: [Line(indent: indent, code: "\(setting.name.name) \(setting.value.text)")], hoisted: inner)
                }
            }
            return renderBlock(header: "settings", span: d.span, items: items, inner: inner)
        case .spelling(let d):
            let items = d.corrections.map { correction in
                BlockItem(extent: correction.span, rank: 0) { inner, indent in
                    let variants = correction.variants.map { $0.isQuoted ? RuleFormatter.quoted($0.text) : $0.text }
                    let canonical = correction.canonical.isQuoted ? RuleFormatter.quoted(correction.canonical.text) : correction.canonical.text
                    return Rendered(lines: [Line(indent: indent, code: variants.joined(separator: " ") + " -> " + canonical)], hoisted: inner)
                }
            }
            return renderBlock(header: "spelling", span: d.span, items: items, inner: inner)
        case .lint(let d):
            let items = d.clauses.map { clause -> BlockItem in
                switch clause {
                case .disable(let ids, let span): return lineItem(extent: span, rank: 0, "disable " + ids.map(\.name).joined(separator: " "))
                case .enable(let ids, let span): return lineItem(extent: span, rank: 0, "enable " + ids.map(\.name).joined(separator: " "))
                case .severity(let id, let level, let span): return lineItem(extent: span, rank: 0, "severity \(id.name) \(level.name)")
                }
            }
            return renderBlock(header: "lint", span: d.span, items: items, inner: inner)
        case .override(let d):
            var rendered: Rendered
            switch d.target {
            case .playbook(let playbook): rendered = renderPlaybook(playbook, inner: inner)
            case .category(let category): rendered = renderCategory(category, inner: inner)
            case .rule(let name, let weight):
                let items = weight.map { [lineItem(extent: clauseExtent(valueAt: $0.span), rank: 0, "weight \($0.text)")] } ?? []
                rendered = renderBlock(header: "rule \(name.name)", span: d.span, items: items, inner: inner)
            }
            if let first = rendered.lines.firstIndex(where: { !$0.code.isEmpty }) {
                rendered.lines[first].code = "override " + rendered.lines[first].code
            }
            return rendered
        }
    }

    // MARK: Blocks

    /// One clause or item of a block. `rank` orders the items of the canonical layout; items
    /// of equal rank keep the author's order.
    struct BlockItem {
        let extent: SourceSpan
        let rank: Int
        let render: (_ inner: [Comment], _ indent: Int) -> Rendered
    }

    /// `header {`, the items one per line in canonical order with their comments, `}`.
    func renderBlock(header: String, span: SourceSpan, items: [BlockItem], inner: [Comment], indent: Int = 0) -> Rendered {
        guard let open = firstToken(.leftBrace, from: span.start), open.span.end <= span.end else {
            return Rendered(lines: [Line(indent: indent, code: header)], hoisted: inner)
        }
        let interior = SourceSpan(start: open.span.end - 1, end: span.end - 1)
        let (blockComments, outside) = comments(inner, inside: interior)
        let sorted = items.sorted { $0.extent.start < $1.extent.start }
        let placement = place(blockComments, among: sorted.map(\.extent), open: open.span.end)
        var printer = Printer()
        printer.add(Line(indent: indent, code: header + " {", comment: placement.header.map(RuleFormatter.commentText)), opensBlock: true)
        let order = sorted.indices.sorted { (sorted[$0].rank, sorted[$0].extent.start) < (sorted[$1].rank, sorted[$1].extent.start) }
        for index in order {
            let item = sorted[index]
            emit(item.render(placement.inner[index], indent + RuleFormatter.indentWidth), leading: placement.leading[index],
                 trailing: placement.trailing[index], start: item.extent.start, indent: indent + RuleFormatter.indentWidth,
                 separated: false, into: &printer)
        }
        emitClosing(placement.closing, indent: indent + RuleFormatter.indentWidth, into: &printer)
        printer.add(Line(indent: indent, code: "}"))
        return Rendered(lines: printer.lines, hoisted: outside, isBlock: true)
    }

    /// Comments between a block's braces.
    func blockComments(_ inner: [Comment], span: SourceSpan) -> [Comment] {
        guard let open = firstToken(.leftBrace, from: span.start), open.span.end <= span.end else { return [] }
        return comments(inner, inside: SourceSpan(start: open.span.end - 1, end: span.end - 1)).inside
    }

    /// A one-line clause or item: keyword and value.
    func lineItem(extent: SourceSpan, rank: Int, _ code: String) -> BlockItem {
        BlockItem(extent: extent, rank: rank) { inner, indent in
            Rendered(lines: [Line(indent: indent, code: code)], hoisted: inner)
        }
    }

    // MARK: Declarations with blocks

    /// Items in the order playbook, priority, description; `{ playbook p }` on the
    /// declaration's line when that is all there is and no comment is inside.
    func renderCategory(_ d: CategoryDeclaration, inner: [Comment]) -> Rendered {
        let header = "category \(d.id.name)" + RuleFormatter.title(d.title)
        let insideComments = blockComments(inner, span: d.span)
        if insideComments.isEmpty && d.priority == nil && d.outranks.isEmpty && d.description == nil {
            let block = d.playbook.map { " { playbook \($0.name) }" } ?? ""
            return Rendered(lines: [Line(indent: 0, code: header + block)], hoisted: inner)
        }
        var items: [BlockItem] = []
        if let playbook = d.playbook {
            items.append(lineItem(extent: clauseExtent(valueAt: playbook.span), rank: 0, "playbook \(playbook.name)"))
        }
        if let priority = d.priority {
            items.append(lineItem(extent: clauseExtent(valueAt: priority.span), rank: 1, "priority \(priority.text)"))
        }
        if let first = d.outranks.first, let last = d.outranks.last {
            items.append(lineItem(extent: clauseExtent(valueAt: SourceSpan(start: first.span.start, end: last.span.end)), rank: 2,
                                  "outranks " + d.outranks.map(\.name).joined(separator: " ")))
        }
        if let description = d.description {
            items.append(lineItem(extent: clauseExtent(valueAt: description.span), rank: 3, "description " + RuleFormatter.quoted(description.value)))
        }
        return renderBlock(header: header, span: d.span, items: items, inner: inner)
    }

    /// Clauses in the order when, unless…, weight, speaker, description, examples.
    func renderRule(_ d: RuleDeclaration, inner: [Comment]) -> Rendered {
        let target = d.target.text
        var items: [BlockItem] = []
        if let condition = d.condition {
            items.append(BlockItem(extent: clauseExtent(expression: condition), rank: 0) { inner, indent in
                self.renderExpression(prefix: "when ", condition, inner: inner, indent: indent)
            })
        }
        for exception in d.exceptions {
            items.append(BlockItem(extent: clauseExtent(expression: exception), rank: 1) { inner, indent in
                self.renderExpression(prefix: "unless ", exception, inner: inner, indent: indent)
            })
        }
        if let weight = d.weight {
            items.append(lineItem(extent: clauseExtent(valueAt: weight.span), rank: 2, "weight \(weight.text)"))
        }
        if let speaker = d.speaker {
            items.append(lineItem(extent: clauseExtent(valueAt: speaker.span), rank: 3, "speaker \(speaker.name)"))
        }
        if let description = d.description {
            items.append(lineItem(extent: clauseExtent(valueAt: description.span), rank: 4, "description " + RuleFormatter.quoted(description.value)))
        }
        for example in d.examples {
            let expected = (example.negated ? "not " : "") + example.category.name
            items.append(lineItem(extent: example.span, rank: 5, "example " + RuleFormatter.quoted(example.text.value) + " -> " + expected))
        }
        return renderBlock(header: "rule \(d.name.name) -> \(target)", span: d.span, items: items, inner: inner)
    }

    /// Items grouped needs, step, record, escalate; steps (and each group) keep their order,
    /// which is the order they are shown in.
    func renderPlaybook(_ d: PlaybookDeclaration, inner: [Comment]) -> Rendered {
        let items = d.items.map { item -> BlockItem in
            switch item {
            case .needs(let entity, let description, let span):
                return lineItem(extent: span, rank: 0, "needs " + (entity.map { $0.name + " " } ?? "") + RuleFormatter.quoted(description.value))
            case .step(let step):
                return lineItem(extent: step.span, rank: 1, "step " + stepText(step))
            case .record(let text, let span):
                return lineItem(extent: span, rank: 2, "record " + RuleFormatter.quoted(text.value))
            case .escalate(let step):
                return lineItem(extent: step.span, rank: 3, "escalate " + stepText(step))
            }
        }
        return renderBlock(header: "playbook \(d.name.name)" + RuleFormatter.title(d.title), span: d.span, items: items, inner: inner)
    }

    func stepText(_ step: PlaybookStep) -> String {
        "\(step.channel.name) " + RuleFormatter.quoted(step.text.value)
            + (step.condition.map { " when " + RuleFormatter.stepCondition($0, context: .none) } ?? "")
    }

    // MARK: Literals

    static func title(_ literal: StringLiteral?) -> String {
        literal.map { " " + quoted($0.value) } ?? ""
    }

    /// A string written from its decoded value: `"` and `\` escaped, line breaks and tabs as
    /// `\n` and `\t`, everything else as it is.
    public static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
