import ActorIdentity
import Testing

@Suite("Accept negotiation for actor and key documents")
struct DocumentFormatTests {
    @Test("federation and command-line clients get JSON", arguments: [
        [], ["*/*"], ["application/activity+json"], ["Application/Activity+JSON"],
        [#"application/ld+json; profile="https://www.w3.org/ns/activitystreams""#],
        ["application/json"], ["text/html;q=0.1, application/activity+json"],
        ["text/html", "application/ld+json"], ["image/png"],
    ])
    func json(accept: [String]) {
        #expect(DocumentFormat.negotiate(accept: accept) == .activityJSON)
    }

    @Test("browsers get HTML", arguments: [
        ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"], ["text/html"],
        ["application/activity+json;q=0, text/html"],
    ])
    func html(accept: [String]) {
        #expect(DocumentFormat.negotiate(accept: accept) == .html)
    }

    @Test("content types the inbox accepts", arguments: [
        ("application/activity+json", true), ("application/ld+json; profile=\"x\"", true),
        ("application/json; charset=utf-8", true), (" APPLICATION/JSON ", true),
        ("text/plain", false), ("application/jsonx", false), ("", false),
    ])
    func mediaTypes(type: String, accepted: Bool) {
        #expect(ActivityMediaType.isActivityJSON(type) == accepted)
    }
}
