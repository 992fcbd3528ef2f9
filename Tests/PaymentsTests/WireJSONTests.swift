import Payments
import Testing

@Suite("Provider JSON keeps numbers exact")
struct WireJSONTests {
    @Test("numbers keep their text, strings their escapes")
    func numbersKeepText() throws {
        let json = try WireJSON.parse(#"{"amount": 10.10, "n": -0.5e-3, "s": "a\"\u00e9\ud83d\ude00", "ok": true, "x": null, "l": [1, 2]}"#)
        #expect(json["amount"]?.numberText == "10.10")
        #expect(json["n"]?.numberText == "-0.5e-3")
        #expect(json["s"]?.stringValue == "a\"é😀")
        #expect(json["ok"] == .bool(true))
        #expect(json["x"] == .null)
        #expect(json["l"]?.arrayValue?.count == 2)
    }

    @Test("writing then reading gives the same value")
    func roundTrip() throws {
        let value = WireJSON.object([WireMember("a", .number("12.50")), WireMember("b", .string("line\n\"q\"\u{01}")),
                                     WireMember("c", .array([.bool(false), .null]))])
        #expect(try WireJSON.parse(value.serialized()) == value)
        #expect(value.serialized() == #"{"a":12.50,"b":"line\n\"q\"\u0001","c":[false,null]}"#)
    }

    @Test("malformed JSON is refused", arguments: ["", "{", "{\"a\":}", "[1,]", "01", "1.", "\"\\x\"", "tru", "{} {}",
                                                 "\"\\ud800\"", "{\"a\" 1}", "\"a\u{01}\""])
    func refused(text: String) {
        #expect(throws: WireJSONError.self) { try WireJSON.parse(text) }
    }

    @Test("deep nesting is refused")
    func deepNesting() {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: WireJSONError.self) { try WireJSON.parse(text) }
    }
}
