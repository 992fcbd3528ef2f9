import SQLKit

extension SQLDatabase {
    /// Runs DDL statements in order (migrations keep one statement per string).
    func execute(_ statements: [String]) async throws {
        for statement in statements { try await raw(SQLQueryString(statement)).run() }
    }
}
