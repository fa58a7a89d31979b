import Foundation
import Synchronization

/// SIGINT and SIGTERM as a request to stop at the next clean point, for commands that stream
/// (`triage batch`): the handler only records the signal, and the command finishes the output
/// line it is writing, writes nothing more and exits 128 + the signal (130, 143).
///
/// The handler is installed without `SA_RESTART`, so a `write(2)` blocked on a slow pipe
/// returns at once with what it wrote (or `EINTR`) and the writer sees the request. A signal
/// delivered to another thread is passed on to the thread that installed the handlers, which
/// is the one that writes. The signals are unblocked first: a process may inherit them
/// blocked (test runners, some supervisors), and then a stop request would never arrive.
public enum StopSignals {
    private static let received = Atomic<Int32>(0)
    nonisolated(unsafe) private static var writerThread = pthread_self()

    /// The signal that asked the process to stop, or nil.
    public static var requested: Int32? {
        let signal = received.load(ordering: .acquiring)
        return signal == 0 ? nil : signal
    }

    /// The shell's name of a stop signal: `SIGTERM`.
    public static func name(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }

    /// Installs the handlers for SIGINT and SIGTERM; the calling thread is the one whose
    /// blocking calls a signal interrupts.
    public static func install() {
        // Both statics are initialised here, never for the first time inside the handler.
        _ = received.load(ordering: .relaxed)
        writerThread = pthread_self()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            _ = StopSignals.received.compareExchange(expected: 0, desired: signal, ordering: .acquiringAndReleasing)
            if pthread_equal(pthread_self(), StopSignals.writerThread) == 0 {
                pthread_kill(StopSignals.writerThread, signal)
            }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM] {
            sigaction(signal, &action, nil)
            sigaddset(&signals, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
