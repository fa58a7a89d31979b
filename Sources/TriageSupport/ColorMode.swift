/// The `--color` setting. `auto` colours only an interactive terminal.
public enum ColorMode: String, Sendable, CaseIterable {
    case auto
    case always
    case never
}
