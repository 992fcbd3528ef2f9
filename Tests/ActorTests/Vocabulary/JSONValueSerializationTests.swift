import ActorIdentity
import Foundation
import Testing

@Suite("Deterministic JSON encoding")
struct JSONValueSerializationTests {
    @Test("members keep their written order and output is compact")
    func membersKeepOrder() {
        let value: JSONValue = ["z": 1, "a": [true, false, nil], "m": ["inner": "x"]]
        #expect(value.serialized() == #"{"z":1,"a":[true,false,null],"m":{"inner":"x"}}"#)
    }

    @Test("strings are escaped so Foundation reads back the same text")
    func escapingRoundTrips() throws {
        let tricky = "quote\" backslash\\ slash/ newline\n tab\t nul\u{0} bell\u{7} sep\u{2028} é 🛒"
        let text = JSONValue.object([JSONMember("s", .string(tricky))]).serialized()
        #expect(text.contains(#"\u0000"#))
        #expect(text.contains(#"\u2028"#))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(parsed?["s"] == tricky)
    }

    @Test("a repeated key is written once with its last value")
    func duplicateKeyLastWins() {
        let value = JSONValue.object([JSONMember("a", 1), JSONMember("b", 2), JSONMember("a", 3)])
        #expect(value.serialized() == #"{"a":3,"b":2}"#)
        #expect(value["a"] == 3)
    }

    @Test("nil members are dropped by object(omittingNil:)")
    func omittingNil() {
        let value = JSONValue.object(omittingNil: [("a", "x"), ("b", nil), ("c", .integer(Int64.min))])
        #expect(value.serialized() == #"{"a":"x","c":-9223372036854775808}"#)
    }
}
