import Foundation

/// What reading a date needs beyond its text: which number comes first in "12/03", and the
/// day the message is read on, so "next friday" and "yesterday" become calendar dates.
public struct DateContext: Sendable, Hashable {
    public enum Order: String, Sendable, Hashable, CaseIterable {
        /// "12/03" is 3 December (the default, as in the US).
        case monthFirst = "month_first"
        /// "12/03" is 12 March (as in the UK, India and most of the world).
        case dayFirst = "day_first"
    }

    public var order: Order
    /// The reference day as (year, month, day), in the proleptic Gregorian calendar.
    public var today: (year: Int, month: Int, day: Int)

    public init(order: Order = .monthFirst, today: (year: Int, month: Int, day: Int)) {
        self.order = order
        self.today = today
    }

    /// Today in UTC.
    public static func current(order: Order = .monthFirst) -> DateContext {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return DateContext(order: order, today: (parts.year!, parts.month!, parts.day!))
    }

    /// `YYYY-MM-DD`, or nil when it is not a real date.
    public static func day(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...daysIn(month, of: year)).contains(day) else { return nil }
        return (year, month, day)
    }

    public static func == (lhs: DateContext, rhs: DateContext) -> Bool {
        lhs.order == rhs.order && lhs.today == rhs.today
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(order)
        hasher.combine(today.year)
        hasher.combine(today.month)
        hasher.combine(today.day)
    }

    /// Day number (days since 1970-01-01) of today plus `offset` days, as `YYYY-MM-DD`.
    func iso(addingDays offset: Int) -> String {
        DateContext.iso(dayNumber: DateContext.dayNumber(today) + offset)
    }

    /// 0 for Monday … 6 for Sunday.
    var weekday: Int {
        // 1970-01-01 was a Thursday (3).
        ((DateContext.dayNumber(today) % 7) + 7 + 3) % 7
    }

    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func dayNumber(_ date: (year: Int, month: Int, day: Int)) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func iso(dayNumber: Int) -> String {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(year)-\(month.twoDigits)-\(day.twoDigits)"
    }
}
