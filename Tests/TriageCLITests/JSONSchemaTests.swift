import Foundation
import Testing
import TriageTestSupport
@testable import TriageCLI

/// The JSON Schemas in docs/schemas/ and the JSON the commands print cannot drift apart: each
/// schema is read, and outputs rendered in-process must use only the members the schema
/// declares, with every required one present, at every level of nesting. (The full validation,
/// types and values included, is `scripts/validate-schemas.sh`, with the `jsonschema` package.)
@Suite struct JSONSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemas = root.appendingPathComponent("docs/schemas").path
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens").path
    static let names = ["triage.classification.schema.json", "triage.batch.schema.json", "triage.test-report.schema.json", "triage.lint.schema.json"]

    static func schema(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: schemas + "/" + name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(name) is not a JSON object")
    }

    @Test(arguments: names) func eachSchemaIsDraft202012AndNamesItsOutput(name: String) throws {
        let schema = try Self.schema(name)
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect((schema["title"] as? String)?.hasPrefix(name.replacingOccurrences(of: ".schema.json", with: "") + ", version 1") == true)
        #expect(FileManager.default.fileExists(atPath: Self.schemas + "/" + name))
        let docs = try String(contentsOf: Self.root.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        #expect(docs.contains("schemas/" + name), "docs/cli.md links \(name)")
    }

    @Test func classificationJSONMatchesItsSchema() throws {
        let pack = Self.goldens + "/pack/small.rules"
        for arguments in [["classify", "--format", "json", "--now", "2026-12-05",
                           "customer: My order 112-3456789-1234567 was due next friday and I was charged twice, asap\nagent: ok"],
                          ["classify", "--format", "json", "--explain", "box late"],
                          ["classify", "--format", "json", "--rules", pack, "--explain=all", "My parcel is late and the box arrived cracked, asap"],
                          ["classify", "--format", "json", "hello"]] {
            let result = run(arguments)
            #expect(result.code == .ok)
            try SchemaMembers.check(try json(result.stdout), against: "triage.classification.schema.json", in: Self.schemas, "\(arguments)")
        }
    }

    @Test func batchRecordsMatchTheirSchema() throws {
        let directory = try TemporaryDirectory()
        let input = try directory.write("records.jsonl", """
        {"id": "1", "text": "My order 112-3456789-1234567 is late, asap", "label": "delivery.late"}
        {"id": "2", "body": "no text here"}
        not json

        """)
        let result = run(["batch", "--quiet", "--rule-ids", "--full", input])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        for line in lines {
            try SchemaMembers.check(try json(line), against: "triage.batch.schema.json", in: Self.schemas, line)
        }
    }

    @Test func testReportMatchesItsSchema() throws {
        let directory = try TemporaryDirectory()
        let report = directory.path + "/report.json", baseline = directory.path + "/baseline.json"
        let arguments = ["test", Self.goldens + "/cases", "--rules", Self.goldens + "/pack/small.rules", "--no-progress", "--json", report]
        _ = run(arguments + ["--baseline", baseline, "--update-baseline"])
        _ = run(arguments + ["--baseline", baseline])
        let text = try String(contentsOfFile: report, encoding: .utf8)
        try SchemaMembers.check(try json(text), against: "triage.test-report.schema.json", in: Self.schemas, "test --json")
    }

    @Test func lintJSONMatchesItsSchema() throws {
        for arguments in [["lint", "--format", "json", Self.goldens + "/pack/findings.rules"], ["lint", "--format", "json"]] {
            let result = run(arguments)
            try SchemaMembers.check(try json(result.stdout), against: "triage.lint.schema.json", in: Self.schemas, "\(arguments)")
        }
    }

    @Test func theCheckerCatchesAnUndeclaredOrMissingMember() throws {
        var object = try json(run(["lint", "--format", "json", Self.goldens + "/pack/findings.rules"]).stdout)
        object["new_field"] = 1
        object.removeValue(forKey: "suppressed")
        let problems = try SchemaMembers.problems(object, against: "triage.lint.schema.json", in: Self.schemas)
        #expect(problems.contains("(top): 'new_field' is not declared by the schema"))
        #expect(problems.contains("(top): required 'suppressed' is missing"))
    }
}

