import Foundation
import Testing
@testable import ActorIdentity

@Suite("Key document parsing (pure)")
struct KeyDocumentTests {
    let keyID = "https://shop.example/actor#main-key"
    let pem = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"

    private func parse(_ json: [String: Any]) throws(KeyResolutionError) -> KeyDocument {
        try KeyDocument.parse(Array(ActorDocuments.json(json).utf8), keyID: keyID)
    }

    private func failure(_ json: [String: Any]) -> KeyResolutionError? {
        do {
            _ = try parse(json)
            return nil
        } catch {
            return error
        }
    }

    @Test("publicKey as an array of objects, matched by id")
    func arrayForm() throws {
        let document = try parse(["id": "https://shop.example/actor", "publicKey": [
            ["id": "https://shop.example/actor#other", "owner": "https://shop.example/actor", "publicKeyPem": "x"],
            ["id": keyID, "owner": "https://shop.example/actor", "publicKeyPem": pem],
        ]])
        #expect(document == KeyDocument(ownerIRI: "https://shop.example/actor", pem: pem))
    }

    @Test("a key document with controller instead of owner")
    func keyDocumentWithController() throws {
        let document = try parse(["id": keyID, "type": "CryptographicKey", "controller": "https://shop.example/actor", "publicKeyPem": pem])
        #expect(document.ownerIRI == "https://shop.example/actor")
    }

    @Test("an embedded key without owner belongs to the embedding actor")
    func ownerDefaultsToActor() throws {
        let document = try parse(["id": "https://shop.example/actor", "publicKey": ["id": keyID, "publicKeyPem": pem]])
        #expect(document.ownerIRI == "https://shop.example/actor")
    }

    @Test("publicKey given only as an IRI is not found (the PEM is not in the document)")
    func iriOnlyIsNotFound() {
        guard case .notFound? = failure(["id": "https://shop.example/actor", "publicKey": keyID]) else {
            Issue.record("expected notFound")
            return
        }
    }

    @Test("unusable documents are invalid", arguments: [
        ["id": "https://evil.example/actor", "publicKey": ["id": "https://shop.example/actor#main-key", "publicKeyPem": "x"]],
        ["id": "https://shop.example/actor", "publicKey": ["id": "https://shop.example/actor#main-key", "owner": "https://evil.example/a", "publicKeyPem": "x"]],
        ["id": "https://shop.example/actor", "publicKey": ["id": "https://shop.example/actor#main-key", "owner": "https://shop.example/other", "publicKeyPem": "x"]],
        ["id": "https://shop.example/actor", "publicKey": ["id": "https://shop.example/actor#main-key", "owner": "https://shop.example/actor"]],
        ["id": "https://shop.example/actor#main-key", "publicKeyPem": "x"],
    ] as [[String: any Sendable]])
    func invalidDocuments(_ json: [String: any Sendable]) {
        guard case .invalid? = failure(json) else {
            Issue.record("expected invalid for \(json)")
            return
        }
    }

    @Test("bodies that are not JSON objects are invalid", arguments: ["not json", "[1,2]", "\"x\""])
    func notJSON(_ body: String) {
        do {
            _ = try KeyDocument.parse(Array(body.utf8), keyID: keyID)
            Issue.record("expected a failure")
        } catch {
            guard case .invalid = error else { Issue.record("expected invalid, got \(error)"); return }
        }
    }
}
