import TriageSupport

/// Reads the inputs of a batch one after the other and hands out chunks of records: a chunk
/// is `maximumRecords` records or `maximumBytes` of input, whichever comes first, always at
/// least one record — big enough to keep every core busy, small enough to stream.
struct BatchChunkReader {
    static let maximumRecords = 2048
    static let maximumBytes = 8 << 20

    struct Input {
        /// As given; "-" is standard input.
        let path: String
        let format: BatchInputFormat
    }

    enum Chunk {
        case records([BatchRecord])
        /// Nothing has arrived yet and waiting was not allowed.
        case notReady
        case end
    }

    private var remaining: ArraySlice<Input>
    private var reader: BatchRecordReader?
    private var finishedBytes = 0
    private let io: CommandIO
    private let textField: String
    private let limit: Int
    private let errorStyle: TerminalStyle
    /// An input could not be opened or stopped being readable (reported on stderr).
    private(set) var failed = false

    init(inputs: [Input], io: CommandIO, textField: String, limit: Int, errorStyle: TerminalStyle) {
        remaining = inputs[...]
        self.io = io
        self.textField = textField
        self.limit = limit
        self.errorStyle = errorStyle
    }

    /// Every byte read so far.
    var bytesRead: Int { finishedBytes + (reader?.bytesRead ?? 0) }

    /// The next chunk. A chunk is cut short when the input has nothing more ready (a slow
    /// producer on a pipe); with `mayWait` false, `.notReady` comes back instead of waiting for
    /// the first record.
    mutating func next(mayWait: Bool) -> Chunk {
        var chunk: [BatchRecord] = []
        var size = 0
        // Each pass takes a record, or opens or closes an input, or returns.
        while chunk.count < Self.maximumRecords && size < Self.maximumBytes {
            if reader == nil {
                guard let input = remaining.popFirst() else { break }
                reader = open(input)
                continue
            }
            if !reader!.isReady {
                if !chunk.isEmpty { break }
                if !mayWait { return .notReady }
            }
            do {
                if let record = try reader!.next() {
                    chunk.append(record)
                    size += record.size
                    continue
                }
            } catch {
                failed = true
                io.writeError(errorStyle.bold(errorStyle.red("error")), "cannot read '\(reader!.file)': \(error.message); the rest of it is not classified")
            }
            finishedBytes += reader!.bytesRead
            reader = nil
        }
        return chunk.isEmpty ? .end : .records(chunk)
    }

    private mutating func open(_ input: Input) -> BatchRecordReader? {
        let source: BatchByteSource
        if input.path == "-" {
            source = .standardInput(io: io)
        } else {
            switch BatchByteSource.file(input.path) {
            case .success(let opened): source = opened
            case .failure(let error):
                failed = true
                io.writeError(errorStyle.bold(errorStyle.red("error")), "cannot read '\(input.path)': \(error.message)")
                return nil
            }
        }
        return BatchRecordReader(file: input.path, format: input.format, source: source, textField: textField, limit: limit)
    }
}
