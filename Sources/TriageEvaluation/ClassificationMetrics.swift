/// Accuracy, F1 scores and the confusion matrix over the primary category.
public struct ClassificationMetrics: Sendable {
    public struct CategoryMetrics: Sendable, Hashable {
        public let category: String
        public let precision: Double
        public let recall: Double
        public let f1: Double
        /// Cases whose expected category this is.
        public let support: Int
        /// Cases answered with this category.
        public let predicted: Int
    }

    /// Rows and columns of the confusion matrix, in the rule pack's category order.
    public let labels: [String]
    /// `confusion[expected][got]`, indexed like `labels`.
    public let confusion: [[Int]]
    public let perCategory: [CategoryMetrics]
    public let total: Int
    public let correct: Int
    public let accuracy: Double
    /// Unweighted mean of the per-category F1 over `labels` (every label that was expected or answered).
    public let macroF1: Double
    /// F1 over all decisions pooled; for one label per case it equals accuracy.
    public let microF1: Double
    /// Share of cases answered with the fallback category.
    public let fallbackShare: Double

    /// `order` gives the preferred label order (the pack's categories); other labels follow, sorted.
    public init(expected: [String], got: [String], order: [String], fallback: String) {
        precondition(expected.count == got.count)
        let present = Set(expected).union(got)
        labels = order.filter { present.contains($0) } + present.subtracting(order).sorted()
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var matrix = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
        for (e, g) in zip(expected, got) { matrix[index[e]!][index[g]!] += 1 }
        confusion = matrix
        total = expected.count
        correct = zip(expected, got).filter { $0 == $1 }.count
        accuracy = total == 0 ? 0 : Double(correct) / Double(total)
        microF1 = accuracy
        fallbackShare = total == 0 ? 0 : Double(got.filter { $0 == fallback }.count) / Double(total)
        perCategory = labels.enumerated().map { i, label in
            let truePositives = matrix[i][i]
            let support = matrix[i].reduce(0, +)
            let predicted = matrix.reduce(0) { $0 + $1[i] }
            let precision = predicted == 0 ? 0 : Double(truePositives) / Double(predicted)
            let recall = support == 0 ? 0 : Double(truePositives) / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return CategoryMetrics(category: label, precision: precision, recall: recall, f1: f1, support: support, predicted: predicted)
        }
        macroF1 = perCategory.isEmpty ? 0 : perCategory.map(\.f1).reduce(0, +) / Double(perCategory.count)
    }

    public func metrics(for category: String) -> CategoryMetrics? {
        perCategory.first { $0.category == category }
    }
}
