@testable import Server
import Testing

@Suite("Strict parsing of browser input")
struct ParsingTests {
    @Test func formFieldsDecodePercentAndPlus() throws {
        let fields = try #require(FormFields(bytes: Array("product=https%3A%2F%2Fm.example%2Fp%2F7&quantity=2&note=a+b&quantity=9".utf8)))
        #expect(fields["product"] == "https://m.example/p/7")
        #expect(fields["quantity"] == "2")
        #expect(fields["note"] == "a b")
        #expect(fields["missing"] == nil)
    }

    @Test func formFieldsRefuseBadEscapes() {
        #expect(FormFields(bytes: Array("a=%zz".utf8)) == nil)
        #expect(FormFields(bytes: Array("a=%4".utf8)) == nil)
        #expect(FormFields(bytes: Array("a=%ff%fe".utf8)) == nil) // not UTF-8
    }

    @Test func formFieldsRefuseTooManyFields() {
        let body = (0...FormFields.maxFields).map { "f\($0)=1" }.joined(separator: "&")
        #expect(FormFields(bytes: Array(body.utf8)) == nil)
    }

    @Test(arguments: ["abc", "0", "-1", "100", "1.5", "", " 1", "1e1", "+1", "0x1", "١"])
    func addQuantityRefused(text: String) {
        #expect(throws: (any Error).self) { try QuantityField.parse(text, range: 1...99) }
    }

    @Test func quantityAcceptsWholeNumbersInRange() throws {
        #expect(try QuantityField.parse("1", range: 1...99) == 1)
        #expect(try QuantityField.parse("99", range: 1...99) == 99)
        #expect(try QuantityField.parse("0", range: 0...99) == 0)
    }

    @Test func returnTargetsAreLocalPathsOrSiblings() {
        let siblings: Set = ["https://market.example"]
        #expect(ReturnTarget.isLocalPath("/cart"))
        #expect(!ReturnTarget.isLocalPath("//evil.example"))
        #expect(!ReturnTarget.isLocalPath("/\\evil.example"))
        #expect(!ReturnTarget.isLocalPath("https://evil.example"))
        #expect(!ReturnTarget.isLocalPath("/a\nb"))
        #expect(ReturnTarget.isSiblingURL("https://market.example/p/1", siblings: siblings))
        #expect(ReturnTarget.isSiblingURL("https://MARKET.example:443/p", siblings: siblings))
        #expect(!ReturnTarget.isSiblingURL("http://market.example/p", siblings: siblings))
        #expect(!ReturnTarget.isSiblingURL("https://market.example.evil.example/", siblings: siblings))
        #expect(!ReturnTarget.isSiblingURL("https://evil.example@market.example.evil/", siblings: siblings))
    }

    @Test func handleIsAddedToTheQuery() {
        #expect(ReturnTarget.adding("cart_handle", "a-b_c", to: "https://m.example/p") == "https://m.example/p?cart_handle=a-b_c")
        #expect(ReturnTarget.adding("cart_handle", "h", to: "https://m.example/p?x=1#top") == "https://m.example/p?x=1&cart_handle=h#top")
    }

    @Test func compactJWTIsStrict() {
        #expect(throws: LoginError.self) { try CompactJWT("a.b") }
        #expect(throws: LoginError.self) { try CompactJWT("a.b.c.d") }
        #expect(throws: LoginError.self) { try CompactJWT(String(repeating: "a", count: CompactJWT.maxLength + 1)) }
        // base64url("[]") header: JSON, but not an object.
        #expect(throws: LoginError.self) { try CompactJWT("W10.e30.") }
    }

    @Test func sessionCookieNeedsItsSignature() {
        let secrets = SessionSecrets(secret: String(repeating: "k", count: 32))
        let other = SessionSecrets(secret: String(repeating: "j", count: 32))
        let id = SessionSecrets.newID()
        let value = Substring("\(id).\(secrets.cookieSignature(id: id))")
        #expect(SessionCookie.verifiedID(value, secrets: secrets) == id)
        #expect(SessionCookie.verifiedID(value, secrets: other) == nil)
        #expect(SessionCookie.verifiedID(Substring(id), secrets: secrets) == nil)
        #expect(SessionCookie.verifiedID("short.sig", secrets: secrets) == nil)
        #expect(secrets.handle(id: id) != secrets.csrfToken(id: id))
        #expect(secrets.handle(id: id) != secrets.cookieSignature(id: id))
    }
}
