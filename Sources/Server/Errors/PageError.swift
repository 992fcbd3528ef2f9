import Hummingbird

/// A refusal shown to the browser as a page: its status, a title and what to do next.
struct PageError: Error, Sendable {
    /// HTTP status of the page.
    let status: HTTPResponse.Status
    /// Short heading.
    let title: String
    /// What happened and what to do next.
    let message: String
    /// Extra response headers (e.g. `Retry-After`).
    var headers: HTTPFields = [:]
    /// An optional way on, e.g. "try again".
    var link: PageLink? = nil

    static func badRequest(_ message: String) -> PageError {
        PageError(status: .badRequest, title: "That did not work", message: message)
    }

    static func forbidden(_ message: String) -> PageError {
        PageError(status: .forbidden, title: "Request refused", message: message)
    }

    static func notFound(_ message: String = "There is nothing at this address. Check the link, or go back to the shop.") -> PageError {
        PageError(status: .notFound, title: "Not found", message: message)
    }

    static func tooManyRequests(retryAfter seconds: Int) -> PageError {
        PageError(status: .tooManyRequests, title: "Too many requests",
                  message: "Too many requests from your address. Wait \(seconds) seconds and try again.",
                  headers: [.retryAfter: String(seconds)])
    }
}

/// A link offered on a page.
struct PageLink: Sendable {
    /// Where it goes.
    let href: String
    /// Its text.
    let label: String
}
