/// Media types of the federation endpoints and the checks the contract makes on them.
public enum ActivityMediaType {
    /// What actor, key and activity documents are served as.
    public static let activityJSON = "application/activity+json"
    /// JSON-LD; `/ns` is served as this.
    public static let ldJSON = "application/ld+json"
    /// WebFinger answers (RFC 7033).
    public static let jrdJSON = "application/jrd+json"
    /// Plain JSON: the `/.well-known/nodeinfo` links document.
    public static let plainJSON = "application/json"
    /// NodeInfo 2.1 documents, with the schema profile NodeInfo asks for.
    public static let nodeInfo21 = "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\""

    /// True for `application/activity+json`, `application/ld+json` (any parameters, any profile)
    /// and `application/json`, compared case-insensitively: the types the inbox accepts and the
    /// `Accept` values that select JSON over HTML.
    public static func isActivityJSON(_ mediaType: String) -> Bool {
        let essence = Self.essence(of: mediaType)
        return essence == activityJSON || essence == ldJSON || essence == plainJSON
    }

    /// `type/subtype` of a media type, lower-cased, without parameters or whitespace.
    public static func essence(of mediaType: String) -> String {
        // The usual value, already an essence: no split, trim or lower-casing.
        if mediaType == activityJSON || mediaType == ldJSON || mediaType == plainJSON { return mediaType }
        let head = mediaType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return head.trimmingOWS().lowercased()
    }
}

fileprivate extension Substring {
    /// The text without leading and trailing spaces and tabs (HTTP's optional whitespace).
    func trimmingOWS() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
