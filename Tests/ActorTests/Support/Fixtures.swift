import Foundation

/// Reads published test vectors from `Fixtures/` (see Fixtures/SOURCES.md).
enum Fixtures {
    struct Missing: Error { let name: String }

    static func url(_ name: String) throws -> URL {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { throw Missing(name: "Fixtures") }
        let file = folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: file.path) else { throw Missing(name: name) }
        return file
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    static func json<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: url(name)))
    }
}

/// One RFC 9421 example request (rfc9421-*.json).
struct RFC9421Vector: Decodable {
    let source: String
    let method: String
    let path: String
    let baseURL: String
    let headers: [[String]]
    let body: String
    let keyID: String
    let created: Int
    let signatureBaseFile: String
    let signature: String

    var pairs: [(String, String)] { headers.map { ($0[0], $0[1]) } }
}

/// draft-cavage-12 Appendix C (cavage12-appendix-c.json).
struct CavageVectors: Decodable {
    struct Case: Decodable {
        let name: String
        let headers: [String]
        let signatureHeader: String
    }

    let method: String
    let path: String
    let baseURL: String
    let date: String
    let headers: [[String]]
    let body: String
    let cases: [Case]

    var pairs: [(String, String)] { headers.map { ($0[0], $0[1]) } }
}
