import ActorIdentity
import Testing

@Suite("base58btc and FEP-521a Multikey")
struct MultikeyTests {
    @Test("multibase spec vectors: basic and leading zeros")
    func multibaseVectors() {
        // multiformats/multibase tests: basic.csv and leading_zero.csv, base58btc rows.
        #expect(Base58BTC.encode(Array("yes mani !".utf8)) == "7paNL19xttacUY")
        #expect(Base58BTC.encode([0] + Array("yes mani !".utf8)) == "17paNL19xttacUY")
        #expect(Base58BTC.encode([0, 0] + Array("yes mani !".utf8)) == "117paNL19xttacUY")
        #expect(Base58BTC.encode([]) == "")
        #expect(Base58BTC.encode([0]) == "1")
    }

    @Test("Ed25519 key of the all-zero seed gives the published did:key fingerprint")
    func ed25519Vector() {
        // w3c-ccg did-method-key test vectors: publicKeyJwk x = O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik
        // is did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp.
        let raw = VocabularyJSON.bytes(hex: "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29")
        #expect(Multikey.ed25519PublicKeyMultibase(raw) == "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")
    }

    @Test("a key that is not 32 bytes is not published")
    func wrongLengthRefused() throws {
        #expect(Multikey.ed25519PublicKeyMultibase([UInt8](repeating: 1, count: 31)) == nil)
        #expect(Multikey.ed25519PublicKeyMultibase([UInt8](repeating: 1, count: 33)) == nil)
        let urls = try ActorURLs(baseURL: "https://cart.example")
        #expect(Multikey.ed25519AssertionMethod(rawKey: [], urls: urls) == nil)
    }

    @Test("a freshly generated key encodes as z6Mk… of 48 characters")
    func generatedKeyShape() throws {
        let raw = try #require(try SigningKey.generateEd25519().publicKey.ed25519Raw)
        let multibase = try #require(Multikey.ed25519PublicKeyMultibase(raw))
        #expect(multibase.hasPrefix("z6Mk"))
        #expect(multibase.count == 48)
    }
}
