/// The scoring model: each category scores the sum of the weights of its rules that fired;
/// the highest score at or above the threshold wins, ties go to the higher priority, then
/// the stronger single rule, then the category declared first; below the threshold the
/// answer is the fallback. A runner-up at or above the threshold and at least
/// `secondary_ratio` of the winner's score is the secondary category. Precedence comes
/// first: a category at or above the threshold that `outranks` the best one wins, and the
/// best one is its secondary.
struct Scorer {
    let ruleSet: CompiledRuleSet

    struct Result {
        let winner: Int
        let winnerScore: Double
        let confidence: Double
        let secondary: Int?
        let scores: [CategoryScore]
        let decision: Decision
    }

    func score(_ categoryRules: [Int: [Int]]) -> Result {
        let settings = ruleSet.settings
        var scores: [CategoryScore] = categoryRules.map { index, rules in
            CategoryScore(category: ruleSet.categories[index], score: rules.reduce(0) { $0 + ruleSet.rules[$1].weight }, rules: rules)
        }
        scores.removeAll { $0.score == 0 }
        scores.sort(by: ranksHigher)

        let positive = scores.filter { $0.score > 0 }
        guard let best = positive.first, best.score >= settings.threshold else {
            let bestScore = max(0, positive.first?.score ?? 0)
            let confidence = settings.threshold > 0 ? 1 - bestScore / settings.threshold : 1
            return Result(winner: ruleSet.fallbackCategory, winnerScore: 0, confidence: Scorer.rounded(confidence), secondary: nil, scores: scores,
                          decision: .belowThreshold(best: positive.first?.category.id, bestScore: bestScore, threshold: settings.threshold))
        }
        // Precedence: among the categories at or above the threshold, one that outranks the
        // best (directly or through others) and is outranked by none of them is primary.
        let qualified = positive.filter { $0.score >= settings.threshold }
        if let primary = qualified.first(where: { candidate in
            candidate.category.outranks.contains(best.category.index)
                && !qualified.contains { $0.category.outranks.contains(candidate.category.index) }
        }) {
            return precedence(primary, over: best, scores: scores)
        }
        // A tie that precedence settles is decided by precedence, not by the tie-breaks.
        if let outranked = qualified.dropFirst().first(where: { $0.score == best.score && best.category.outranks.contains($0.category.index) }) {
            return precedence(best, over: outranked, scores: scores)
        }
        let runnerUp = positive.dropFirst().first
        let decision: Decision
        let tied = positive.dropFirst().filter { $0.score == best.score }
        if tied.isEmpty {
            decision = .highestScore(runnerUp: runnerUp?.category.id)
        } else {
            let other = tied[0]
            let reason: Decision.TieBreak
            if best.category.priority != other.category.priority { reason = .priority }
            else if strongest(best) != strongest(other) { reason = .strongestRule }
            else { reason = .declarationOrder }
            decision = .tieBroken(against: tied.map(\.category.id), reason: reason)
        }
        let secondary = positive.dropFirst().first {
            $0.category.index != ruleSet.fallbackCategory && $0.score >= settings.threshold && $0.score >= settings.secondaryRatio * best.score
        }
        // Margin over the runner-up times strength relative to the threshold, both in [0, 1].
        let margin = best.score / (best.score + max(0, runnerUp?.score ?? 0))
        let strength = min(1, best.score / max(2 * settings.threshold, 1e-9))
        return Result(winner: best.category.index, winnerScore: best.score, confidence: Scorer.rounded(margin * strength),
                      secondary: secondary?.category.index, scores: scores, decision: decision)
    }

    /// `winner` outranks `outranked`, which is its secondary; confidence is the winner's strength alone.
    private func precedence(_ winner: CategoryScore, over outranked: CategoryScore, scores: [CategoryScore]) -> Result {
        let strength = min(1, winner.score / max(2 * ruleSet.settings.threshold, 1e-9))
        return Result(winner: winner.category.index, winnerScore: winner.score, confidence: Scorer.rounded(strength),
                      secondary: outranked.category.index == ruleSet.fallbackCategory ? nil : outranked.category.index, scores: scores,
                      decision: .precedence(over: outranked.category.id))
    }

    private func strongest(_ score: CategoryScore) -> Double {
        score.rules.map { ruleSet.rules[$0].weight }.max() ?? 0
    }

    private func ranksHigher(_ a: CategoryScore, _ b: CategoryScore) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.category.priority != b.category.priority { return a.category.priority > b.category.priority }
        let (sa, sb) = (strongest(a), strongest(b))
        if sa != sb { return sa > sb }
        return a.category.index < b.category.index
    }

    static func rounded(_ value: Double) -> Double {
        (max(0, min(1, value)) * 100).rounded() / 100
    }
}
