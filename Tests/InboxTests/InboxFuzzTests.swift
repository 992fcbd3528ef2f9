import ActorIdentity
import Foundation
import Storage
import Testing
import TestSupport

/// Random and mutated bodies and signature headers from a seeded generator: the inbox answers
/// only the statuses of contract §3's table, never crashes, and its memory stays flat.
@Suite("Inbox fuzz")
struct InboxFuzzTests {
    static let tableStatuses: Set<Int> = [202, 400, 401, 403, 413, 415, 429, 503]
    static var cases: Int { ProcessInfo.processInfo.environment["CART_FUZZ_CASES"].flatMap(Int.init) ?? 300 }
    static var seed: UInt64 { ProcessInfo.processInfo.environment["CART_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5EED_1B0C }

    @Test("seeded fuzz: only the table's statuses, memory flat")
    func fuzz() async throws {
        try await TestPeers.run([.calendar, .market, .stranger]) { (peers: [TestPeer]) async throws in
            try await InboxHarness.run(.sqlite, calendars: [peers[0]], markets: [peers[1]]) { (inbox: InboxHarness) async throws in
                try await inbox.addSamplePage()
                var random = SeededRandom(seed: Self.seed)
                let templates = Self.templates(peers, inbox)
                let half = Self.cases / 2
                var residentAtHalf = 0
                for index in 0..<Self.cases {
                    if index == half { residentAtHalf = ResidentMemory.bytes() }
                    let peer = peers[random.next(below: peers.count)]
                    let template = templates[random.next(below: templates.count)]
                    let body = Self.mutate(template(peer).serializedBytes(), &random)
                    let contentType = random.next(below: 10) == 0 ? "text/plain" : "application/activity+json"
                    let signer: TestPeer.Signer = [.actor, .actor, .actor, .unsigned, .instance][random.next(below: 5)]
                    let breakHeaders = random.next(below: 4) == 0
                    var headerRandom = SeededRandom(seed: random.nextWord())
                    let response = try await peer.post(body, to: inbox.inboxURL, contentType: contentType, signer: signer,
                                                       scheme: random.next(below: 2) == 0 ? .cavage : .rfc9421) { headers in
                        if breakHeaders { Self.mutate(&headers, &headerRandom) }
                    }
                    #expect(Self.tableStatuses.contains(response.status), "case \(index): \(response.status) \(response.text)")
                    if index % 50 == 0 { await inbox.drain() }
                }
                await inbox.drain()
                let growth = ResidentMemory.bytes() - residentAtHalf
                // The second half of the run may not grow the process by more than 64 MiB.
                #expect(residentAtHalf == 0 || growth < 64 << 20, "resident memory grew by \(growth >> 20) MiB")
            }
        }
    }

    static func templates(_ peers: [TestPeer], _ inbox: InboxHarness) -> [@Sendable (TestPeer) -> JSONValue] {
        let actor = inbox.actor
        return [
            { Activities.follow(from: $0, of: actor) },
            { Activities.add(from: $0, object: Activities.entry($0, id: $0.newID("entries")), target: Activities.cart(customer: "https://a.example/u/1")) },
            { Activities.create(from: $0, object: Activities.product($0, id: $0.newID("products"))) },
            { Activities.like(from: $0, object: actor) },
            { Activities.adopt(from: $0, handle: "h", user: "https://a.example/u/2") },
            { Activities.answer(from: $0, accepted: false, object: .string(inbox.base + "/activities/" + UUID().uuidString)) },
        ]
    }

    /// Flips, drops, duplicates or truncates bytes (or leaves the body alone).
    static func mutate(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = bytes
        switch random.next(below: 6) {
        case 0: return bytes
        case 1: for _ in 0..<1 + random.next(below: 8) where !bytes.isEmpty { bytes[random.next(below: bytes.count)] = UInt8(random.next(below: 256)) }
        case 2: if !bytes.isEmpty { bytes.removeSubrange(random.next(below: bytes.count)...) }
        case 3: bytes = Array(repeating: UInt8(ascii: "["), count: random.next(below: 50_000)) + bytes
        case 4:
            let start = random.next(below: max(1, bytes.count))
            bytes.insert(contentsOf: bytes[start...].prefix(random.next(below: 200)), at: start)
        default: bytes = (0..<random.next(below: 2_000)).map { _ in UInt8(random.next(below: 256)) }
        }
        return bytes
    }

    /// Drops a header, garbles a value, or adds a bogus signature.
    static func mutate(_ headers: inout [(String, String)], _ random: inout SeededRandom) {
        guard !headers.isEmpty else { return }
        let index = random.next(below: headers.count)
        switch random.next(below: 3) {
        case 0: headers.remove(at: index)
        case 1:
            var value = Array(headers[index].1.utf8)
            if !value.isEmpty { value[random.next(below: value.count)] = UInt8(33 + random.next(below: 90)) }
            headers[index].1 = String(decoding: value, as: UTF8.self)
        default: headers.append(("Signature", #"keyId="x",algorithm="hs2019",headers="date",signature="AAAA""#))
        }
    }
}

/// SplitMix64: a small, seeded, reproducible generator.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func nextWord() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { bound <= 1 ? 0 : Int(nextWord() % UInt64(bound)) }
}

/// The process's resident set size from `/proc/self/statm` (0 where that does not exist).
enum ResidentMemory {
    static func bytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * 4096
    }
}
