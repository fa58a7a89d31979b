/// A top-level statement of a rule file.
public enum Declaration: Sendable, Hashable {
    case importFile(ImportDeclaration)
    case define(DefineDeclaration)
    case category(CategoryDeclaration)
    case signal(SignalDeclaration)
    case entity(EntityDeclaration)
    case rule(RuleDeclaration)
    case playbook(PlaybookDeclaration)
    case settings(SettingsDeclaration)
    case spelling(SpellingDeclaration)
    case override(OverrideDeclaration)
    case lint(LintConfigDeclaration)

    public var span: SourceSpan {
        switch self {
        case .importFile(let d): return d.span
        case .define(let d): return d.span
        case .category(let d): return d.span
        case .signal(let d): return d.span
        case .entity(let d): return d.span
        case .rule(let d): return d.span
        case .playbook(let d): return d.span
        case .settings(let d): return d.span
        case .spelling(let d): return d.span
        case .override(let d): return d.span
        case .lint(let d): return d.span
        }
    }
}

/// `import "other.rules"`, relative to the importing file.
public struct ImportDeclaration: Sendable, Hashable {
    public let path: StringLiteral
    public let span: SourceSpan
}

/// `define name = expression`.
public struct DefineDeclaration: Sendable, Hashable {
    public let name: Identifier
    public let value: Expression
    public let span: SourceSpan
}

/// `category delivery.late "Late delivery" { playbook late_delivery priority 3 }`.
public struct CategoryDeclaration: Sendable, Hashable {
    public let id: Identifier
    public let title: StringLiteral?
    public let playbook: Identifier?
    public let priority: NumberLiteral?
    /// `outranks delivery.late item.wrong`: categories this one beats whenever both fire.
    public let outranks: [Identifier]
    public let description: StringLiteral?
    public let span: SourceSpan

    public init(id: Identifier, title: StringLiteral?, playbook: Identifier?, priority: NumberLiteral?, outranks: [Identifier] = [],
                description: StringLiteral?, span: SourceSpan) {
        self.id = id
        self.title = title
        self.playbook = playbook
        self.priority = priority
        self.outranks = outranks
        self.description = description
        self.span = span
    }
}

/// `signal urgent "Needs it now"`.
public struct SignalDeclaration: Sendable, Hashable {
    public let name: Identifier
    public let title: StringLiteral?
    public let span: SourceSpan
}

/// `entity order_id "order number" = /…/ as order_id`.
public struct EntityDeclaration: Sendable, Hashable {
    public let name: Identifier
    public let title: StringLiteral?
    public let pattern: Expression
    /// `as KIND`: how to normalise the matched text.
    public let normalizer: Identifier?
    public let span: SourceSpan
}

/// Where a rule's weight goes.
public enum RuleTarget: Sendable, Hashable {
    case category(Identifier)
    case signal(Identifier)

    /// As written after the arrow: `delivery.late` or `signal urgent`.
    public var text: String {
        switch self {
        case .category(let id): return id.name
        case .signal(let name): return "signal " + name.name
        }
    }
}

/// `rule name -> target { when … unless … weight 3 speaker any }`.
public struct RuleDeclaration: Sendable, Hashable {
    public let name: Identifier
    public let target: RuleTarget
    public let condition: Expression?
    public let exceptions: [Expression]
    public let weight: NumberLiteral?
    public let speaker: Identifier?
    public let description: StringLiteral?
    /// `example "text" -> category` items: test cases that live next to the rule.
    public let examples: [RuleExample]
    public let span: SourceSpan
}

/// `example "my parcel is late" -> delivery.late` or `example "…" -> not delivery.late`
/// inside a rule: a message and the category it must (or must not) get. `triage test` runs
/// them with the fixtures.
public struct RuleExample: Sendable, Hashable {
    public let text: StringLiteral
    /// `-> not category`: the message must get any category but this one.
    public let negated: Bool
    public let category: Identifier
    public let span: SourceSpan

    public init(text: StringLiteral, negated: Bool, category: Identifier, span: SourceSpan) {
        self.text = text
        self.negated = negated
        self.category = category
        self.span = span
    }
}

