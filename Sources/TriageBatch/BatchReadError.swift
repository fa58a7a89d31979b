/// An input that stopped being readable in the middle (an I/O error, not bad data).
struct BatchReadError: Error, Sendable {
    let message: String
}
