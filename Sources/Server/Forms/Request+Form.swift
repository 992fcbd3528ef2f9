import Hummingbird
import NIOCore

extension Request {
    /// Reads and parses a url-encoded form body of at most `limit` bytes: 413 when larger,
    /// 415 for another content type, 400 when malformed.
    func formFields(limit: Int) async throws -> FormFields {
        if let type = headers[.contentType], !type.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            throw PageError(status: .unsupportedMediaType, title: "Unsupported form",
                            message: "Send the form as application/x-www-form-urlencoded (a plain HTML form does).")
        }
        if let length = headers[.contentLength].flatMap(Int.init), length > limit { throw Self.tooLarge(limit) }
        var request = self
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw Self.tooLarge(limit)
        }
        guard let fields = FormFields(bytes: buffer.readableBytesView) else {
            throw PageError.badRequest("The form could not be read. Go back, reload the page and try again.")
        }
        return fields
    }

    /// The query string's fields (empty when there is none or it is malformed).
    var queryFields: FormFields {
        FormFields(bytes: (uri.query ?? "").utf8) ?? FormFields()
    }

    private static func tooLarge(_ limit: Int) -> PageError {
        PageError(status: .contentTooLarge, title: "Form too large",
                  message: "The form is larger than \(limit / 1024) KiB. Send less and try again.")
    }
}
