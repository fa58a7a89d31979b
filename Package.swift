// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Triage",
    products: [
        .executable(name: "triage", targets: ["triage"]),
        .library(name: "TriageEngine", targets: ["TriageEngine"]),
    ],
    targets: [
        // libpcre2-8 through pkg-config; only TriagePCRE2 imports it.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(name: "TriagePCRE2", dependencies: ["CPCRE2"]),
        // The language front end: lexer, parser, AST, diagnostics. Knows nothing of PCRE2; prints
        // user text only through TriageSupport's TerminalText.
        .target(name: "TriageSyntax", dependencies: ["TriageSupport"]),
        // Compile, scan and decide. The only module that sees TriagePCRE2, and only through
        // `internal import`: its public API has its own limit and match types.
        .target(name: "TriageEngine", dependencies: ["TriageSyntax", "TriagePCRE2", "TriageSupport"]),
        // Labelled cases: fixtures and corpora, the test runner, metrics, baselines.
        .target(name: "TriageEvaluation", dependencies: ["TriageEngine", "TriageSupport"]),
        // `triage lint`: checks over the syntax tree and the compiled rules, each with its examples.
        .target(name: "TriageLint", dependencies: ["TriageSyntax", "TriageEngine", "TriageSupport"]),
        // `triage suggest`: phrases mined from what the rules miss, with their measured effect.
        .target(name: "TriageSuggest", dependencies: ["TriageEngine", "TriageEvaluation", "TriageLint", "TriageSyntax", "TriageSupport"]),
        // `triage lsp`: a Language Server for rule files (JSON-RPC on Foundation's JSON).
        .target(name: "TriageLSP", dependencies: ["TriageEngine", "TriageLint", "TriageSyntax", "TriageSupport"]),
        // Every rendered output: one `Reporter` per format and command, and the registry that
        // is the single list of format names. No terminal or file access: reports are values.
        .target(name: "TriageReports", dependencies: ["TriageEngine", "TriageEvaluation", "TriageLint", "TriageSuggest", "TriageSupport", "TriageSyntax"]),
        // `triage batch` as a library: record readers (JSONL, CSV, lines), the chunked ordered
        // runner, error records and summaries as values; message checks shared with classify.
        .target(name: "TriageBatch", dependencies: ["TriageEngine", "TriageReports", "TriageSupport"]),
        // Small hand-written pieces the CLI needs: argument parsing, JSON writing, terminal styling.
        .target(name: "TriageSupport"),
        // The rule pack in rules/, embedded as generated source so the binary works from anywhere.
        .executableTarget(name: "RulesEmbedder"),
        .plugin(name: "EmbedRulesPlugin", capability: .buildTool(), dependencies: ["RulesEmbedder"]),
        .target(name: "TriageShippedRules", plugins: ["EmbedRulesPlugin"]),
        .target(
            name: "TriageCLI",
            dependencies: ["TriageEngine", "TriageEvaluation", "TriageLint", "TriageLSP", "TriageBatch", "TriageReports", "TriageSuggest", "TriageSyntax", "TriageSupport", "TriageShippedRules"]
        ),
        .executableTarget(name: "triage", dependencies: ["TriageCLI"]),
        // Engine benchmark driven by scripts/bench.sh; not part of the CLI.
        .executableTarget(name: "TriageBench", dependencies: ["TriageEngine", "TriageSyntax", "TriageSupport"]),

        // Golden-file helper shared by the test targets.
        .target(name: "TriageTestSupport", path: "Tests/TriageTestSupport"),
        .testTarget(name: "TriagePCRE2Tests", dependencies: ["TriagePCRE2"]),
        .testTarget(name: "TriageSyntaxTests", dependencies: ["TriageSyntax", "TriageTestSupport"], exclude: ["Goldens", "FormatterGoldens"]),
        .testTarget(name: "TriageEngineTests", dependencies: ["TriageEngine", "TriageSyntax", "TriagePCRE2", "TriageTestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "TriageSupportTests", dependencies: ["TriageSupport"]),
        .testTarget(name: "TriageLintTests", dependencies: ["TriageLint", "TriageEngine", "TriageSyntax"]),
        .testTarget(name: "TriageLSPTests", dependencies: ["TriageLSP", "TriageSupport", "TriageSyntax"]),
        .testTarget(name: "TriageEvaluationTests", dependencies: ["TriageEvaluation", "TriageEngine", "TriageSupport"]),
        .testTarget(name: "TriageSuggestTests", dependencies: ["TriageSuggest", "TriageEngine", "TriageEvaluation", "TriageLint", "TriageSyntax", "TriageTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "TriageCLITests", dependencies: ["TriageCLI", "TriageBatch", "TriageReports", "triage", "TriageTestSupport"], exclude: ["Goldens"]),
    ],
    swiftLanguageModes: [.v6]
)
