/// A condition or pattern in a rule. Patterns (regex, phrase, word list, and `or`, `any of`,
/// `negated`, `affirmed` and speaker functions over patterns) produce matched spans;
/// the rest are true or false.
public indirect enum Expression: Sendable, Hashable {
    public enum Order: String, Sendable, Hashable {
        /// `within N words of`: either order.
        case either = "of"
        /// `within N words before`: the left side comes first.
        case before
        /// `within N words after`: the left side comes second.
        case after
    }

    public enum Quantifier: Sendable, Hashable {
        case any
        case all
        case atLeast(Int)
    }

    /// `negated(x)`, `affirmed(x)`, `customer(x)`, `agent(x)`, `anyone(x)`.
    public enum Function: String, Sendable, Hashable, CaseIterable {
        case negated, affirmed, customer, agent, anyone
    }

    case reference(Identifier)
    case regex(RegexLiteral)
    case phrase(StringLiteral)
    case words(WordList)
    case not(Expression, span: SourceSpan)
    case and([Expression], span: SourceSpan)
    case or([Expression], span: SourceSpan)
    case proximity(Expression, Expression, distance: Int, order: Order, span: SourceSpan)
    case quantified(Quantifier, [Expression], span: SourceSpan)
    case call(Function, Expression, span: SourceSpan)
    /// Stands in for something that failed to parse; already reported.
    case error(SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .reference(let identifier): return identifier.span
        case .regex(let literal): return literal.span
        case .phrase(let literal): return literal.span
        case .words(let list): return list.span
        case .not(_, let span), .and(_, let span), .or(_, let span),
             .proximity(_, _, _, _, let span), .quantified(_, _, let span), .call(_, _, let span):
            return span
        case .error(let span): return span
        }
    }
}
