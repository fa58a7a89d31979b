/// A small RFC 4180 reader: comma-separated fields, `"…"` quoting with `""` for a quote,
/// line breaks inside quotes. Each record remembers the line it starts on.
public struct CSVParser {
    public struct Record: Sendable, Equatable {
        public let line: Int
        public let fields: [String]
    }

    public struct Failure: Error, Sendable, Equatable {
        public let line: Int
        public let message: String
    }

    /// Records, and the problem that stopped parsing (an unterminated quote), if any.
    public static func parse(_ text: String) -> (records: [Record], failure: Failure?) {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var atFieldStart = true
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(field)
            field = ""
            // A blank line is not a record.
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            atFieldStart = true
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                inQuotes = true
                quoteLine = line
                atFieldStart = false
            case ",":
                fields.append(field)
                field = ""
                atFieldStart = true
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                if atFieldStart && fields.isEmpty && field.isEmpty { recordLine = line }
                field.unicodeScalars.append(scalar)
                atFieldStart = false
            }
        }
        if inQuotes {
            return (records, Failure(line: quoteLine, message: "unterminated quoted field"))
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return (records, nil)
    }
}
