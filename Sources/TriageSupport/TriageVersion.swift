/// The version of Triage, printed by `--version` and written into SARIF and pack metadata.
public enum TriageVersion {
    public static let current = "0.1.0"
}
