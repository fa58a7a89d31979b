extension RuleFormatter {
    /// A piece of a printed expression: text, or a word list that may spread over lines.
    enum Piece {
        case text(String)
        case list(ListLayout)
    }

    /// A word list ready to print on one line or, filled to the line width, over several.
    struct ListLayout {
        struct Entry {
            let text: String
            let leading: [String]
            let trailing: String?
        }

        /// `words {`, with its modifiers: `words case-sensitive fuzzy {`.
        let head: String
        let entries: [Entry]
        let header: String?
        let closing: [String]

        /// A comment inside the list keeps it over several lines.
        var hasComments: Bool {
            header != nil || !closing.isEmpty || entries.contains { !$0.leading.isEmpty || $0.trailing != nil }
        }

        var inline: String { head + " " + entries.map(\.text).joined(separator: " ") + " }" }
    }

    /// Binding strength, loosest first; `within` binds tighter than `not`. `none` is the
    /// context of a whole expression or a function argument.
    enum Precedence: Int, Comparable {
        case none = 0, or, and, not, within, primary

        static func < (lhs: Precedence, rhs: Precedence) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    // MARK: Expression clauses

    /// `when …`, `unless …`, `define x = …` and `entity … = … as …`: the expression on one
    /// line, its word lists wrapped where a line would pass the width; a top-level `and`/`or`
    /// that still does not fit (or has comments between its operands) gets one operand per
    /// line, each continuation line one level deeper and starting with the operator.
    func renderExpression(prefix: String, _ expression: Expression, suffix: String = "", inner: [Comment], indent: Int) -> Rendered {
        // Comments inside a word list stay in it; the rest belong to the operands, or go above.
        var lists: [Int: ListLayout] = [:]
        var rest = inner
        for list in RuleFormatter.wordLists(in: expression) {
            let open = firstToken(.leftBrace, from: list.span.start).map(\.span.end) ?? list.span.start
            let (inside, outside) = comments(rest, inside: SourceSpan(start: open - 1, end: list.span.end - 1))
            rest = outside
            lists[list.span.start] = listLayout(list, comments: inside, open: open)
        }

        let operands: [Expression]
        let keyword: String?
        let context: Precedence
        switch expression {
        case .and(let items, _): (operands, keyword, context) = (items, "and", .and)
        case .or(let items, _): (operands, keyword, context) = (items, "or", .or)
        default: (operands, keyword, context) = ([expression], nil, .none)
        }

        var hoisted: [Comment] = []
        var operandLeading = Array(repeating: [String](), count: operands.count)
        var operandTrailing = Array(repeating: String?.none, count: operands.count)
        if keyword != nil {
            let placement = place(rest, among: operands.map(\.span), open: nil)
            for index in operands.indices {
                // Comments inside an operand go above its line: lines break only between operands.
                let above = placement.leading[index] + placement.inner[index]
                if index == 0 { hoisted += above } else { operandLeading[index] = above.map(RuleFormatter.commentText) }
                if let trailing = placement.trailing[index] {
                    if index < operands.count - 1 { operandTrailing[index] = RuleFormatter.commentText(trailing) } else { hoisted.append(trailing) }
                }
            }
            hoisted += placement.closing
        } else {
            hoisted = rest
        }
        hoisted.sort { $0.span.start < $1.span.start }

        let flat = layout(prefix: prefix, pieces(expression, context: .none, lists: lists) + [.text(suffix)], indent: indent)
        let hasOperandComments = operandLeading.contains { !$0.isEmpty } || operandTrailing.contains { $0 != nil }
        guard let keyword, hasOperandComments || flat.contains(where: { $0.width > RuleFormatter.lineWidth }) else {
            return Rendered(lines: flat, hoisted: hoisted)
        }
        var lines: [Line] = []
        let continuation = indent + RuleFormatter.indentWidth
        for (index, operand) in operands.enumerated() {
            var operandPieces = pieces(operand, context: context, lists: lists)
            if index == operands.count - 1 { operandPieces.append(.text(suffix)) }
            if index == 0 {
                lines += layout(prefix: prefix, operandPieces, indent: indent)
            } else {
                lines += operandLeading[index].map { Line(indent: continuation, code: "", comment: $0) }
                lines += layout(prefix: keyword + " ", operandPieces, indent: continuation)
            }
            if let trailing = operandTrailing[index] { lines[lines.count - 1].comment = trailing }
        }
        return Rendered(lines: lines, hoisted: hoisted)
    }

    /// Every word list in the expression, outermost first.
    static func wordLists(in expression: Expression) -> [WordList] {
        var lists: [WordList] = []
        expression.walk { node in
            if case .words(let list) = node { lists.append(list) }
            return true
        }
        return lists
    }

    func listLayout(_ list: WordList, comments: [Comment], open: Int) -> ListLayout {
        let placement = place(comments, among: list.entries.map(\.span), open: open)
        let entries = list.entries.enumerated().map { index, entry in
            ListLayout.Entry(text: entry.isQuoted ? RuleFormatter.quoted(entry.text) : entry.text,
                             leading: (placement.leading[index] + placement.inner[index]).map(RuleFormatter.commentText),
                             trailing: placement.trailing[index].map(RuleFormatter.commentText))
        }
        return ListLayout(head: "words" + (list.isCaseSensitive ? " case-sensitive" : "") + (list.isFuzzy ? " fuzzy" : "") + (list.gap > 0 ? " gap \(list.gap)" : "") + " {", entries: entries,
                          header: placement.header.map(RuleFormatter.commentText), closing: placement.closing.map(RuleFormatter.commentText))
    }

    // MARK: Printing expressions

    /// The expression with the fewest parentheses that parse back to the same tree: around
    /// an operand that binds looser than its place needs, and around an `and` inside an `and`
    /// (or `or` in `or`), which would otherwise parse as one longer list.
    func pieces(_ expression: Expression, context: Precedence, lists: [Int: ListLayout]) -> [Piece] {
        var result: [Piece]
        let own: Precedence
        switch expression {
        case .reference(let name):
            (result, own) = ([.text(name.name)], .primary)
        case .regex(let literal):
            (result, own) = ([.text("/" + literal.pattern + "/" + literal.flags)], .primary)
        case .phrase(let literal):
            (result, own) = ([.text(RuleFormatter.quoted(literal.value))], .primary)
        case .words(let list):
            let layout = lists[list.span.start] ?? listLayout(list, comments: [], open: list.span.start)
            (result, own) = ([.list(layout)], .primary)
        case .not(let inner, _):
            (result, own) = ([.text("not ")] + pieces(inner, context: .not, lists: lists), .not)
        case .and(let items, _):
            (result, own) = (joined(items.map { pieces($0, context: .and, lists: lists) }, " and "), .and)
        case .or(let items, _):
            (result, own) = (joined(items.map { pieces($0, context: .or, lists: lists) }, " or "), .or)
        case .proximity(let left, let right, let distance, let order, _):
            // `within` groups to the left: a `within` on the right needs parentheses.
            let words = distance == 1 ? "word" : "words"
            result = pieces(left, context: .within, lists: lists) + [.text(" within \(distance) \(words) \(order.rawValue) ")]
                + pieces(right, context: .primary, lists: lists)
            own = .within
        case .quantified(let quantifier, let items, _):
            let head: String
            switch quantifier {
            case .any: head = "any of ("
            case .all: head = "all of ("
            case .atLeast(let count): head = "at least \(count) of ("
            }
            result = [.text(head)] + joined(items.map { pieces($0, context: .none, lists: lists) }, ", ") + [.text(")")]
            own = .primary
        case .call(let function, let argument, _):
            (result, own) = ([.text(function.rawValue + "(")] + pieces(argument, context: .none, lists: lists) + [.text(")")], .primary)
        case .error:
            (result, own) = ([], .primary)
        }
        if own < context || (own == context && (own == .and || own == .or)) {
            result = [.text("(")] + result + [.text(")")]
        }
        return result
    }

    private func joined(_ parts: [[Piece]], _ separator: String) -> [Piece] {
        var result: [Piece] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { result.append(.text(separator)) }
            result += part
        }
        return result
    }

    /// A step's `when`: the same minimal parentheses, `or` < `and` < `not`.
    static func stepCondition(_ condition: StepCondition, context: Precedence) -> String {
        let text: String
        let own: Precedence
        switch condition {
        case .signal(let name): (text, own) = (name.name, .primary)
        case .has(let name): (text, own) = ("has " + name.name, .primary)
        case .missing(let name): (text, own) = ("missing " + name.name, .primary)
        case .not(let inner, _): (text, own) = ("not " + stepCondition(inner, context: .not), .not)
        case .and(let items, _): (text, own) = (items.map { stepCondition($0, context: .and) }.joined(separator: " and "), .and)
        case .or(let items, _): (text, own) = (items.map { stepCondition($0, context: .or) }.joined(separator: " or "), .or)
        case .error: (text, own) = ("", .primary)
        }
        return own < context || (own == context && (own == .and || own == .or)) ? "(" + text + ")" : text
    }

    // MARK: Layout

    /// Lays pieces out from `prefix` on a line at `indent`. A word list stays on the line when
    /// the line, up to the next word list's `{`, fits the width and no comment is inside it;
    /// otherwise its entries are filled one level deeper and `}` starts the next line.
    func layout(prefix: String, _ pieces: [Piece], indent: Int) -> [Line] {
        var lines: [Line] = []
        var code = prefix
        let inner = indent + RuleFormatter.indentWidth
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .text(let text):
                code += text
            case .list(let list):
                if !list.hasComments {
                    let inline = list.inline
                    if indent + code.count + inline.count + restOfLine(pieces, after: index).count <= RuleFormatter.lineWidth {
                        code += inline
                        continue
                    }
                }
                lines.append(Line(indent: indent, code: code + list.head, comment: list.header))
                var fill = ""
                func flush() {
                    if !fill.isEmpty { lines.append(Line(indent: inner, code: fill)) }
                    fill = ""
                }
                for entry in list.entries {
                    if !entry.leading.isEmpty {
                        flush()
                        lines += entry.leading.map { Line(indent: inner, code: "", comment: $0) }
                    }
                    if fill.isEmpty {
                        fill = entry.text
                    } else if inner + fill.count + 1 + entry.text.count <= RuleFormatter.lineWidth {
                        fill += " " + entry.text
                    } else {
                        flush()
                        fill = entry.text
                    }
                    if let trailing = entry.trailing {
                        lines.append(Line(indent: inner, code: fill, comment: trailing))
                        fill = ""
                    }
                }
                flush()
                lines += list.closing.map { Line(indent: inner, code: "", comment: $0) }
                code = "}"
            }
        }
        lines.append(Line(indent: indent, code: code))
        return lines
    }

    /// The text that would follow a word list on its line: up to the next list's `{`, which
    /// ends the line if that list is wrapped too.
    private func restOfLine(_ pieces: [Piece], after index: Int) -> String {
        var rest = ""
        for piece in pieces[(index + 1)...] {
            switch piece {
            case .text(let text): rest += text
            case .list(let list): return rest + list.head
            }
        }
        return rest
    }
}
