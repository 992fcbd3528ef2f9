import ActorIdentity
import Foundation
import Testing

@Suite("SecretBox seals with AES-256-GCM")
struct SecretBoxTests {
    static let key = SecureRandom.bytes(32)

    static func hex(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }

    @Test("seal then open gives the secret back; each seal uses a fresh nonce")
    func roundTrip() throws {
        let box = try SecretBox(key: Self.key)
        let secret = SecureRandom.bytes(29)
        let first = try box.seal(secret, context: "page:a")
        let second = try box.seal(secret, context: "page:a")
        #expect(first != second)
        #expect(first.count == 1 + 12 + secret.count + 16)
        #expect(try box.open(first, context: "page:a") == secret)
        #expect(try box.open(second, context: "page:a") == secret)
        #expect(try box.open(try box.seal([], context: ""), context: "") == [])
    }

    @Test("a box opens only with its key and its context")
    func wrongKeyOrContextRefused() throws {
        let sealed = try SecretBox(key: Self.key).seal(Array("secret".utf8), context: "page:a")
        #expect(throws: SecretBoxError.openFailed) { try SecretBox(key: SecureRandom.bytes(32)).open(sealed, context: "page:a") }
        #expect(throws: SecretBoxError.openFailed) { try SecretBox(key: Self.key).open(sealed, context: "page:b") }
    }

    @Test("any altered byte is refused")
    func tamperedRefused() throws {
        let box = try SecretBox(key: Self.key)
        let sealed = try box.seal(SecureRandom.bytes(16), context: "page:a")
        for index in 1..<sealed.count {
            var tampered = sealed
            tampered[index] ^= 0x01
            #expect(throws: SecretBoxError.openFailed) { try box.open(tampered, context: "page:a") }
        }
        #expect(throws: SecretBoxError.openFailed) { try box.open(Array(sealed.dropLast()), context: "page:a") }
        var otherVersion = sealed
        otherVersion[0] = 2
        #expect(throws: SecretBoxError.notABox) { try box.open(otherVersion, context: "page:a") }
        #expect(throws: SecretBoxError.notABox) { try box.open([1, 2, 3], context: "page:a") }
    }

    @Test("opens the GCM specification's test case 15 (AES-256, 96-bit IV)")
    func publishedVector() throws {
        // Published vector, kept under Fixtures/ (see its `source`).
        let url = try #require(Bundle.module.url(forResource: "aes-256-gcm-test-case-15", withExtension: "json", subdirectory: "Fixtures"))
        let vector = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        let field = { (name: String) in Self.hex(vector[name] ?? "") }
        let (key, nonce, plaintext, ciphertext, tag) = (field("key"), field("nonce"), field("plaintext"), field("ciphertext"), field("tag"))
        #expect(key.count == 32 && nonce.count == 12 && tag.count == 16)
        #expect(try SecretBox(key: key).open([1] + nonce + ciphertext + tag, context: "") == plaintext)
    }

    @Test("data keys: hex, base64, base64url, or a long passphrase; short ones refused")
    func dataKeyForms() throws {
        let raw = SecureRandom.bytes(32)
        let hex = raw.map { String(format: "%02x", $0) }.joined()
        let sealed = try SecretBox(key: raw).seal(Array("k".utf8), context: "c")
        for form in [hex, hex.uppercased(), Base64.encode(raw), Base64URL.encode(raw), " \(hex)\n"] {
            #expect(try SecretBox(dataKey: form).open(sealed, context: "c") == Array("k".utf8))
        }
        let passphrase = "correct horse battery staple, long enough"
        let fromPassphrase = try SecretBox(dataKey: passphrase).seal(Array("k".utf8), context: "c")
        #expect(try SecretBox(key: SHA256.hash(Array(passphrase.utf8))).open(fromPassphrase, context: "c") == Array("k".utf8))
        #expect(throws: SecretBoxError.self) { try SecretBox(dataKey: "too short") }
        #expect(throws: SecretBoxError.self) { try SecretBox(key: [1, 2, 3]) }
        #expect(try SecretBox(dataKey: SecretBox.generateDataKey()).seal([1], context: "").count == 30)
    }
}
