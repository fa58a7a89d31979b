extension RuleFormatter {
    /// Where the comments of one container (the file, a block, a word list, the operands of
    /// an `and`/`or`) go, relative to its children.
    struct CommentPlacement {
        /// A comment on the line that opens the container, after `{`.
        var header: Comment?
        /// Comments above each child.
        var leading: [[Comment]]
        /// A comment at the end of each child's last line.
        var trailing: [Comment?]
        /// Comments inside each child, for the child to place.
        var inner: [[Comment]]
        /// Comments after the last child: before `}`, or at the end of the file.
        var closing: [Comment] = []

        init(count: Int) {
            leading = Array(repeating: [], count: count)
            trailing = Array(repeating: nil, count: count)
            inner = Array(repeating: [], count: count)
        }
    }

    /// Shares out `comments` (sorted, all inside the container) among `children` (extents,
    /// sorted by start). In each gap between children, the first comment stays at the end of
    /// the line before it if it is on that line; every other comment goes above the next
    /// child, or before the closing brace when there is none. `open` is the end of the `{`.
    func place(_ comments: [Comment], among children: [SourceSpan], open: Int?) -> CommentPlacement {
        var placement = CommentPlacement(count: children.count)
        var child = 0
        var lastGap = -1
        for comment in comments {
            let position = comment.span.start
            while child < children.count && children[child].end <= position { child += 1 }
            if child < children.count && children[child].start < position {
                placement.inner[child].append(comment)
                continue
            }
            let firstInGap = lastGap != child
            lastGap = child
            let previousEnd = child > 0 ? children[child - 1].end : open
            if firstInGap, !comment.isOwnLine, let previousEnd, onSameLine(previousEnd, position) {
                if child > 0 { placement.trailing[child - 1] = comment } else { placement.header = comment }
            } else if child < children.count {
                placement.leading[child].append(comment)
            } else {
                placement.closing.append(comment)
            }
        }
        return placement
    }

    /// True when no line break lies between the two offsets.
    func onSameLine(_ start: Int, _ end: Int) -> Bool {
        guard start < end else { return true }
        return !bytes[max(0, start)..<min(end, bytes.count)].contains(UInt8(ascii: "\n"))
    }

    /// True when an empty line separates `offset` from the code or comment before it.
    func blankLineBefore(_ offset: Int) -> Bool {
        var index = min(offset, bytes.count) - 1
        var lineBreaks = 0
        while index >= 0 {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                lineBreaks += 1
                if lineBreaks >= 2 { return true }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            default: return false
            }
            index -= 1
        }
        // The start of the file is not a blank line.
        return false
    }

    /// Comments whose start lies strictly inside `span`.
    func comments(_ comments: [Comment], inside span: SourceSpan) -> (inside: [Comment], outside: [Comment]) {
        var inside: [Comment] = []
        var outside: [Comment] = []
        for comment in comments {
            if comment.span.start > span.start && comment.span.start < span.end { inside.append(comment) } else { outside.append(comment) }
        }
        return (inside, outside)
    }

    /// Prints one element of the file or of a block: the comments above it (with the
    /// author's blank lines, at most one), its lines, and its trailing comment.
    /// `separated` forces one blank line above the whole group (between block declarations).
    func emit(_ element: Rendered, leading: [Comment], trailing: Comment?, start: Int, indent: Int,
              separated: Bool, into printer: inout Printer) {
        var group = leading.map { (text: RuleFormatter.commentText($0), blankBefore: blankLineBefore($0.span.start)) }
        let blankBeforeElement = blankLineBefore(start)
        // Hoisted comments sit right above the element; the author's blank line before the
        // element goes above them, so the next run finds the same blank lines.
        var hoisted = element.hoisted.map { (text: RuleFormatter.commentText($0), blankBefore: false) }
        if !hoisted.isEmpty { hoisted[0].blankBefore = blankBeforeElement }
        let blankAfterGroup = hoisted.isEmpty && !group.isEmpty && blankBeforeElement
        group += hoisted
        if separated || (group.first?.blankBefore ?? blankBeforeElement) { printer.blank() }
        for (index, comment) in group.enumerated() {
            if index > 0 && comment.blankBefore { printer.blank() }
            printer.comment(comment.text, indent: indent)
        }
        if blankAfterGroup { printer.blank() }
        printer.add(element.lines)
        printer.trail(trailing.map(RuleFormatter.commentText))
    }

    /// Comments before a closing brace or at the end of the file, with the author's blank lines.
    func emitClosing(_ comments: [Comment], indent: Int, into printer: inout Printer) {
        for comment in comments {
            if blankLineBefore(comment.span.start) { printer.blank() }
            printer.comment(RuleFormatter.commentText(comment), indent: indent)
        }
    }

    // MARK: Tokens

    /// The index of the token that starts at `offset`, if any.
    func tokenIndex(startingAt offset: Int) -> Int? {
        var low = 0
        var high = tokens.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let start = tokens[middle].span.start
            if start == offset { return middle }
            if start < offset { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// The index of the (non-empty) token that ends at `offset`, if any.
    func tokenIndex(endingAt offset: Int) -> Int? {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].span.end < offset { low = middle + 1 } else { high = middle }
        }
        guard low < tokens.count, tokens[low].span.end == offset, !tokens[low].span.isEmpty else { return nil }
        return low
    }

    /// The first token of `kind` at or after `offset`.
    func firstToken(_ kind: Token.Kind, from offset: Int) -> Token? {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].span.start < offset { low = middle + 1 } else { high = middle }
        }
        return tokens[low...].first { $0.kind == kind }
    }

    /// A clause from its keyword to its value: `weight 3`, `speaker any`.
    func clauseExtent(valueAt span: SourceSpan) -> SourceSpan {
        guard let index = tokenIndex(startingAt: span.start), index > 0 else { return span }
        return SourceSpan(start: tokens[index - 1].span.start, end: span.end)
    }

    /// A `when`/`unless` clause from its keyword to the expression's last `)`: the tree drops
    /// parentheses, so the expression's span may start after `(` and end before `)`.
    func clauseExtent(expression: Expression) -> SourceSpan {
        guard var first = tokenIndex(startingAt: expression.span.start) else { return expression.span }
        while first > 0 && tokens[first - 1].kind == .leftParen { first -= 1 }
        let start = first > 0 ? tokens[first - 1].span.start : tokens[first].span.start
        var end = expression.span.end
        if var last = tokenIndex(endingAt: expression.span.end) {
            while last + 1 < tokens.count && tokens[last + 1].kind == .rightParen { last += 1 }
            end = tokens[last].span.end
        }
        return SourceSpan(start: start, end: end)
    }
}
