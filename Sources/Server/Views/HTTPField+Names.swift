import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    /// `Referrer-Policy` (not among swift-http-types' predefined names). The literal is a valid
    /// token, so the initialiser cannot fail.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
