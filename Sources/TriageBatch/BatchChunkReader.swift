import Foundation

/// Reads the inputs of a batch one after the other and hands out chunks of records: a chunk
/// is `maximumRecords` records or `maximumBytes` of input, whichever comes first, always at
/// least one record — big enough to keep every core busy, small enough to stream.
public struct BatchChunkReader {
    static let maximumRecords = 2048
    static let maximumBytes = 8 << 20

    public struct Input: Sendable {
        /// As given; "-" is standard input.
        public let path: String
        public let format: BatchInputFormat

        public init(path: String, format: BatchInputFormat) {
            self.path = path
            self.format = format
        }
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
    private let standardInput: Data?
    private let textField: String
    private let limit: Int
    private let onProblem: (String) -> Void
    /// An input could not be opened or stopped being readable (given to `onProblem`).
    public private(set) var failed = false

    /// `standardInput`: the bytes to read for "-" in-process, nil for descriptor 0.
    /// `onProblem` hears, as it happens, why an input could not be read
    /// ("cannot read 'PATH': reason"), for the caller to show.
    public init(inputs: [Input], standardInput: Data?, textField: String, limit: Int, onProblem: @escaping (String) -> Void) {
        remaining = inputs[...]
        self.standardInput = standardInput
        self.textField = textField
        self.limit = limit
        self.onProblem = onProblem
    }

    /// Every byte read so far.
    public var bytesRead: Int { finishedBytes + (reader?.bytesRead ?? 0) }

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
                onProblem("cannot read '\(reader!.file)': \(error.message); the rest of it is not classified")
            }
            finishedBytes += reader!.bytesRead
            reader = nil
        }
        return chunk.isEmpty ? .end : .records(chunk)
    }

    private mutating func open(_ input: Input) -> BatchRecordReader? {
        let source: BatchByteSource
        if input.path == "-" {
            source = .standardInput(captured: standardInput)
        } else {
            switch BatchByteSource.file(input.path) {
            case .success(let opened): source = opened
            case .failure(let error):
                failed = true
                onProblem("cannot read '\(input.path)': \(error.message)")
                return nil
            }
        }
        return BatchRecordReader(file: input.path, format: input.format, source: source, textField: textField, limit: limit)
    }
}
