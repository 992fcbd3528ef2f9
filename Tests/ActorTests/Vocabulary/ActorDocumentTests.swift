import ActorIdentity
import Foundation
import Testing

@Suite("The actor and key documents")
struct ActorDocumentTests {
    static let pem = "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n"
    static let zeroSeedKey = VocabularyJSON.bytes(hex: "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29")

    static func document(ed25519: [UInt8]? = zeroSeedKey) throws -> ActorDocument {
        ActorDocument(
            urls: try ActorURLs(baseURL: "https://cart.example:8443"),
            profile: ActorProfile(name: "Market shop", summary: "Orders"),
            currentKey: PublishedKey(id: "k3", publicKeyPem: pem),
            ed25519PublicKey: ed25519)
    }

    // MARK: Tests

    @Test("the Service document has every field of contract §3")
    func serviceFields() throws {
        let json = try VocabularyJSON.parsed(Self.document().json)
        let base = "https://cart.example:8443"
        #expect(json["id"] as? String == base + "/actor")
        #expect(json["type"] as? String == "Service")
        #expect(json["preferredUsername"] as? String == "cart")
        #expect(json["name"] as? String == "Market shop")
        #expect(json["inbox"] as? String == base + "/inbox")
        #expect(json["outbox"] as? String == base + "/outbox")
        #expect(json["followers"] as? String == base + "/followers")
        #expect((json["endpoints"] as? [String: String])?["sharedInbox"] == base + "/inbox")
        #expect(json["url"] as? String == base + "/")
        #expect(json["manuallyApprovesFollowers"] as? Bool == true)
        #expect(json["webfinger"] as? String == "cart@cart.example:8443")
        let key = try #require(json["publicKey"] as? [String: String])
        #expect(key["id"] == base + "/keys/k3")
        #expect(key["owner"] == base + "/actor")
        #expect(key["publicKeyPem"] == Self.pem)
    }

    @Test("the @context is the contract's and comes first")
    func contextFirst() throws {
        let text = try Self.document().json.serialized()
        #expect(text.hasPrefix("{\"@context\":" + ActivityContext.value.serialized() + ",\"id\":"))
    }

    @Test("assertionMethod carries the Ed25519 key as a FEP-521a Multikey")
    func assertionMethod() throws {
        let json = try VocabularyJSON.parsed(Self.document().json)
        let methods = try #require(json["assertionMethod"] as? [[String: String]])
        #expect(methods == [[
            "id": "https://cart.example:8443/actor#ed25519-key",
            "type": "Multikey",
            "controller": "https://cart.example:8443/actor",
            "publicKeyMultibase": "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
        ]])
        let without = try VocabularyJSON.parsed(Self.document(ed25519: nil).json)
        #expect(without["assertionMethod"] == nil)
    }

    @Test("the same inputs give the same bytes")
    func deterministic() throws {
        #expect(try Self.document().json.serialized() == Self.document().json.serialized())
    }

    @Test("a key document names its key and owner")
    func keyDocument() throws {
        let urls = try ActorURLs(baseURL: "https://cart.example")
        let json = try VocabularyJSON.parsed(PublishedKeyDocument(urls: urls, key: PublishedKey(id: "k1", publicKeyPem: Self.pem)).json)
        #expect(json["id"] as? String == "https://cart.example/keys/k1")
        #expect(json["type"] as? String == "CryptographicKey")
        #expect(json["owner"] as? String == "https://cart.example/actor")
        #expect(json["publicKeyPem"] as? String == Self.pem)
        #expect(json["@context"] != nil)
    }
}
