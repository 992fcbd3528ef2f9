import Foundation
import Payments

/// SumUp's published OpenAPI description (`shared/reference/sumup-openapi.json`), loaded once.
public struct OpenAPIDocument: Sendable {
    /// The whole document.
    public let root: WireJSON

    /// The shared copy: `CART_SUMUP_OPENAPI` if set, else `shared/reference/` beside the repository
    /// (this file is three folders below the repository root; in CI `shared/` sits beside the clone).
    public static func shared() throws -> OpenAPIDocument {
        try cached.get()
    }

    private static let cached: Result<OpenAPIDocument, FakeSumUpError> = {
        let candidates = locations()
        for url in candidates {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            do {
                return .success(OpenAPIDocument(root: try WireJSON.parse(Array(data))))
            } catch {
                return .failure(.schemaUnreadable("\(url.path): \(error)"))
            }
        }
        return .failure(.schemaUnreadable("sumup-openapi.json not found at \(candidates.map(\.path))"))
    }()

    private static func locations() -> [URL] {
        var result: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["CART_SUMUP_OPENAPI"] {
            result.append(URL(fileURLWithPath: explicit))
        }
        // Resolve symlinks first: dev packages link Tests/TestSupport into another folder.
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let root = here.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        result.append(root.deletingLastPathComponent().appendingPathComponent("shared/reference/sumup-openapi.json"))
        result.append(root.appendingPathComponent("shared/reference/sumup-openapi.json"))
        return result
    }

    /// The JSON request-body schema of `method` on the path template `path`, if the document has one.
    public func requestSchema(method: String, path: String) -> WireJSON? {
        root["paths"]?[path]?[method.lowercased()]?["requestBody"]?["content"]?["application/json"]?["schema"]
    }

    /// The JSON schema of the `status` answer of `method` on the path template `path`, if the document has one.
    public func responseSchema(method: String, path: String, status: Int) -> WireJSON? {
        root["paths"]?[path]?[method.lowercased()]?["responses"]?[String(status)]?["content"]?["application/json"]?["schema"]
    }

    /// A `#/components/schemas/Name` reference resolved.
    func resolve(_ reference: String) -> WireJSON? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: WireJSON? = root
        for part in reference.dropFirst(2).split(separator: "/") {
            node = node?[String(part).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")]
        }
        return node
    }
}

/// Why the fake SumUp could not start or answer.
public enum FakeSumUpError: Error, Sendable, CustomStringConvertible {
    /// The OpenAPI description is missing or not JSON.
    case schemaUnreadable(String)

    public var description: String {
        switch self {
        case .schemaUnreadable(let detail): "SumUp OpenAPI description unusable: \(detail) (set CART_SUMUP_OPENAPI)"
        }
    }
}
