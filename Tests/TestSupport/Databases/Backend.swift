import Foundation

/// A database backend the storage tests run against.
public enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    /// A temporary SQLite file.
    case sqlite
    /// A fresh schema in the PostgreSQL of `CART_TEST_POSTGRES_URL`.
    case postgres

    /// The backends to test: SQLite always; PostgreSQL when `CART_TEST_POSTGRES_URL` is set or
    /// `CART_REQUIRE_POSTGRES=1` (then a missing URL fails the tests loudly instead of skipping).
    public static var available: [Backend] {
        let environment = ProcessInfo.processInfo.environment
        let required = environment["CART_REQUIRE_POSTGRES"] == "1"
        let configured = !(environment["CART_TEST_POSTGRES_URL"] ?? "").isEmpty
        return required || configured ? [.sqlite, .postgres] : [.sqlite]
    }

    /// One line for logs and operators.
    public var description: String { rawValue }
}
