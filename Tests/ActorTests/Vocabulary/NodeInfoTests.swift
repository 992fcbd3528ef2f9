import ActorIdentity
import Testing

@Suite("NodeInfo 2.1")
struct NodeInfoTests {
    @Test("discovery links the 2.1 schema to BASE/nodeinfo/2.1")
    func discovery() throws {
        let urls = try ActorURLs(baseURL: "https://cart.example")
        #expect(NodeInfo.discovery(urls: urls).serialized()
            == #"{"links":[{"rel":"http://nodeinfo.diaspora.software/ns/schema/2.1","href":"https://cart.example/nodeinfo/2.1"}]}"#)
    }

    @Test("the document has every required 2.1 field")
    func document() throws {
        let json = try VocabularyJSON.parsed(NodeInfo.document(software: SoftwareInfo(version: "1.2.3", repository: "https://git.example/cart")))
        #expect(json["version"] as? String == "2.1")
        let software = try #require(json["software"] as? [String: String])
        #expect(software == ["name": "cart-actor", "version": "1.2.3", "repository": "https://git.example/cart"])
        #expect(json["protocols"] as? [String] == ["activitypub"])
        #expect((json["services"] as? [String: [String]]) == ["inbound": [], "outbound": []])
        #expect(json["openRegistrations"] as? Bool == false)
        let usage = try #require(json["usage"] as? [String: Any])
        #expect((usage["users"] as? [String: Int])?["total"] == 1)
        #expect(usage["localPosts"] as? Int == 0)
        #expect((json["metadata"] as? [String: Any])?.isEmpty == true)
    }
}
