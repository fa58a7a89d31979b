import Foundation
import Testing
import TriageSyntax
@testable import TriageLSP

/// The editors/ files: the TextMate grammar compiles and gives the shipped rule files the
/// scopes the real lexer says they have; the VS Code extension points at it.
@Suite struct GrammarTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func read(_ path: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(path)) }

    static func tokenizer() throws -> TextMateTokenizer {
        let grammar = try #require(try JSONSerialization.jsonObject(with: try read("editors/triage.tmLanguage.json")) as? [String: Any])
        #expect(grammar["scopeName"] as? String == "source.triage")
        return try TextMateTokenizer(grammar: grammar)
    }

    @Test func everyRegexCompiles() throws {
        #expect(try Self.tokenizer().regexCount >= 15)
    }

    @Test func theVSCodeExtensionShipsTheSameGrammarAndStartsTheServer() throws {
        #expect(try Self.read("editors/vscode/syntaxes/triage.tmLanguage.json") == (try Self.read("editors/triage.tmLanguage.json")))
        let package = try #require(try JSONSerialization.jsonObject(with: try Self.read("editors/vscode/package.json")) as? [String: Any])
        let contributes = try #require(package["contributes"] as? [String: Any])
        let grammar = try #require((contributes["grammars"] as? [[String: Any]])?.first)
        #expect(grammar["language"] as? String == "triage")
        #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("editors/vscode").appendingPathComponent(grammar["path"] as! String).path))
        #expect((contributes["languages"] as? [[String: Any]])?.first?["extensions"] as? [String] == [".rules"])
        let script = String(decoding: try Self.read("editors/vscode/extension.js"), as: UTF8.self)
        #expect(script.contains("args: [\"lsp\"]"))
    }

    /// Each shipped rule file, line by line: comments, strings, regexes (and their flags),
    /// numbers, arrows and declaration keywords get their scopes wherever the lexer finds them,
    /// and nothing inside a string or regex is taken for a comment.
    @Test func scopesAgreeWithTheLexerOnTheShippedRules() throws {
        let tokenizer = try Self.tokenizer()
        let directory = Self.root.appendingPathComponent("rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".rules") }.sorted()
        #expect(names.count >= 5)
        var checked = 0
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            let lines = LineTable(text)
            let sourceLines = text.components(separatedBy: "\n")
            let tokenized = sourceLines.map { tokenizer.tokenize($0) }
            func scopes(_ utf8Offset: Int) -> [String] {
                let position = lines.position(of: utf8Offset)
                return TextMateTokenizer.scopes(at: position.character, in: tokenized[position.line])
            }
            func expect(_ span: SourceSpan, _ scope: String, whole: Bool, _ what: String) {
                let offsets = whole ? Array(span.start..<span.end) : [span.start]
                for offset in offsets where (text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: offset)] & 0xC0) != 0x80 {
                    let found = scopes(offset)
                    let place = "\(name):\(lines.position(of: offset).line + 1)"
                    #expect(found.contains { $0.hasPrefix(scope) }, "\(what) at \(place): \(found)")
                    if !scope.hasPrefix("comment") { #expect(!found.contains { $0.hasPrefix("comment") }, "\(what) at \(place) taken for a comment") }
                    checked += 1
                }
            }
            var lexer = Lexer(file: SourceFile(path: name, text: text))
            for token in lexer.tokenize() {
                switch token.kind {
                case .string: expect(token.span, "string.quoted.double", whole: true, "string \(token.text)")
                case .regex:
                    expect(token.span, "string.regexp", whole: true, "regex \(token.text)")
                    if !token.flags.isEmpty { expect(SourceSpan(start: token.span.end - 1, end: token.span.end), "storage.modifier.regex-flags", whole: false, "flags of \(token.text)") }
                case .number: expect(token.span, "constant.numeric", whole: false, "number \(token.text)")
                case .arrow: expect(token.span, "keyword.operator.arrow", whole: false, "arrow")
                case .word where token.startsLine && KeywordDocumentation.declarations.contains(token.text):
                    expect(token.span, "keyword.declaration", whole: false, "keyword \(token.text)")
                default: break
                }
            }
            for comment in lexer.comments { expect(comment.span, "comment.line", whole: true, "comment") }
        }
        #expect(checked > 1000)
    }

    @Test func namesGetTheirScopes() throws {
        let tokenizer = try Self.tokenizer()
        let line = #"rule parcel_is_late -> delivery.late { when negated(late) within 6 words of /order\s+#?\d+/i }"#
        let tokens = tokenizer.tokenize(line)
        func scopes(of text: String) -> [String] {
            TextMateTokenizer.scopes(at: (line as NSString).range(of: text).location, in: tokens)
        }
        #expect(scopes(of: "parcel_is_late").contains("entity.name.function.rule.triage"))
        #expect(scopes(of: "delivery.late").contains("entity.name.type.category.triage"))
        #expect(scopes(of: "negated").contains("support.function.triage"))
        #expect(scopes(of: "within").contains("keyword.operator.word.triage"))
        #expect(scopes(of: "6").contains("constant.numeric.triage"))
        #expect(scopes(of: "#?").contains("string.regexp.triage"))
        #expect(!scopes(of: "#?").contains("comment.line.number-sign.triage"))
        let step = #"  step chat "Ask about {order_id|your order} \"now\"" when urgent  # trailing"#
        let stepTokens = tokenizer.tokenize(step)
        #expect(TextMateTokenizer.scopes(at: (step as NSString).range(of: "order_id").location, in: stepTokens).contains("variable.other.entity.triage"))
        #expect(TextMateTokenizer.scopes(at: (step as NSString).range(of: "\\\"").location, in: stepTokens).contains("constant.character.escape.triage"))
        #expect(TextMateTokenizer.scopes(at: (step as NSString).range(of: "# trailing").location, in: stepTokens).contains("comment.line.number-sign.triage"))
        #expect(TextMateTokenizer.scopes(at: (step as NSString).range(of: "when urgent").location, in: stepTokens) == ["keyword.other.clause.triage"])
    }
}
