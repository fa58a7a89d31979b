import TriageSyntax

/// How an entity's matched text becomes its value, where the form is obvious:
/// `$1,299.5` → `USD 1299.50`, `Nov 3rd` → `--11-03`, `tba 1234 5678` → `TBA12345678`.
public enum EntityNormalizer: String, Sendable, Hashable, CaseIterable {
    case orderID = "order_id"
    case amount
    case date
    case trackingNumber = "tracking_number"
    case digits
    case upper
    /// Upper case without spaces and dashes: booking references, postcodes, serial numbers.
    case upperCompact = "upper_compact"
    case lower
    case text

    /// The normaliser a capture named like a well-known entity gets without `as`.
    public static func implied(byName name: String) -> EntityNormalizer {
        EntityNormalizer(rawValue: name) ?? .text
    }

    /// The value, and whether it was computed from a relative date ("next friday"): with a
    /// date context, relative dates and weekdays become ISO dates counted from its day, and
    /// numeric dates follow its order.
    public func normalize(_ raw: String, dates: DateContext?) -> (value: String, isRelative: Bool) {
        guard self == .date, let dates else { return (normalize(raw), false) }
        let trimmed = raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let lower = trimmed.lowercased().trimmingASCII(" .,")
        if let day = EntityNormalizer.relativeDay(lower, dates) { return (day, true) }
        if EntityNormalizer.relativeDays.contains(lower) || EntityNormalizer.relativeDate(lower) != nil {
            // "next week", "last month": relative, but not one day.
            return (EntityNormalizer.relativeDate(lower) ?? lower, true)
        }
        return (EntityNormalizer.normalizeDate(trimmed, order: dates.order), false)
    }

    public func normalize(_ raw: String) -> String {
        let trimmed = raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        switch self {
        case .text: return trimmed
        case .upper: return trimmed.uppercased()
        case .upperCompact: return String(trimmed.uppercased().filter { $0 != " " && $0 != "-" && $0 != "\u{2013}" })
        case .lower: return trimmed.lowercased()
        case .digits: return String(trimmed.filter { $0.isASCII && $0.isNumber })
        case .trackingNumber: return String(trimmed.uppercased().filter { $0 != " " && $0 != "-" })
        case .orderID:
            let digits = trimmed.filter { $0.isASCII && $0.isNumber }
            if digits.count == 17 {
                let d = Array(digits)
                return String(d[0..<3]) + "-" + String(d[3..<10]) + "-" + String(d[10..<17])
            }
            return String(trimmed.filter { $0 != " " })
        case .amount: return EntityNormalizer.normalizeAmount(trimmed)
        case .date: return EntityNormalizer.normalizeDate(trimmed)
        }
    }

    private static let currencyMarkers: [(String, String)] = [
        ("us$", "USD"), ("usd", "USD"), ("dollars", "USD"), ("dollar", "USD"), ("bucks", "USD"), ("$", "USD"),
        ("gbp", "GBP"), ("pounds", "GBP"), ("£", "GBP"), ("eur", "EUR"), ("euros", "EUR"), ("euro", "EUR"), ("€", "EUR"),
        ("inr", "INR"), ("rs.", "INR"), ("rs", "INR"), ("rupees", "INR"), ("₹", "INR"), ("cad", "CAD"), ("aud", "AUD"),
    ]

