import TriageSupport

/// Runs a batch as a pipeline of chunks: while one chunk is classified on the workers, the
/// calling thread writes the previous chunk's results and reads the next chunk, so reading
/// and writing cost no worker time. Results are written in input order; memory holds at most
/// three chunks whatever the input size; output that cannot be written stops the run.
public struct BatchRunner {
    public struct Result: Sendable {
        public var summary = BatchSummary()
        /// An input could not be opened or stopped being readable (reported by the reader).
        public var readFailed = false
        public var writeFailed = false
    }

    let processor: BatchRecordProcessor
    let jobs: Int
    /// Takes the output lines of a chunk; false when they could not be written (the run stops).
    let write: (String) -> Bool
    /// Hears the bytes read so far after each chunk.
    let progress: ((Int) -> Void)?

    public init(processor: BatchRecordProcessor, jobs: Int, write: @escaping (String) -> Bool, progress: ((Int) -> Void)? = nil) {
        self.processor = processor
        self.jobs = jobs
        self.write = write
        self.progress = progress
    }

    public func run(_ reader: inout BatchChunkReader) -> Result {
        var result = Result()
        var inFlight: (records: [BatchRecord], work: OrderedParallelWork<BatchRecordProcessor.Outcome>)?
        // Each pass starts one chunk, or finishes the one in flight, or ends: the loop ends
        // because the reader reaches `.end` or a write fails.
        while true {
            // Only wait for input when nothing is in flight: results already classified are
            // written first (`.notReady`), so a slow producer gets them without delay.
            let next = reader.next(mayWait: inFlight == nil)
            let finished = inFlight.map { (records: $0.records, outcomes: $0.work.results()) }
            inFlight = nil
            if case .records(let records) = next {
                inFlight = (records, OrderedParallelWork(records, jobs: jobs, transform: processor.process))
            }
            if let finished {
                var output = ""
                for (record, outcome) in zip(finished.records, finished.outcomes) {
                    output += outcome.line
                    result.summary.add(outcome, record: record)
                }
                if !write(output) {
                    _ = inFlight?.work.results()
                    result.writeFailed = true
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
