/// Runs a batch as a pipeline of chunks: while one chunk is classified on the workers, the
/// calling thread writes the previous chunk's results and reads the next chunk, so reading
/// and writing cost no worker time. Results are written in input order; memory holds at most
/// three chunks whatever the input size; output that cannot be written stops the run.
struct BatchRunner {
    struct Result {
        var summary = BatchSummary()
        /// An input could not be opened or stopped being readable (reported on stderr).
        var readFailed = false
        var writeFailed = false
    }

    let processor: BatchRecordProcessor
    let io: CommandIO
    let jobs: Int
    let progress: ProgressBar?

    func run(_ reader: inout BatchChunkReader) -> Result {
        var result = Result()
        var inFlight: (records: [BatchRecord], work: BatchChunkWork)?
        // Each pass starts one chunk, or finishes the one in flight, or ends: the loop ends
        // because the reader reaches `.end` or a write fails.
        while true {
            // Only wait for input when nothing is in flight: results already classified are
            // written first (`.notReady`), so a slow producer gets them without delay.
            let next = reader.next(mayWait: inFlight == nil)
            let finished = inFlight.map { (records: $0.records, outcomes: $0.work.outcomes()) }
            inFlight = nil
            if case .records(let records) = next {
                inFlight = (records, BatchChunkWork(records, processor: processor, jobs: jobs))
            }
            if let finished {
                var output = ""
                for (record, outcome) in zip(finished.records, finished.outcomes) {
                    output += outcome.line
                    result.summary.add(outcome, record: record)
                }
                io.write(output)
                if io.writeFailed {
                    _ = inFlight?.work.outcomes()
                    result.writeFailed = true
                    break
                }
                progress?.update(reader.bytesRead / 1000)
            }
            if case .end = next, inFlight == nil { break }
        }
        result.summary.bytes = reader.bytesRead
        result.readFailed = reader.failed
        return result
    }
}
