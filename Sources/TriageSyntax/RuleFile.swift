/// The parsed form of one rule file: its declarations and every comment in it.
public struct RuleFile: Sendable {
    public let source: SourceFile
    public let declarations: [Declaration]
    public let comments: [Comment]
}
