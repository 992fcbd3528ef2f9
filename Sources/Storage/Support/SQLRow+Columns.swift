import Foundation
import SQLKit

/// A stored value did not parse back (a row written by something else, or corrupted).
public struct StoredValueError: Error, Sendable, CustomStringConvertible {
    /// Table and column of the bad value.
    public var column: String
    /// The value as stored.
    public var value: String

    /// One line for logs and operators.
    public var description: String { "stored value of \(column) is invalid: \(value)" }
}

/// Typed column reads shared by every store; they decode the same way on both databases.
extension SQLRow {
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }

    func optionalString(_ column: String) throws -> String? {
        try decodeNil(column: column) ? nil : decode(column: column, as: String.self)
    }

    func int64(_ column: String) throws -> Int64 { try decode(column: column, as: Int64.self) }

    func int(_ column: String) throws -> Int { Int(try int64(column)) }

    func optionalInt64(_ column: String) throws -> Int64? {
        try decodeNil(column: column) ? nil : decode(column: column, as: Int64.self)
    }

    func bool(_ column: String) throws -> Bool { try decode(column: column, as: Bool.self) }

    func date(_ column: String) throws -> Date { Date(millis: try int64(column)) }

    func optionalDate(_ column: String) throws -> Date? { try optionalInt64(column).map(Date.init(millis:)) }

    func uuid(_ column: String) throws -> UUID {
        let text = try string(column)
        guard let id = UUID(uuidString: text) else { throw StoredValueError(column: column, value: text) }
        return id
    }
}

extension SQLRow {
    func bytes(_ column: String) throws -> [UInt8] { [UInt8](try decode(column: column, as: Data.self)) }
}
