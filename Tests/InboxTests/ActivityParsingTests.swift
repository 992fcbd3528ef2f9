import ActorIdentity
import Commerce
import Foundation
@testable import Inbox
import Testing

/// Real servers' JSON-LD compactions read the same (issue 6, item 2), and the bounded parser.
@Suite("Activity parsing")
struct ActivityParsingTests {
    static let base = "https://cart.example"
    static let reader = CommandReader(base: base)

    static func command(_ text: String) throws -> InboxCommand {
        let activity = try ParsedActivity(json: try BoundedJSONParser().parse(Array(text.utf8)))
        return try reader.command(activity, kind: ActivityKind(activity, base: base))
    }

    @Test("rose: terms prefixed, under another prefix, or as full IRIs give the same Add")
    func compactions() throws {
        let prefixed = """
        {"@context":["https://www.w3.org/ns/activitystreams",{"rose":"https://rose-ash.com/ns#"}],
         "id":"https://cal.example/a/1","type":"Add","actor":"https://cal.example/actor",
         "object":{"id":"https://cal.example/entries/31","type":"rose:CalendarEntry","name":"Pottery",
           "rose:page":"https://blog.example/p","rose:price":{"type":"rose:Money","rose:currency":"GBP","rose:minorUnits":1200}},
         "target":{"type":"rose:Cart","rose:customer":"https://account.example/users/alice"}}
        """
        let otherPrefix = """
        {"@context":["https://www.w3.org/ns/activitystreams",{"r":"https://rose-ash.com/ns#","price":"r:price"}],
         "id":"https://cal.example/a/1","type":["Add"],"actor":{"id":"https://cal.example/actor","type":"Service"},
         "object":{"id":"https://cal.example/entries/31","type":["r:CalendarEntry"],"name":["Pottery"],
           "r:page":{"id":"https://blog.example/p"},"price":{"type":"r:Money","r:currency":"GBP","r:minorUnits":{"@value":"1200"}}},
         "target":{"type":"r:Cart","r:customer":"https://account.example/users/alice"}}
        """
        let fullIRIs = """
        {"@context":"https://www.w3.org/ns/activitystreams",
         "id":"https://cal.example/a/1","type":"https://www.w3.org/ns/activitystreams#Add","actor":"https://cal.example/actor",
         "object":{"id":"https://cal.example/entries/31","type":"https://rose-ash.com/ns#CalendarEntry","name":"Pottery",
           "https://rose-ash.com/ns#page":"https://blog.example/p",
           "https://rose-ash.com/ns#price":{"https://rose-ash.com/ns#currency":"GBP","https://rose-ash.com/ns#minorUnits":1200}},
         "target":{"type":"https://rose-ash.com/ns#Cart","https://rose-ash.com/ns#customer":"https://account.example/users/alice"}}
        """
        let commands = try [prefixed, otherPrefix, fullIRIs].map(Self.command)
        guard case .calendarAdd(let item, let quantity, let cart) = commands[0] else {
            Issue.record("not an Add: \(commands[0])")
            return
        }
        #expect(item.price == Money(1200, try #require(Currency(code: "GBP"))))
        #expect(quantity == 1)
        #expect(cart == .owner(.user(try #require(IRI("https://account.example/users/alice")))))
        #expect(commands[1] == commands[0])
        #expect(commands[2] == commands[0])
    }

    @Test("a float price is refused: money is integer minor units")
    func floatPriceRefused() throws {
        let text = """
        {"id":"https://m.example/a/1","type":"Create","actor":"https://m.example/actor",
         "object":{"id":"https://m.example/p/1","type":"rose:Product","name":"Milk","rose:page":"https://blog.example/p",
           "rose:price":{"rose:currency":"GBP","rose:minorUnits":3.5}}}
        """
        #expect(throws: InboxRefusal.self) { try Self.command(text) }
    }

    @Test("an Accept names an order by our Create's id or by the embedded Create")
    func orderAnswers() throws {
        let event = UUID()
        let order = UUID()
        let byID = try Self.command("""
            {"id":"https://cal.example/a/2","type":"Reject","actor":"https://cal.example/actor",
             "object":"\(Self.base)/activities/\(event.uuidString.lowercased())"}
            """)
        #expect(byID == .orderAnswer(.activity(eventID: event), accepted: false))
        let embedded = try Self.command("""
            {"id":"https://cal.example/a/3","type":"Accept","actor":"https://cal.example/actor",
             "object":{"id":"\(Self.base)/activities/x","type":"Create","object":{"id":"\(Self.base)/orders/\(order.uuidString.lowercased())","type":"rose:Order"}}}
            """)
        #expect(embedded == .orderAnswer(.order(order), accepted: true))
    }

    @Test("an Accept embedding our Follow answers the Follow, though our Follow ids share /activities/ with order Creates")
    func acceptOfOurEmbeddedFollowIsAFollowAnswer() throws {
        let follow = "\(Self.base)/activities/\(UUID().uuidString.lowercased())"
        let text = """
            {"id":"https://cal.example/a/4","type":"Accept","actor":"https://cal.example/actor",
             "object":{"id":"\(follow)","type":"Follow","actor":"\(Self.base)/actor","object":"https://cal.example/actor"}}
            """
        let activity = try ParsedActivity(json: try BoundedJSONParser().parse(Array(text.utf8)))
        #expect(ActivityKind(activity, base: Self.base) == .answerToOurFollow(accepted: true))
        #expect(try Self.command(text) == .answerToOurFollow(accepted: true))
    }

    @Test("the parser refuses deep nesting, huge arrays and bad UTF-8 without crashing")
    func boundedParser() throws {
        let parser = BoundedJSONParser(maxDepth: 32, maxContainerCount: 100)
        #expect(throws: JSONParseError.self) { try parser.parse(Array((String(repeating: "[", count: 100_000)).utf8)) }
        #expect(throws: JSONParseError.self) { try parser.parse(Array(("[" + Array(repeating: "1", count: 101).joined(separator: ",") + "]").utf8)) }
        #expect(throws: JSONParseError.self) { try parser.parse([0x22, 0xFF, 0x22]) }
        #expect(throws: JSONParseError.self) { try parser.parse(Array("{\"a\":1} x".utf8)) }
        let value = try parser.parse(Array(#"{"a":[1,-2,"\u00e9\ud83d\ude00",true,null,1.5e3],"b":{}}"#.utf8))
        #expect(value["a"] == [1, -2, "é😀", true, nil, "1.5e3"])
    }
}
