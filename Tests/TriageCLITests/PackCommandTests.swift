import Foundation
import Testing
@testable import TriageCLI

/// Embedded packs: listed, exported byte for byte, imported and overridden by a team's pack.
@Suite struct PackCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func listShowsTheShippedPack() {
        let result = run(["pack", "list"])
        #expect(result.code == .ok)
        #expect(result.stdout.contains("ecommerce"))
        #expect(result.stdout.contains("import \"triage:ecommerce\""))
    }

    @Test func exportIsByteIdenticalToTheRulesFolder() throws {
        let directory = try TemporaryDirectory()
        let target = directory.path + "/pack"
        #expect(run(["pack", "export", target]).code == .ok)
        let shipped = Self.root.appendingPathComponent("rules").path
        let names = try FileManager.default.contentsOfDirectory(atPath: shipped).filter { $0.hasSuffix(".rules") }.sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).sorted() == names)
        for name in names {
            #expect(try Data(contentsOf: URL(fileURLWithPath: target + "/" + name)) == Data(contentsOf: URL(fileURLWithPath: shipped + "/" + name)), "\(name)")
        }
        // Never over files that are there.
        #expect(run(["pack", "export", target]).code == .cannotCreate)
        #expect(run(["pack", "export", "--pack", "airline", directory.path + "/x"]).code == .usage)
    }

    @Test func aTeamPackBuildsOnTheShippedOne() {
        let pack = Self.root.appendingPathComponent("docs/examples/subscriptions").path
        let lint = run(["lint", "--strict", pack])
        #expect(lint.code == .ok, "\(lint.stdout)\(lint.stderr)")
        let test = run(["test", "--rules", pack, pack, "--no-progress"])
        #expect(test.code == .ok, "\(test.stdout)")
        // The new category, outranking the shipped order.change.
        #expect(run(["classify", "--rules", pack, "cancel my prime membership please"]).stdout.hasPrefix("subscription.cancel"))
        // The overridden playbook.
        let late = run(["classify", "--rules", pack, "my parcel is late, it was due monday"])
        #expect(late.stdout.contains("start a chat with our courier desk"))
    }

    @Test func overridesMustNameSomethingOnce() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("team.rules", """
        import "triage:ecommerce"
        override rule courier_misbehaved { weight 2 }
        override rule courier_misbehaved { weight 3 }
        override playbook no_such_playbook "X" {
          step chat "X."
        }
        """)
        let result = run(["lint", directory.path])
        #expect(result.code == .ruleErrors)
        #expect(result.stdout.contains("error[duplicate-definition]: rule 'courier_misbehaved' is overridden twice"))
        #expect(result.stdout.contains("error[nothing-to-override]: there is no playbook 'no_such_playbook' to override"))
        // A plain redefinition is still an error.
        _ = try directory.write("team.rules", """
        import "triage:ecommerce"
        playbook late_delivery "Mine" {
          step chat "Mine."
        }
        """)
        #expect(run(["lint", directory.path]).stdout.contains("error[duplicate-definition]: playbook 'late_delivery' is defined twice"))
    }
}
