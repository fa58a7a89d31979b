import TriageSupport

/// Runs a batch as a pipeline of chunks: while one chunk is classified on the workers, the
/// calling thread writes the previous chunk's results and reads the next chunk, so reading
/// and writing cost no worker time. Results are written in input order; memory holds at most
/// three chunks whatever the input size; output that cannot be written stops the run, and so
/// does a stop request (SIGINT, SIGTERM), between two output lines.
public struct BatchRunner {
    public struct Result: Sendable {
        public var summary = BatchSummary()
        /// An input could not be opened or stopped being readable (reported by the reader).
        public var readFailed = false
        public var writeFailed = false
        /// The signal that stopped the run early, or nil.
        public var interrupted: Int32?
        /// Output lines (records) written in full.
        public var recordsWritten = 0
    }

    /// What writing one chunk's lines did.
    public struct Write: Sendable {
        /// Lines written in full.
        public var lines: Int
        /// The write stopped between two lines because a stop was requested.
        public var stopped: Bool
        /// The output could not be written.
        public var failed: Bool

        public init(lines: Int, stopped: Bool = false, failed: Bool = false) {
            self.lines = lines
            self.stopped = stopped
            self.failed = failed
        }
    }

    let processor: BatchRecordProcessor
    let jobs: Int
    /// Writes the output lines of a chunk; the run stops when they could not all be written.
    let write: (String) -> Write
    /// The signal that asks the run to stop, or nil: checked before each chunk is started and
    /// by `write` between lines.
    let stopRequested: @Sendable () -> Int32?
    /// Hears the bytes read so far after each chunk.
    let progress: ((Int) -> Void)?

    public init(processor: BatchRecordProcessor, jobs: Int, write: @escaping (String) -> Write,
                stopRequested: @escaping @Sendable () -> Int32? = { nil }, progress: ((Int) -> Void)? = nil) {
        self.processor = processor
        self.jobs = jobs
        self.write = write
        self.stopRequested = stopRequested
        self.progress = progress
    }

    public func run(_ reader: inout BatchChunkReader) -> Result {
        var result = Result()
        // An outcome is nil when a stop was requested before its record was started: the
        // workers skip what is left of the chunk instead of classifying what will not be written.
        var inFlight: (records: [BatchRecord], work: OrderedParallelWork<BatchRecordProcessor.Outcome?>)?
        let processor = processor, stopRequested = stopRequested
        // Each pass starts one chunk, or finishes the one in flight, or ends: the loop ends
        // because the reader reaches `.end` or a write fails.
        while true {
            if let signal = stopRequested() {
                // Classified results not yet written are dropped: the output ends at a line.
                _ = inFlight?.work.results()
                result.interrupted = signal
                break
            }
            // Only wait for input when nothing is in flight: results already classified are
            // written first (`.notReady`), so a slow producer gets them without delay.
            let next = reader.next(mayWait: inFlight == nil)
            let finished = inFlight.map { (records: $0.records, outcomes: $0.work.results()) }
            inFlight = nil
            if case .records(let records) = next {
                inFlight = (records, OrderedParallelWork(records, jobs: jobs) { stopRequested() == nil ? processor.process($0) : nil })
            }
            if let finished {
                var output = ""
                for (record, outcome) in zip(finished.records, finished.outcomes) {
                    // Skipped after a stop request: `write` writes nothing once one was made.
                    guard let outcome else { break }
                    output += outcome.line
                    result.summary.add(outcome, record: record)
                }
                let written = write(output)
                result.recordsWritten += written.lines
                if written.failed || written.stopped {
                    _ = inFlight?.work.results()
                    result.writeFailed = written.failed
                    if written.stopped { result.interrupted = stopRequested() }
                    break
                }
                progress?(reader.bytesRead)
            }
            if case .end = next, inFlight == nil { break }
        }
        result.summary.bytes = reader.bytesRead
        result.readFailed = reader.failed
        return result
    }
}
