import TriageSupport

/// Completion: what `CompletionContext` says may stand at the cursor, from the keywords and
/// the names the pack declares.
extension LanguageServer {
    enum ItemKind: Int {
        case module = 9, variable = 6, field = 5, enumeration = 13, keyword = 14, value = 12, enumMember = 20, event = 23
    }

    func completion(_ params: JSONValue) throws -> JSONValue {
        let (document, offset) = try documentAndOffset(params)
        let context = CompletionContext.at(offset, in: document.text)
        let symbols = analysis(of: document).symbols
        var items: [JSONValue] = []
        func add(_ labels: [String], _ kind: ItemKind, detail: String? = nil) {
            for label in labels {
                var members = [JSONMember("label", .string(label)), JSONMember("kind", .int(kind.rawValue))]
                if let detail { members.append(JSONMember("detail", .string(detail))) }
                items.append(.object(members))
            }
        }
        func names(_ kind: PackSymbols.Kind) -> [String] { Array(Set(symbols.names(of: kind))).sorted() }
        switch context {
        case .declaration: add(KeywordDocumentation.declarations, .keyword)
        case .blockItem("rule"): add(KeywordDocumentation.ruleItems + ["and", "or", "within"], .keyword)
        case .blockItem("category"): add(KeywordDocumentation.categoryItems, .keyword)
        case .blockItem("playbook"): add(KeywordDocumentation.playbookItems, .keyword)
        case .blockItem("settings"):
            for setting in KeywordDocumentation.settings { add([setting.name], .keyword, detail: setting.detail) }
        case .blockItem: break
        case .channel: add(KeywordDocumentation.channels, .enumMember, detail: "channel")
        case .ruleTarget:
            add(names(.category), .enumeration, detail: "category")
            add(["signal"], .keyword)
        case .signalName: add(names(.signal), .event, detail: "signal")
        case .categoryName: add(names(.category), .enumeration, detail: "category")
        case .playbookName: add(names(.playbook), .module, detail: "playbook")
        case .speaker: add(KeywordDocumentation.speakers, .enumMember, detail: "speaker")
        case .normalizer: add(KeywordDocumentation.normalizers, .enumMember, detail: "normaliser")
        case .entityName: add(names(.entity), .field, detail: "entity")
        case .stepCondition:
            add(names(.signal), .event, detail: "signal")
            add(KeywordDocumentation.stepConditionKeywords, .keyword)
        case .settingValue("fallback"): add(names(.category), .enumeration, detail: "category")
        case .settingValue("normalize"): add(["on", "off"], .value)
        case .settingValue("date_order"): add(["month_first", "day_first"], .value)
        case .settingValue: break
        case .expression:
            add(names(.definition), .variable, detail: "definition")
            add(names(.entity), .field, detail: "entity")
            add(KeywordDocumentation.expressionKeywords + KeywordDocumentation.wordListModifiers, .keyword)
        case .none: break
        }
        return .object(["isIncomplete": false, "items": .array(items)])
    }
}
