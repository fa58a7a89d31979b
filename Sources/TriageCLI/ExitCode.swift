/// Process exit codes, documented in docs/cli.md. The usage and data codes follow BSD sysexits.
public enum ExitCode: Int32, Sendable {
    case ok = 0
    /// The rule files have errors.
    case ruleErrors = 1
    /// `triage test`: cases failed, a minimum was not met, or an input could not be read.
    case testsFailed = 2
    /// The command line is wrong.
    case usage = 64
    /// The message cannot be classified: empty, not UTF-8, binary or too large.
    case dataError = 65
    /// An input file does not exist or cannot be read.
    case noInput = 66
    /// `triage init`: the directory is not empty or cannot be written.
    case cannotCreate = 73
    /// Output could not be written.
    case ioError = 74
    /// `batch`: stopped by SIGINT (128 + 2, the shell's code for a process Ctrl-C ended).
    case interrupted = 130
    /// `batch`: stopped by SIGTERM (128 + 15).
    case terminated = 143
}
