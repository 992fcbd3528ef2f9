import ActorIdentity

/// The small HTML page a browser gets at `/actor` or `/keys/{id}`: who the actor is and where
/// its shop is. Every interpolated value is escaped.
struct ActorPage {
    /// The actor's IRIs.
    let urls: ActorURLs
    /// Name and summary.
    let profile: ActorProfile
    /// The key shown on a `/keys/{id}` page; nil on the actor page.
    let key: PublishedKey?

    /// The whole document.
    func render() -> String {
        let name = Self.escape(profile.name)
        var body = """
            <h1>\(name)</h1>
            <p>\(Self.escape(profile.summary))</p>
            <p>Fediverse handle: <code>@\(Self.escape(urls.handle))</code></p>
            <p><a href="\(Self.escape(urls.profilePage))">Go to the shop</a></p>
            """
        if let key {
            body += """

                <h2>Key <code>\(Self.escape(key.id))</code></h2>
                <pre>\(Self.escape(key.publicKeyPem))</pre>
                """
        }
        return """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>\(name)</title>
            <link rel="alternate" type="application/activity+json" href="\(Self.escape(urls.actor))"></head>
            <body>
            \(body)
            </body>
            </html>

            """
    }

    /// Escapes text for HTML element content and double-quoted attribute values.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
