import TriageReports
import TriageSupport

/// Every option name the commands use, declared once.
extension OptionName {
    static let allowErrors = OptionName("allow-errors")
    static let allowOutsideImports = OptionName("allow-outside-imports")
    static let baseline = OptionName("baseline")
    static let catalogue = OptionName("catalogue")
    static let category = OptionName("category")
    static let check = OptionName("check")
    static let color = OptionName("color")
    static let compact = OptionName("compact")
    static let coverage = OptionName("coverage")
    static let diff = OptionName("diff")
    static let explain = OptionName("explain")
    static let file = OptionName("file")
    static let fix = OptionName("fix")
    static let filter = OptionName("filter")
    static let format = OptionName("format")
    static let full = OptionName("full")
    static let help = OptionName("help")
    static let helpBaseURL = OptionName("help-base-url")
    static let holdout = OptionName("holdout")
    static let idField = OptionName("id-field")
    static let input = OptionName("input")
    static let jobs = OptionName("jobs")
    static let labelField = OptionName("label-field")
    static let limit = OptionName("limit")
    static let list = OptionName("list")
    static let man = OptionName("man")
    static let minAccuracy = OptionName("min-accuracy")
    static let minCategoryF1 = OptionName("min-category-f1")
    static let minF1 = OptionName("min-f1")
    static let minSupport = OptionName("min-support")
    static let name = OptionName("name")
    static let noExamples = OptionName("no-examples")
    static let noPrefilter = OptionName("no-prefilter")
    static let noProgress = OptionName("no-progress")
    static let now = OptionName("now")
    static let pack = OptionName("pack")
    static let quiet = OptionName("quiet")
    static let ruleIds = OptionName("rule-ids")
    static let rules = OptionName("rules")
    static let secondaryField = OptionName("secondary-field")
    static let stdinFilename = OptionName("stdin-filename")
    static let stdio = OptionName("stdio")
    static let strict = OptionName("strict")
    static let strictUTF8 = OptionName("strict-utf8")
    static let textField = OptionName("text-field")
    static let timeBudget = OptionName("time-budget")
    static let updateBaseline = OptionName("update-baseline")
    static let verbose = OptionName("verbose")
    static let version = OptionName("version")
    static let watch = OptionName("watch")
}

extension OptionName {
    /// `triage test --junit FILE` and the like: the report format names the option.
    init(_ format: ReportFormat) {
        self.init(format.rawValue)
    }
}
