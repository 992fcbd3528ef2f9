/// Receipt-link keys: 192 random bits from the system generator, base64url without padding.
enum ReceiptKey {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// A fresh key (32 characters of 6 bits each).
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<32).map { _ in alphabet[Int(generator.next(upperBound: UInt8(64)))] })
    }

    /// Compares in time independent of where the keys differ.
    static func matches(_ given: String, _ stored: String) -> Bool {
        let a = Array(given.utf8), b = Array(stored.utf8)
        guard a.count == b.count, !b.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