/// Walks a document beside its schema (`properties`, `items`, `$ref` to `#/$defs/…` or to
/// another schema file, `allOf`, `oneOf` chosen by `required` and `const` members) and lists
/// every member the schema does not declare and every required member that is missing.
enum SchemaMembers {
    static func check(_ document: Any, against name: String, in directory: String, _ context: String,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problems = try problems(document, against: name, in: directory)
        #expect(problems.isEmpty, "\(context): \(problems.prefix(5).joined(separator: "; "))", sourceLocation: sourceLocation)
    }

    static func problems(_ document: Any, against name: String, in directory: String) throws -> [String] {
        var walker = Walker(directory: directory)
        let root = try walker.load(name)
        walker.walk(document, root, root: root, path: "(top)")
        return walker.problems
    }

    struct Walker {
        let directory: String
        var problems: [String] = []
        var files: [String: [String: Any]] = [:]

        mutating func load(_ name: String) throws -> [String: Any] {
            if let loaded = files[name] { return loaded }
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            let schema = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            files[name] = schema
            return schema
        }

        /// The schema a `$ref` names, and the root its own references resolve against.
        mutating func resolve(_ schema: [String: Any], root: [String: Any]) -> (schema: [String: Any], root: [String: Any]) {
            guard let reference = schema["$ref"] as? String else { return (schema, root) }
            if reference.hasPrefix("#/$defs/") {
                let definitions = root["$defs"] as? [String: Any] ?? [:]
                return resolve(definitions[String(reference.dropFirst(8))] as? [String: Any] ?? [:], root: root)
            }
            guard let file = try? load(reference) else {
                problems.append("cannot read the schema '\(reference)'")
                return ([:], root)
            }
            return resolve(file, root: file)
        }

        /// Members declared and required by a schema and the `allOf` parts it is made of.
        mutating func members(_ schema: [String: Any], root: [String: Any]) -> (declared: [String: ([String: Any], [String: Any])], required: Set<String>) {
            var declared: [String: ([String: Any], [String: Any])] = [:]
            var required = Set(schema["required"] as? [String] ?? [])
            for (key, value) in schema["properties"] as? [String: Any] ?? [:] {
                declared[key] = (value as? [String: Any] ?? [:], root)
            }
            for part in schema["allOf"] as? [[String: Any]] ?? [] {
                let (resolved, partRoot) = resolve(part, root: root)
                let inner = members(resolved, root: partRoot)
                declared.merge(inner.declared) { first, _ in first }
                required.formUnion(inner.required)
            }
            return (declared, required)
        }

        mutating func walk(_ value: Any, _ schema: [String: Any], root: [String: Any], path: String) {
            var (schema, root) = resolve(schema, root: root)
            if let object = value as? [String: Any], let branches = schema["oneOf"] as? [[String: Any]] {
                let resolved = branches.map { resolve($0, root: root) }
                let objects = resolved.filter { $0.schema["properties"] != nil || $0.schema["allOf"] != nil }
                guard !objects.isEmpty else { return }
                guard let chosen = objects.first(where: { matches(object, $0.schema, root: $0.root) }) else {
                    problems.append("\(path): matches none of the schema's alternatives")
                    return
                }
                (schema, root) = chosen
            }
            if let object = value as? [String: Any] {
                let (declared, required) = members(schema, root: root)
                // An object the schema leaves open (pass-through `input`) is not walked.
                guard !declared.isEmpty || !required.isEmpty else { return }
                for key in object.keys.sorted() {
                    guard let (member, memberRoot) = declared[key] else {
                        problems.append("\(path): '\(key)' is not declared by the schema")
                        continue
                    }
                    walk(object[key]!, member, root: memberRoot, path: path == "(top)" ? key : path + "." + key)
                }
                for key in required.sorted() where object[key] == nil {
                    problems.append("\(path): required '\(key)' is missing")
                }
            } else if let array = value as? [Any] {
                for (branch, element) in array.prefix(20).enumerated() {
                    let items = schema["items"] as? [String: Any] ?? [:]
                    walk(element, items, root: root, path: path + "[\(branch)]")
                }
            }
        }

        /// Whether a `oneOf` branch fits the object: its required members are there and its
        /// `const` members (`"kind": {"const": "tie_broken"}`) have their value.
        mutating func matches(_ object: [String: Any], _ schema: [String: Any], root: [String: Any]) -> Bool {
            let (declared, required) = members(schema, root: root)
            guard required.isSubset(of: object.keys), Set(object.keys).isSubset(of: declared.keys) else { return false }
            for (key, (member, _)) in declared {
                if let constant = member["const"], let actual = object[key], "\(constant)" != "\(actual)" { return false }
            }
            return true
        }
    }
}
