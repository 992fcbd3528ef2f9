import NIOCore
import NIOHTTP1

/// The cart benchmark's requests: connection c is buyer c setting its line's quantity to 1, 2,
/// … 99, 1, … Heads are built once per buyer (one per body length): the generator shares the
/// CPU with the server under test.
struct CartQuantitySource: LoadSource {
    private let heads: [(short: HTTPRequestHead, long: HTTPRequestHead)]
    private let formSuffixes: [String]

    init(buyers: [CartLoad.Buyer], target: CartLoad.Target) {
        formSuffixes = buyers.map(\.formSuffix)
        heads = buyers.map { buyer in
            func head(quantityDigits: Int) -> HTTPRequestHead {
                var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: "/cart/items/\(buyer.line)")
                head.headers.add(name: "Host", value: "\(target.host):\(target.port)")
                head.headers.add(name: "Cookie", value: buyer.cookie)
                head.headers.add(name: "Origin", value: target.baseOrigin)
                head.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
                head.headers.add(name: "Content-Length", value: String("quantity=".utf8.count + quantityDigits + buyer.formSuffix.utf8.count))
                return head
            }
            return (head(quantityDigits: 1), head(quantityDigits: 2))
        }
    }

    mutating func request(connection: Int, index: Int) -> LoadRequest? {
        let quantity = index % 99 + 1
        var body = ByteBuffer()
        body.writeString("quantity=")
        body.writeString(String(quantity))
        body.writeString(formSuffixes[connection])
        return LoadRequest(head: quantity < 10 ? heads[connection].short : heads[connection].long, body: body)
    }
}
