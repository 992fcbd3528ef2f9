/// The navigation bar's state: cart count and sign-in state.
struct NavModel: Sendable {
    /// "Cart (3)", or "Cart" where the count was not read (error pages).
    var cartLabel: String = "Cart"
    /// Whether a user is signed in.
    var signedIn: Bool = false
    /// Who is signed in (their IRI).
    var userLabel: String? = nil
    /// Whether the signed-in user is an operator (`CART_ADMINS`): the bar links to `/admin`.
    var isAdmin: Bool = false
    /// The session's CSRF token for the sign-out form.
    var csrf: String? = nil
    /// Whether a sign-in link makes sense (demo, or an account service configured).
    var signInEnabled: Bool = false
    /// Percent-encoded path to come back to after signing in.
    var returnTo: String = "%2F"
}
