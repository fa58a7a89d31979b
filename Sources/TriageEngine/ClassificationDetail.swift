/// How much of a classification to work out beyond the decision, so a caller that prints
/// only the category does not pay for evidence and playbooks it never shows.
public enum ClassificationDetail: Sendable, Hashable {
    /// The category, confidence, secondary, scores, signals, entities and the rules that
    /// fired, as `triage batch` prints them without `--full`. Evidence has no spans (rules
    /// without named captures are not re-evaluated to collect them) and the playbook is not
    /// rendered (`playbook` is nil; the category names it).
    case decision
    /// Everything: evidence spans in the original text and the rendered playbook.
    case full
}
