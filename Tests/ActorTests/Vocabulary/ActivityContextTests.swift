import ActorIdentity
import Foundation
import Testing

@Suite("The @context of contract §4")
struct ActivityContextTests {
    /// Copied verbatim from CONTRACT.md §4.
    static let contractContext = """
        ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1",
         {"rose": "https://rose-ash.com/ns#", "xsd": "http://www.w3.org/2001/XMLSchema#",
          "rose:page": {"@type": "@id"}, "rose:customer": {"@type": "@id"},
          "rose:product": {"@type": "@id"}, "rose:entry": {"@type": "@id"}, "rose:ticket": {"@type": "@id"},
          "rose:items": {"@container": "@list"},
          "rose:minorUnits": {"@type": "xsd:integer"}, "rose:quantity": {"@type": "xsd:integer"},
          "rose:available": {"@type": "xsd:integer"}, "rose:orderNumber": {"@type": "xsd:integer"},
          "rose:holdUntil": {"@type": "xsd:dateTime"}}]
        """

    // MARK: Tests

    @Test("the constant means exactly the contract's literal")
    func contextEqualsContractLiteral() throws {
        #expect(try VocabularyJSON.canonical(ActivityContext.value) == VocabularyJSON.canonical(Self.contractContext))
    }

    @Test("the constant keeps the contract's element order")
    func contextOrder() throws {
        let elements = try #require(ActivityContext.value.arrayValue)
        #expect(elements.count == 3)
        #expect(elements[0] == "https://www.w3.org/ns/activitystreams")
        #expect(elements[1] == "https://w3id.org/security/v1")
        #expect(ActivityContext.value.serialized().hasPrefix(
            #"["https://www.w3.org/ns/activitystreams","https://w3id.org/security/v1",{"rose":"https://rose-ash.com/ns#","xsd":"#))
    }

    @Test("/ns is a context document whose @context is the third element alone")
    func namespaceDocumentIsTheThirdElement() throws {
        let third = try #require(ActivityContext.value.arrayValue?.last)
        let expected = try VocabularyJSON.canonical("{\"@context\": \(third.serialized())}")
        #expect(try VocabularyJSON.canonical(ActivityContext.namespaceDocument) == expected)
        #expect(ActivityContext.namespaceDocument["@context"]?["rose:items"]?["@container"] == "@list")
    }

    @Test("withContext puts @context first and replaces a stale one")
    func withContextGoesFirst() {
        let document: JSONValue = ["id": "x", "@context": "old"]
        let result = ActivityContext.withContext(document).serialized()
        #expect(result == #"{"@context":\#(ActivityContext.value.serialized()),"id":"x"}"#)
    }
}
