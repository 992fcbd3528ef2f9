/// Which representation of an actor or key document a request asked for.
public enum DocumentFormat: Sendable, Equatable {
    /// The ActivityPub JSON document.
    case activityJSON
    /// A small HTML page for people who followed a link in a browser.
    case html

    /// Chooses from the request's `Accept` header values. Any acceptable JSON type (activity+json,
    /// ld+json with any profile, application/json) wins, because federation clients sometimes list
    /// HTML as a fallback while browsers never list these; then HTML; anything else (no header,
    /// `*/*`) gets JSON, which is what command-line clients and most fetchers want.
    public static func negotiate(accept values: [String]) -> DocumentFormat {
        var html = false
        for value in values {
            for range in value.split(separator: ",") {
                let parts = range.split(separator: ";")
                guard let head = parts.first else { continue }
                let essence = ActivityMediaType.essence(of: String(head))
                if Self.quality(of: parts.dropFirst()) == 0 { continue }
                if ActivityMediaType.isActivityJSON(essence) { return .activityJSON }
                if essence == "text/html" || essence == "application/xhtml+xml" { html = true }
            }
        }
        return html ? .html : .activityJSON
    }

    /// The `q` parameter of a media range (1 when absent or unreadable).
    private static func quality(of parameters: ArraySlice<Substring>) -> Double {
        for parameter in parameters {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2,
                  ActivityMediaType.essence(of: String(pair[0])) == "q"
            else { continue }
            return Double(ActivityMediaType.essence(of: String(pair[1]))) ?? 1
        }
        return 1
    }
}
