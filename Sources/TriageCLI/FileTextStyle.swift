/// How a rule file writes its text apart from the layout `fmt` owns: a UTF-8 byte order mark
/// and CRLF line ends. `fmt` formats the plain text and restores both.
struct FileTextStyle {
    let byteOrderMark: Bool
    let crlf: Bool

    init(_ text: String) {
        byteOrderMark = text.unicodeScalars.first == "\u{FEFF}"
        // Most line ends decide: a file is CRLF when more lines end in "\r\n" than in "\n" alone.
        var crlfCount = 0, lfCount = 0
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if previous == "\r" { crlfCount += 1 } else { lfCount += 1 }
            }
            previous = scalar
        }
        crlf = crlfCount > lfCount
    }

    /// Without the mark, with "\n" line ends.
    func plain(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        if byteOrderMark { _ = iterator.next() }
        var pendingCR = false
        while let scalar = iterator.next() {
            if pendingCR && scalar != "\n" { scalars.append("\r") }
            pendingCR = crlf && scalar == "\r"
            if !pendingCR { scalars.append(scalar) }
        }
        if pendingCR { scalars.append("\r") }
        return String(scalars)
    }

    /// The formatted text written the way the file was.
    func restore(_ text: String) -> String {
        var result = byteOrderMark ? "\u{FEFF}" : ""
        if crlf {
            for scalar in text.unicodeScalars {
                if scalar == "\n" { result.unicodeScalars.append("\r") }
                result.unicodeScalars.append(scalar)
            }
        } else {
            result += text
        }
        return result
    }
}
