/// The `when …` of a playbook step: signals raised and entities found, combined with
/// `and`, `or`, `not`.
public indirect enum StepCondition: Sendable, Hashable {
    case signal(Identifier)
    /// `has order_id`: the message contains the entity.
    case has(Identifier)
    /// `missing order_id`: the message lacks it.
    case missing(Identifier)
    case not(StepCondition, span: SourceSpan)
    case and([StepCondition], span: SourceSpan)
    case or([StepCondition], span: SourceSpan)
    case error(SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .signal(let identifier), .has(let identifier), .missing(let identifier): return identifier.span
        case .not(_, let span), .and(_, let span), .or(_, let span), .error(let span): return span
        }
    }
}
