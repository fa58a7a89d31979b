import Testing
@testable import TriageEngine

/// Dates read against a day and an order (docs/language.md, "Entities").
@Suite struct DateContextTests {
    /// Saturday 5 December 2026.
    let saturday = DateContext(today: (2026, 12, 5))

    @Test func calendarArithmeticRoundTrips() {
        for day in stride(from: -300_000, through: 2_900_000, by: 9_973) {
            let iso = DateContext.iso(dayNumber: day)
            let parsed = DateContext.day(iso)
            #expect(parsed.map(DateContext.dayNumber) == day, "\(iso)")
        }
        #expect(DateContext.iso(dayNumber: 0) == "1970-01-01")
        #expect(DateContext.iso(dayNumber: DateContext.dayNumber((2024, 2, 28)) + 1) == "2024-02-29")
        #expect(saturday.weekday == 5)
        #expect(DateContext.day("2026-02-29") == nil)
        #expect(DateContext.day("2026-13-01") == nil)
        #expect(DateContext.day("26-12-01") == nil)
    }

    @Test(arguments: [
        ("today", "2026-12-05"), ("tonight", "2026-12-05"), ("Tomorrow", "2026-12-06"), ("yesterday", "2026-12-04"),
        ("3 days ago", "2026-12-02"), ("a week ago", "2026-11-28"), ("couple of days ago", "2026-12-03"),
        ("next friday", "2026-12-11"), ("next Saturday", "2026-12-12"), ("last saturday", "2026-11-28"), ("last Monday", "2026-11-30"),
        ("monday", "2026-12-07"), ("thursday", "2026-12-03"), ("on  Sunday", "2026-12-06"), ("by wednesday", "2026-12-09"),
    ])
    func relativeDatesBecomeCalendarDays(_ text: String, _ expected: String) {
        let result = EntityNormalizer.date.normalize(text, dates: saturday)
        #expect(result.value == expected)
        #expect(result.isRelative)
    }

    @Test func periodsStayRelativeText() {
        #expect(EntityNormalizer.date.normalize("next  week", dates: saturday) == ("next week", true))
        #expect(EntityNormalizer.date.normalize("2 months ago", dates: saturday) == ("2 months ago", true))
    }

    @Test func numericDatesFollowTheOrder() {
        let dayFirst = DateContext(order: .dayFirst, today: (2026, 12, 5))
        #expect(EntityNormalizer.date.normalize("12/03", dates: saturday) == ("--12-03", false))
        #expect(EntityNormalizer.date.normalize("12/03", dates: dayFirst) == ("--03-12", false))
        #expect(EntityNormalizer.date.normalize("25/03/2026", dates: saturday) == ("2026-03-25", false))
        #expect(EntityNormalizer.date.normalize("03/25/2026", dates: dayFirst) == ("2026-03-25", false))
        #expect(EntityNormalizer.date.normalize("Nov 3rd", dates: dayFirst) == ("--11-03", false))
    }

    @Test func thePackChoosesTheOrder() throws {
        let rules = try compile(pack("""
        entity date "date" = /\\b\\d{1,2}\\/\\d{1,2}\\b|\\bnext\\s+friday\\b/i as date
        """, settings: "threshold 1 date_order day_first"))
        let result = Classifier(ruleSet: rules, today: (2026, 12, 5)).classify("due 12/03, now next Friday")
        #expect(result.entities.map(\.value) == ["--03-12", "2026-12-11"])
        #expect(result.entities.map(\.isRelative) == [false, true])
        let (_, diagnostics) = RuleEngine.compile(source: pack("", settings: "date_order sideways"), path: "d.rules")
        #expect(diagnostics.map(\.message) == ["'date_order' must be 'month_first' or 'day_first'"])
    }
}
