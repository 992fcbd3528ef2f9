/// Remembers, per origin (`scheme://host[:port]`), which HTTP signature scheme its server
/// accepted, so the first knock uses it (contract §3, double-knocking). Implemented by Storage.
public protocol SignatureSchemeMemory: Sendable {
    /// The scheme that last worked for `origin`, if any (raw value of `SignatureScheme`).
    func scheme(forOrigin origin: String) async throws -> String?
    /// Records that `scheme` (raw value of `SignatureScheme`) worked for `origin`.
    func remember(scheme: String, forOrigin origin: String) async throws
}
