import Testing
@testable import ActorIdentity

/// Header look-ups (the verifier's hot path compares ASCII names byte by byte and trims only
/// when needed): same answers as a case-insensitive, whitespace-trimming look-up.
@Suite("Received request headers")
struct ReceivedRequestHeaderTests {
    static let request = ReceivedRequest(method: "POST", path: "/inbox", headers: [
        ("HOST", "shop.example"), ("x-Multi", " one\t"), ("X-MULTI", "two"), ("Date", "\u{A0}Tue, 07 Jun 2014 20:51:35 GMT "),
        ("Émoji", "yes"), ("Empty", ""),
    ])

    @Test func namesMatchWhateverTheirCase() {
        #expect(Self.request.header("host") == "shop.example")
        #expect(Self.request.header("Host") == "shop.example")
        #expect(Self.request.header("hos") == nil)
        #expect(Self.request.header("hostt") == nil)
        #expect(Self.request.header("ÉMOJI") == "yes")
        #expect(Self.request.header("Empty") == "")
    }

    @Test func valuesTrimmedAndRepeatsJoined() {
        #expect(Self.request.header("x-multi") == "one, two")
        #expect(Self.request.header("date") == "Tue, 07 Jun 2014 20:51:35 GMT")
    }

    @Test func namesOnlyEqualWhenEveryByteFolds() {
        #expect(ReceivedRequest.sameName("Content-Digest", "content-digest"))
        #expect(!ReceivedRequest.sameName("Content-Digest", "content_digest"))
        #expect(!ReceivedRequest.sameName("[", "{"))  // 0x5B and 0x7B differ only by 0x20 but are not letters
        #expect(ReceivedRequest.trimmed("  a b \t") == "a b")
        #expect(ReceivedRequest.trimmed("a b") == "a b")
    }
}