    static func normalizeAmount(_ text: String) -> String {
        let lower = text.lowercased()
        var currency: String?
        for (marker, code) in currencyMarkers where lower.contains(marker) {
            currency = code
            break
        }
        // The number: digits with ',' or '.' separators; the last separator followed by
        // exactly two digits (or one) is the decimal point.
        let numberCharacters = lower.drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "," || $0 == "." }
        var number = String(numberCharacters)
        while let last = number.last, last == "," || last == "." { number.removeLast() }
        guard !number.isEmpty else { return text }
        var integerPart = number
        var fraction = ""
        if let separator = number.lastIndex(where: { $0 == "," || $0 == "." }) {
            let after = number[number.index(after: separator)...]
            if after.count <= 2 {
                integerPart = String(number[..<separator])
                fraction = String(after)
            }
        }
        integerPart = integerPart.filter(\.isNumber)
        if integerPart.isEmpty { integerPart = "0" }
        while integerPart.count > 1 && integerPart.hasPrefix("0") { integerPart.removeFirst() }
        fraction = String((fraction + "00").prefix(2))
        let value = integerPart + "." + fraction
        return currency.map { "\($0) \(value)" } ?? value
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let relativeDays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "yesterday", "tonight",
    ]

    private static let relativeUnits = relativeDays.union(["week", "weekend", "month"])
    private static let countWords: Set<String> = ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "couple"]

    /// "next  Friday" → "next friday", "3 days ago", "last week": relative dates, in one
    /// spelling, since no calendar date can be given without knowing when it was written.
    static func relativeDate(_ lower: String) -> String? {
        let words = lower.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
        if words.count == 2, ["next", "last", "this", "coming", "since", "on", "by", "until", "till"].contains(words[0]),
           relativeUnits.contains(words[1]) {
            return ["on", "by", "until", "till", "since"].contains(words[0]) && relativeDays.contains(words[1]) ? words[1] : words.joined(separator: " ")
        }
        if words.count == 3, Int(words[0]) != nil || countWords.contains(words[0]),
           ["day", "days", "week", "weeks", "month", "months"].contains(words[1]), words[2] == "ago" {
            return words.joined(separator: " ")
        }
        return nil
    }

    private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// "today", "tomorrow", "3 days ago", "next friday", "monday" as an ISO date counted from
    /// the context's day. A bare weekday (or "on", "this", "since" one) is the nearest one,
    /// at most three days away; "next", "coming", "by", "until" one is the first after today;
    /// "last" one the last before today.
    static func relativeDay(_ lower: String, _ dates: DateContext) -> String? {
        let words = lower.split(whereSeparator: { $0 == " " }).map(String.init)
        switch words.count {
        case 1:
            switch words[0] {
            case "today", "tonight": return dates.iso(addingDays: 0)
            case "tomorrow": return dates.iso(addingDays: 1)
            case "yesterday": return dates.iso(addingDays: -1)
            default: break
            }
            if let target = weekdays.firstIndex(of: words[0]) { return dates.iso(addingDays: nearest(target, from: dates.weekday)) }
        case 2:
            guard let target = weekdays.firstIndex(of: words[1]) else { return nil }
            let ahead = (target - dates.weekday + 7) % 7
            switch words[0] {
            case "next", "coming", "by", "until", "till": return dates.iso(addingDays: ahead == 0 ? 7 : ahead)
            case "last": return dates.iso(addingDays: ahead == 0 ? -7 : ahead - 7)
            case "on", "this", "since": return dates.iso(addingDays: nearest(target, from: dates.weekday))
            default: return nil
            }
        case 3 where words[2] == "ago":
            let count = Int(words[0]) ?? ["a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                                          "nine": 9, "ten": 10, "couple": 2][words[0]]
            guard let count else { return nil }
            switch words[1] {
            case "day", "days": return dates.iso(addingDays: -count)
            case "week", "weeks": return dates.iso(addingDays: -7 * count)
            default: return nil
            }
        case 4 where words[0] == "couple" && words[1] == "of" && words[3] == "ago":
            return relativeDay("couple \(words[2]) ago", dates)
        default: return nil
        }
        return nil
    }

    /// Days from `today` to the nearest `target` weekday, from -3 to +3.
    private static func nearest(_ target: Int, from today: Int) -> Int {
        let ahead = (target - today + 7) % 7
        return ahead > 3 ? ahead - 7 : ahead
    }

    static func normalizeDate(_ text: String, order: DateContext.Order = .monthFirst) -> String {
        let lower = text.lowercased().trimmingASCII(" .,")
        if relativeDays.contains(lower) { return lower }
        if let relative = relativeDate(lower) { return relative }
        let tokens = lower.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." || $0 == "/" || $0 == "-" }).map(String.init)
        func number(_ token: String) -> Int? {
            let digits = token.prefix { $0.isNumber }
            let suffix = token.dropFirst(digits.count)
            guard !digits.isEmpty, ["", "st", "nd", "rd", "th"].contains(String(suffix)) else { return nil }
            return Int(digits)
        }
        func month(_ token: String) -> Int? {
            guard token.count >= 3, let index = months.firstIndex(where: { token.hasPrefix($0) }) else { return nil }
            return index + 1
        }
        var year: Int?
        var monthValue: Int?
        var day: Int?
        var numbers: [Int] = []
        for token in tokens where token != "of" {
            if let m = month(token) { monthValue = m } else if let n = number(token) {
                if n >= 1000 || (token.count == 4 && n > 31) { year = n } else { numbers.append(n) }
            }
        }
        if text.contains("-"), tokens.count == 3, let y = Int(tokens[0]), y >= 1000 {
            // ISO 2026-11-03
            year = y
            numbers = tokens.dropFirst().compactMap { Int($0) }
            monthValue = numbers.first
            day = numbers.count > 1 ? numbers[1] : nil
        } else if let m = monthValue {
            _ = m
            day = numbers.first
            if numbers.count > 1, year == nil, numbers[1] >= 20 { year = 2000 + numbers[1] }
        } else if numbers.count >= 2 {
            // Numeric dates follow the pack's order (month first by default) unless the first
            // number cannot be what the order says it is.
            let dayFirst = order == .dayFirst ? numbers[0] <= 31 && numbers[1] <= 12 : numbers[0] > 12 && numbers[1] <= 12
            if dayFirst { day = numbers[0]; monthValue = numbers[1] } else { monthValue = numbers[0]; day = numbers[1] }
            if numbers.count > 2, year == nil { year = numbers[2] < 100 ? 2000 + numbers[2] : numbers[2] }
        }
        guard let m = monthValue, let d = day, (1...12).contains(m), (1...31).contains(d) else { return text }
        let monthDay = m.twoDigits + "-" + d.twoDigits
        return year.map { "\($0)-\(monthDay)" } ?? "--\(monthDay)"
    }
}

extension Int {
    var twoDigits: String { self < 10 ? "0\(self)" : "\(self)" }
}
