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
        let secret = Array("sup_sk_live_ABCDEFGH12345678".utf8)
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
        let sealed = try box.seal(Array("sup_sk_live_0000".utf8), context: "page:a")
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
        // McGrew & Viega, "The Galois/Counter Mode of Operation", test case 15 (published vector).
        let key = Self.hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")
        let nonce = Self.hex("cafebabefacedbaddecaf888")
        let plaintext = Self.hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255")
        let ciphertext = Self.hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad")
        let tag = Self.hex("b094dac5d93471bdec1a502270e3cc6c")
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
