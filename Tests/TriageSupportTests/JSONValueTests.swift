import Testing
import TriageSupport

struct JSONValueTests {
    @Test func literals() {
        let values: [JSONValue] = ["a", 1, 1.5, true, nil, [1, "b"]]
        #expect(values == [.string("a"), .int(1), .double(1.5), .bool(true), .null, .array([.int(1), .string("b")])])
    }

    @Test func objectFromKeyValuePairsKeepsOrder() {
        let value = JSONValue.object(["z": 1, "a": 2, "m": nil])
        #expect(value == .object([JSONMember("z", 1), JSONMember("a", 2), JSONMember("m", .null)]))
    }
}
