/// Reads the records of one input in its format: splits lines, skips blank ones, and for CSV
/// groups lines into records. Only splitting happens here, on one thread; decoding JSON and
/// classifying happen on the workers.
struct BatchRecordReader {
    let file: String
    let format: BatchInputFormat
    let limit: Int
    private var lines: BatchLineReader
    private var csv: BatchCSVAssembler?
    private var finished = false

    init(file: String, format: BatchInputFormat, source: BatchByteSource, textField: String, limit: Int) {
        self.file = file
        self.format = format
        self.limit = limit
        lines = BatchLineReader(source: source, limit: limit)
        if format == .csv { csv = BatchCSVAssembler(file: file, textField: textField, limit: limit) }
    }

    /// Bytes read from the input so far.
    var bytesRead: Int { lines.bytesRead }

    /// Whether `next()` would return without waiting for more input (roughly: a CSV record may
    /// still need lines that have not arrived).
    var isReady: Bool { lines.isReady }

    /// The next record, or nil at the end of the input.
    mutating func next() throws(BatchReadError) -> BatchRecord? {
        if csv != nil { return try nextCSV() }
        while let line = try lines.next() {
            if let length = line.overlongBytes {
                return BatchRecord(file: file, line: line.number,
                                   content: .unreadable("line is longer than the \(limit >> 20) MiB message limit (\(length) bytes)"))
            }
            // Blank lines separate nothing and hold nothing: in no format are they records.
            if line.isBlank { continue }
            var bytes = line.bytes
            if bytes.last == 0x0D { bytes.removeLast() }
            return BatchRecord(file: file, line: line.number, content: format == .jsonl ? .json(bytes) : .plain(bytes))
        }
        return nil
    }

    private mutating func nextCSV() throws(BatchReadError) -> BatchRecord? {
        // Each pass hands out a record, or feeds one line, or finishes: the loop always ends.
        while true {
            if let record = csv!.take() { return record }
            if finished { return nil }
            if let line = try lines.next() {
                csv!.add(line)
            } else {
                csv!.finish()
                finished = true
            }
        }
    }
}
