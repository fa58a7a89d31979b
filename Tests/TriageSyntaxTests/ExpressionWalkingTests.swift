import Testing
import TriageSyntax

@Suite struct ExpressionWalkingTests {
    static func condition(_ text: String) throws -> Expression {
        let (file, diagnostics) = Parser.parse(SourceFile(path: "x.rules", text: "rule r -> c { when \(text) }\n"))
        #expect(diagnostics.isEmpty)
        guard case .rule(let rule) = try #require(file.declarations.first), let condition = rule.condition else {
            Issue.record("no rule condition")
            throw CancellationError()
        }
        return condition
    }

    @Test func walkVisitsParentsBeforeChildrenInSourceOrder() throws {
        let expression = try Self.condition(#"late and not (words { lost } or "gone") and negated(x) within 3 words of /y/"#)
        var kinds: [String] = []
        expression.walk { node in
            switch node {
            case .and: kinds.append("and")
            case .or: kinds.append("or")
            case .not: kinds.append("not")
            case .call: kinds.append("call")
            case .proximity: kinds.append("near")
            case .reference(let name): kinds.append(name.name)
            case .words: kinds.append("words")
            case .phrase: kinds.append("phrase")
            case .regex: kinds.append("regex")
            default: kinds.append("?")
            }
            return true
        }
        #expect(kinds == ["and", "late", "not", "or", "words", "phrase", "near", "call", "x", "regex"])
    }

    @Test func returningFalseSkipsTheChildren() throws {
        let expression = try Self.condition(#"late and not (lost or gone)"#)
        var names: [String] = []
        expression.walk { node in
            if case .reference(let name) = node { names.append(name.name) }
            if case .not = node { return false }
            return true
        }
        #expect(names == ["late"])
        #expect(expression.children.count == 2)
    }
}
