/// How `triage batch` splits its input into records.
public enum BatchInputFormat: String, CaseIterable, Sendable {
    /// One JSON object per line; the message is a string field, the other fields pass through.
    case jsonl
    /// Comma-separated values with a header row (RFC 4180 quoting, fields may span lines).
    case csv
    /// One message per line.
    case lines

    /// The format a file is read in when `--input` is not given: by extension, and JSONL for
    /// standard input because that is what Spark's `pipe()` and Hadoop Streaming send.
    public static func guess(path: String) -> BatchInputFormat {
        if path == "-" { return .jsonl }
        let lowered = path.lowercased()
        if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") { return .jsonl }
        if lowered.hasSuffix(".csv") { return .csv }
        return .lines
    }
}
