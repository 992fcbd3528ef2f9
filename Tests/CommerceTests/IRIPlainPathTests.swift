import Commerce
import Foundation
import Testing

/// `IRI` reads plain http(s) IRIs without `URLComponents` (the inbox's hot path). Seeded
/// generated strings, plain and awkward, must get exactly what `URLComponents` alone decides:
/// accepted or not, and the same origin. Count: `IRI_DIFFERENTIAL_COUNT` (default 3,000).
@Suite("IRI plain path")
struct IRIPlainPathTests {
    /// What `IRI` answered before the plain path: `URLComponents` for everything.
    static func reference(_ text: String) -> (value: String, origin: String)? {
        guard text.utf8.count <= 2048, !text.contains(where: { $0.isWhitespace }),
              let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { return nil }
        let port = components.port.map { ":\($0)" } ?? ""
        return (text, "\(scheme)://\(host.lowercased())\(port)")
    }

    static let schemes = ["http://", "https://", "HTTP://", "Https://", "http:/", "http:", "ftp://", "", "http://user@", "https://a:b@"]
    static let labels = ["market", "Example", "a", "b1", "127", "0", "1", "255", "256", "0x7f", "xn--bcher-kva", "XN--abc",
                         "-a", "a-", "a-b", "", "café", "a_b", "[::1]", "%41", String(repeating: "l", count: 63),
                         String(repeating: "l", count: 64)]
    static let ports = ["", "", "", ":", ":0", ":80", ":080", ":8080", ":65535", ":65536", ":123456", ":x", ":00"]
    static let rests = ["", "/", "/p/1", "?q=1", "#f", "/a?b=c#d", "/a#b#c", "/%41", "/%4", "/%4G", "/%zz", "/a b", "/é",
                        "/[x]", "/a|b", "/a\\b", "/a^b", "/a`b", "/{x}", "/<x>", "/a\"b", "/~user/(x)*+,;=:@!$&'",
                        "?a=b?c/d", "#frag/with?marks", "x", ":", "/\u{7F}", "/\u{0}", "//double", "/a%2Fb"]

    static func generated(count: Int) -> [String] {
        var random = SplitMix64(seed: 0x1_2024_1128)
        return (0..<count).map { _ in
            let host = (0..<random.next(upTo: 4) + 1).map { _ in labels[random.next(upTo: labels.count)] }
                .joined(separator: random.next(upTo: 10) == 0 ? ".." : ".")
            return schemes[random.next(upTo: schemes.count)] + host + ports[random.next(upTo: ports.count)]
                + (0..<random.next(upTo: 3)).map { _ in rests[random.next(upTo: rests.count)] }.joined()
        }
    }

    @Test func agreesWithURLComponentsOnGeneratedStrings() {
        let count = ProcessInfo.processInfo.environment["IRI_DIFFERENTIAL_COUNT"].flatMap(Int.init) ?? 3_000
        var accepted = 0
        for text in Self.generated(count: count) {
            let iri = IRI(text)
            let expected = Self.reference(text)
            #expect(iri?.value == expected?.value, "\(text)")
            #expect(iri?.origin == expected?.origin, "\(text)")
            if iri != nil { accepted += 1 }
        }
        // Both sides of the decision are exercised (a generator producing only one is useless).
        #expect(accepted > count / 10 && accepted < count * 9 / 10)
    }

    @Test(arguments: ["http://127.0.0.1:8080/actors/0", "https://Market.Example/p/1?x=%41#y", "https://a-b.example:443/"])
    func plainIRIsKeepTheirOrigin(text: String) {
        #expect(IRI(text)?.origin == Self.reference(text)?.origin)
        #expect(IRI(text)?.origin != nil)
    }
}

/// SplitMix64: the same sequence on every run.
private struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(upTo bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
