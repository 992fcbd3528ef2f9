import Hummingbird

/// Contract §5's rule for state-changing forms: same origin (by `Origin`, else `Referer`) AND the
/// session's token in the `csrf` field. `POST /cart/items` from a sibling origin (by `Origin`)
/// needs no token. Without a session there is no token to check, so same-origin evidence
/// (`Origin` or `Referer`) is then required.
struct CSRFGuard: Sendable {
    let base: BaseOrigin
    let siblings: Set<String>
    let secrets: SessionSecrets
    /// `base.origin`, spelled once.
    private let sameOrigin: String

    init(base: BaseOrigin, siblings: Set<String>, secrets: SessionSecrets) {
        self.base = base
        self.siblings = siblings
        self.secrets = secrets
        self.sameOrigin = base.origin
    }

    /// How a form was accepted.
    enum Verdict: Equatable {
        /// From this service's own pages.
        case sameOrigin
        /// From a sibling's add-to-cart button.
        case sibling
    }

    /// Accepts or throws a 403 page.
    @discardableResult
    func check(_ request: Request, form: FormFields, session: WebSession?, allowSibling: Bool = false) throws -> Verdict {
        var sameOriginEvidence = false
        if let origin = request.headers[.origin] {
            // Browsers send our origin exactly as `base.origin` spells it: skip URL parsing then.
            let parsed = origin == sameOrigin ? sameOrigin : BaseOrigin.origin(of: origin)
            if parsed == sameOrigin {
                sameOriginEvidence = true
            } else if allowSibling, let parsed, siblings.contains(parsed) {
                return .sibling
            } else {
                throw Self.crossSite(origin)
            }
        } else if let referer = request.headers[.referer] {
            guard BaseOrigin.origin(of: referer) == sameOrigin else { throw Self.crossSite(BaseOrigin.origin(of: referer) ?? "elsewhere") }
            sameOriginEvidence = true
        }
        if let session {
            guard let token = form["csrf"], SessionSecrets.matches(token, session.csrf) else {
                throw PageError.forbidden("This form is out of date or did not come from this site. Reload the page and try again.")
            }
        } else if !sameOriginEvidence {
            throw PageError.forbidden("Your browser did not say where this form came from. Reload the shop's page and try again.")
        }
        return .sameOrigin
    }

    private static func crossSite(_ origin: String) -> PageError {
        .forbidden("This form was sent from another site (\(origin)). Go to the shop's own page and try again there.")
    }
}