/// `playbook name "title" { needs … step … record … escalate … }`.
public struct PlaybookDeclaration: Sendable, Hashable {
    public let name: Identifier
    public let title: StringLiteral?
    public let items: [PlaybookItem]
    public let span: SourceSpan
}

/// One line of a playbook, in the order written.
public enum PlaybookItem: Sendable, Hashable {
    /// `needs order_id "your order number"` checks the message for the entity;
    /// `needs "photos of the damage"` is only listed as something to have ready.
    case needs(entity: Identifier?, description: StringLiteral, span: SourceSpan)
    case step(PlaybookStep)
    case record(StringLiteral, span: SourceSpan)
    case escalate(PlaybookStep)

    public var span: SourceSpan {
        switch self {
        case .needs(_, _, let span), .record(_, let span): return span
        case .step(let step), .escalate(let step): return step.span
        }
    }
}

/// `step chat "Start a chat about order {order_id}" when not urgent`.
public struct PlaybookStep: Sendable, Hashable {
    public let channel: Identifier
    public let text: StringLiteral
    public let condition: StepCondition?
    public let span: SourceSpan
}

/// `settings { threshold 2 secondary_ratio 0.5 fallback other negation_window 3 }`.
public struct SettingsDeclaration: Sendable, Hashable {
    public struct Setting: Sendable, Hashable {
        public let name: Identifier
        /// A number or a name, as written.
        public let value: Token
        public let span: SourceSpan
    }

    public let settings: [Setting]
    public let span: SourceSpan
}

/// `spelling { u -> you  rcvd recvd -> received }`: how customers write words, rewritten
/// to the pack's spelling before any pattern or negation check sees the message.
public struct SpellingDeclaration: Sendable, Hashable {
    /// One line: single-word variants and the spelling they stand for (a word or a phrase).
    public struct Correction: Sendable, Hashable {
        public let variants: [WordList.Entry]
        public let canonical: WordList.Entry
        public let span: SourceSpan

        public init(variants: [WordList.Entry], canonical: WordList.Entry, span: SourceSpan) {
            self.variants = variants
            self.canonical = canonical
            self.span = span
        }
    }

    public let corrections: [Correction]
    public let span: SourceSpan
}

/// `override playbook …`, `override category ID { priority 3 }`, `override rule NAME { weight 5 }`:
/// deliberately replaces what another file of the pack (usually an imported embedded pack)
/// declares. A plain redefinition stays a `duplicate-definition`.
public struct OverrideDeclaration: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        /// The whole playbook is replaced.
        case playbook(PlaybookDeclaration)
        /// The clauses given replace the category's; the others are kept.
        case category(CategoryDeclaration)
        /// The rule's weight.
        case rule(name: Identifier, weight: NumberLiteral?)
    }

    public let target: Target
    public let span: SourceSpan

    public init(target: Target, span: SourceSpan) {
        self.target = target
        self.span = span
    }

    /// "playbook", "category" or "rule", and the name overridden.
    public var kindAndName: (kind: String, name: Identifier) {
        switch target {
        case .playbook(let d): return ("playbook", d.name)
        case .category(let d): return ("category", d.id)
        case .rule(let name, _): return ("rule", name)
        }
    }
}

/// `lint { disable no-prefilter-literal  severity conflicting-pattern error }`: which lint
/// checks run for this pack and how loud they are, one clause per line.
public struct LintConfigDeclaration: Sendable, Hashable {
    public enum Clause: Sendable, Hashable {
        /// `disable ID…`
        case disable([Identifier], span: SourceSpan)
        /// `enable ID…`: turns on checks that are off by default.
        case enable([Identifier], span: SourceSpan)
        /// `severity ID error|warning|note`
        case severity(Identifier, level: Identifier, span: SourceSpan)

        public var span: SourceSpan {
            switch self {
            case .disable(_, let span), .enable(_, let span), .severity(_, _, let span): return span
            }
        }
    }

    public let clauses: [Clause]
    public let span: SourceSpan

    public init(clauses: [Clause], span: SourceSpan) {
        self.clauses = clauses
        self.span = span
    }
}
