/// What hover says about a keyword, and what completion offers where: short texts taken
/// from docs/language.md, each ending with the section to read for more.
public enum KeywordDocumentation {
    static let declarations = ["import", "define", "category", "signal", "entity", "rule", "playbook", "settings", "spelling"]
    static let ruleItems = ["when", "unless", "weight", "speaker", "description", "example"]
    static let categoryItems = ["playbook", "priority", "outranks", "description"]
    static let playbookItems = ["needs", "step", "record", "escalate"]
    static let expressionKeywords = ["words", "not", "and", "or", "within", "negated", "affirmed", "customer", "agent", "anyone", "any of", "all of", "at least"]
    static let wordListModifiers = ["case-sensitive", "fuzzy", "gap"]
    static let channels = ["self_service", "chat", "phone", "email"]
    static let speakers = ["customer", "agent", "any"]
    static let normalizers = ["order_id", "amount", "date", "tracking_number", "digits", "upper", "lower", "upper_compact", "text"]
    static let stepConditionKeywords = ["has", "missing", "not", "and", "or"]

    /// Setting names with their values or ranges, as docs/language.md#settings lists them.
    static let settings: [(name: String, detail: String)] = [
        ("threshold", "a category needs at least this score to win (default 1)"),
        ("secondary_ratio", "share of the winner's score a secondary category needs, 0–1 (default 0.5)"),
        ("fallback", "the category answered below the threshold (default other)"),
        ("negation_window", "how many words before a match a negation word may stand, 0–20 (default 3)"),
        ("normalize", "on or off: normalise messages before matching (default on)"),
        ("date_order", "month_first or day_first: how numeric dates are read (default month_first)"),
    ]

    static let languageDoc = "docs/language.md"

    /// Markdown for a keyword, or nil when the word is not one.
    public static func markdown(for keyword: String) -> String? {
        guard let entry = entries[keyword] else {
            if let setting = settings.first(where: { $0.name == keyword }) {
                return "**setting `\(setting.name)`**: \(setting.detail)\n\nSee \(languageDoc)#settings"
            }
            return nil
        }
        return "```triage\n\(entry.syntax)\n```\n\(entry.text)\n\nSee \(languageDoc)#\(entry.section)"
    }

    private static let entries: [String: (syntax: String, text: String, section: String)] = [
        "import": ("import \"path.rules\"", "Loads another file, relative to the importing file; a file is loaded once however often it is imported.", "files-comments-imports"),
        "define": ("define name = expression", "Names a pattern or condition, usable wherever an expression can be, in any file of the pack.", "definitions"),
        "category": ("category id \"Title\" { playbook p  priority n  outranks id…  description \"…\" }", "Declares a category (a dotted id such as delivery.late) with its playbook.", "categories"),
        "signal": ("signal name \"Title\"", "Declares a signal that rules raise (`rule … -> signal name`) and playbook steps test (`when name`).", "signals"),
        "entity": ("entity name \"title\" = pattern [as normaliser]", "Extracts every match of its pattern from the message, normalised.", "entities"),
        "rule": ("rule name -> category { when …  unless …  weight n  speaker customer|agent|any }", "Adds its weight to the target when its `when` holds and no `unless` does.", "rules"),
        "playbook": ("playbook name \"Title\" { needs …  step channel \"…\"  record \"…\"  escalate channel \"…\" }", "What to answer: ordered steps by channel, what to have ready, what to record, how to escalate. Inside a category: the category's playbook.", "playbooks"),
        "settings": ("settings { threshold 2  fallback other … }", "Scoring settings of the pack (one block per pack).", "settings"),
        "spelling": ("spelling { rcvd recd -> received }", "How customers write words: variants rewritten to the pack's spelling before matching.", "spelling"),
        "when": ("when expression", "The condition that makes a rule fire; in a playbook, the condition that keeps a step (signals, `has`, `missing`).", "rules"),
        "unless": ("unless expression", "The rule does not fire when this holds (checked in the rule's speaker scope).", "rules"),
        "weight": ("weight 3", "What a fired rule adds to its target (default 1; decimals and negative weights allowed).", "rules"),
        "speaker": ("speaker customer|agent|any", "Whose words the rule reads (default customer).", "conditions"),
        "description": ("description \"…\"", "A description of the rule or category, shown in reports.", "categories"),
        "example": ("example \"message\" -> [not] category", "A test next to the rule: the category the pack must (or must not) answer for the message; `triage test` runs it.", "examples-inside-rules"),
        "priority": ("priority 1", "Breaks ties between categories with the same score: higher first (default 0).", "scoring"),
        "outranks": ("outranks delivery.late …", "When this category and one it outranks both reach the threshold, this one is the answer.", "precedence"),
        "needs": ("needs entity \"description\"", "Something to have ready; when the message lacks the entity, the answer lists it as missing.", "playbooks"),
        "step": ("step self_service|chat|phone|email \"text\" [when …]", "An ordered step on a channel; the text is a template ({order_id|fallback}).", "playbooks"),
        "record": ("record \"text\"", "What to write down so the case can be escalated later.", "playbooks"),
        "escalate": ("escalate channel \"text\" [when …]", "What to do if the steps do not solve it.", "playbooks"),
        "words": ("words [case-sensitive] [fuzzy] [gap N] { word \"a phrase\" deliver* }", "A word list: any of the words or phrases, as whole words, ignoring case.", "patterns"),
        "case-sensitive": ("words case-sensitive { … }", "The list matches only in the case written.", "patterns"),
        "fuzzy": ("words fuzzy { … }", "Words of five letters or more also match with one typo.", "fuzzy-word-lists"),
        "gap": ("words gap N { … }", "Up to N (1–5) other words may stand between the words of each phrase.", "phrases-with-gaps"),
        "and": ("a and b", "Both hold.", "conditions"),
        "or": ("a or b", "Either holds.", "conditions"),
        "not": ("not a", "`a` does not hold.", "conditions"),
        "within": ("a within 6 words of|before|after b", "A match of `a` and one of `b` at most N words apart, in the same turn.", "conditions"),
        "negated": ("negated(pattern)", "Some match of the pattern is negated (a negation word shortly before it in the same clause).", "conditions"),
        "affirmed": ("affirmed(pattern)", "Some match of the pattern is not negated.", "conditions"),
        "customer": ("customer(a)", "`a` holds in the customer's words.", "conditions"),
        "agent": ("agent(a)", "`a` holds in the agent's words.", "conditions"),
        "anyone": ("anyone(a)", "`a` holds in anyone's words.", "conditions"),
        "any": ("any of (a, b, …)", "At least one holds. As a speaker: everyone's words.", "conditions"),
        "all": ("all of (a, b, …)", "All hold.", "conditions"),
        "least": ("at least 2 of (a, b, …)", "That many or more hold.", "conditions"),
        "has": ("when has entity", "In a playbook step's condition: the message contains the entity.", "playbooks"),
        "missing": ("when missing entity", "In a playbook step's condition: the message lacks the entity.", "playbooks"),
        "as": ("entity … = pattern as normaliser", "How the entity's value is normalised: order_id, amount, date, tracking_number, digits, upper, lower, upper_compact, text.", "entities"),
        "self_service": ("step self_service \"…\"", "Channel: help pages, order and tracking pages, returns centre.", "playbooks"),
        "chat": ("step chat \"…\"", "Channel: online chat, fastest for most problems.", "playbooks"),
        "phone": ("step phone \"…\"", "Channel: phone, for urgent or complex cases.", "playbooks"),
        "email": ("step email \"…\"", "Channel: email, for what can wait.", "playbooks"),
    ]
}
