import Foundation
import Transport

/// The key found in a fetched actor or key document: its owner and PEM.
struct KeyDocument: Sendable, Equatable {
    /// The owner (`owner`, else `controller`, else the embedding actor's `id`).
    var ownerIRI: String
    /// `publicKeyPem`.
    var pem: String

    /// Finds `keyID` in `body`: a key document (`id == keyID`, `publicKeyPem` or an Ed25519
    /// `publicKeyMultibase`), or an actor document whose `publicKey` or `assertionMethod` is an
    /// object or an array of objects with `id == keyID`. The
    /// owner must be on the key id's origin (FEP-fe34), and an embedded key's owner must be the
    /// embedding document. Throws `.invalid` saying what is wrong.
    static func parse(_ body: [UInt8], keyID: String) throws(KeyResolutionError) -> KeyDocument {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(body))
        } catch {
            throw .invalid("key document for \(keyID) is not JSON")
        }
        guard let document = root as? [String: Any] else { throw .invalid("key document for \(keyID) is not a JSON object") }
        guard let keyOrigin = URLOrigin(string: keyID) else { throw .invalid("key id \(keyID) is not a URL") }
        let documentID = document["id"] as? String
        if let documentID, URLOrigin(string: documentID) != keyOrigin {
            throw .invalid("document \(documentID) fetched for key \(keyID) is on another origin")
        }

        let key: [String: Any]
        let embedded: Bool
        if documentID == keyID, document["publicKeyPem"] != nil || document["publicKeyMultibase"] != nil {
            key = document
            embedded = false
        } else if let found = embeddedKey(in: document["publicKey"], keyID: keyID)
                    ?? embeddedKey(in: document["assertionMethod"], keyID: keyID) {
            key = found
            embedded = true
        } else {
            throw .notFound("document for \(keyID) does not contain that key")
        }

        let pem = try pem(of: key, keyID: keyID)
        guard let owner = iri(key["owner"]) ?? iri(key["controller"]) ?? (embedded ? documentID : nil) else {
            throw .invalid("key \(keyID) names no owner")
        }
        guard URLOrigin(string: owner) == keyOrigin else {
            throw .invalid("key \(keyID) is owned by \(owner), on another origin")
        }
        if embedded, let documentID, owner != documentID {
            throw .invalid("key \(keyID) embedded in \(documentID) claims owner \(owner)")
        }
        return KeyDocument(ownerIRI: owner, pem: pem)
    }

    /// `publicKeyPem`, or the SPKI PEM of an Ed25519 `publicKeyMultibase`.
    private static func pem(of key: [String: Any], keyID: String) throws(KeyResolutionError) -> String {
        if let pem = key["publicKeyPem"] as? String, !pem.isEmpty { return pem }
        guard let multibase = key["publicKeyMultibase"] as? String else { throw .invalid("key \(keyID) has no publicKeyPem") }
        guard let raw = MultikeyDecoding.ed25519RawKey(multibase: multibase) else {
            throw .invalid("key \(keyID) is not an Ed25519 Multikey")
        }
        do {
            return try VerificationKey(ed25519Raw: raw).pem()
        } catch {
            throw .invalid("key \(keyID): \(error)")
        }
    }

    /// The object with `id == keyID` in a `publicKey` value (object or array of objects).
    private static func embeddedKey(in value: Any?, keyID: String) -> [String: Any]? {
        if let object = value as? [String: Any] { return object["id"] as? String == keyID ? object : nil }
        if let array = value as? [Any] {
            return array.lazy.compactMap { $0 as? [String: Any] }.first { $0["id"] as? String == keyID }
        }
        return nil
    }

    /// An IRI given as a string or as an object with an `id`.
    private static func iri(_ value: Any?) -> String? {
        if let string = value as? String { return string }
        return (value as? [String: Any])?["id"] as? String
    }
}
