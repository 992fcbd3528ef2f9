/// WebFinger (RFC 7033) for the one account the service has, `acct:cart@HOST`.
public enum WebFinger {
    /// `rel` of the link to the ActivityPub actor.
    public static let selfRel = "self"
    /// `rel` of the link to the human-facing page.
    public static let profilePageRel = "http://webfinger.net/rel/profile-page"

    /// The JRD for `resource`, or nil (answer 404) when it does not name the actor. `rels`, the
    /// request's `rel` parameters, keeps only those links when non-empty (RFC 7033 §4.3).
    public static func document(resource: String?, urls: ActorURLs, rels: [String] = []) -> JSONValue? {
        guard let resource, names(resource: resource, urls: urls) else { return nil }
        let links: [JSONValue] = [
            ["rel": .string(selfRel), "type": .string(ActivityMediaType.activityJSON), "href": .string(urls.actor)],
            ["rel": .string(profilePageRel), "type": "text/html", "href": .string(urls.profilePage)],
        ]
        let kept = rels.isEmpty ? links : links.filter { link in rels.contains { $0 == link["rel"]?.stringValue } }
        return [
            "subject": .string(urls.acct),
            "aliases": [.string(urls.actor)],
            "links": .array(kept),
        ]
    }

    /// True when `resource` names the actor: `acct:cart@HOST` (also without `acct:`; user and host
    /// case-insensitive; the scheme's default port may be written out) or the actor IRI itself.
    public static func names(resource: String, urls: ActorURLs) -> Bool {
        if resource == urls.actor { return true }
        var account = Substring(resource)
        if account.lowercased().hasPrefix("acct:") { account = account.dropFirst(5) }
        guard let at = account.lastIndex(of: "@") else { return false }
        let user = account[..<at].lowercased()
        let host = account[account.index(after: at)...].lowercased()
        guard user == ActorURLs.username else { return false }
        return acceptedAuthorities(urls).contains(host)
    }

    /// The authority as published, and with the scheme's default port written out.
    private static func acceptedAuthorities(_ urls: ActorURLs) -> [String] {
        // "[::1]" has no port; "[::1]:8080" and "host:8080" have one.
        let hasPort = !urls.authority.hasSuffix("]") && urls.authority.contains(":")
        if hasPort { return [urls.authority] }
        let defaultPort = urls.base.hasPrefix("https:") ? 443 : 80
        return [urls.authority, "\(urls.authority):\(defaultPort)"]
    }
}
