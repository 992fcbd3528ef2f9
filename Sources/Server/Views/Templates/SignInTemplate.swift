/// Demo only: the plain sign-in form (a name becomes the user IRI `BASE/users/NAME`).
enum SignInTemplate {
    static let source = """
    <h1>Sign in</h1>
    <p>This demo has no account service: type a name to sign in as <code>{{usersBase}}/NAME</code>.
    Sign in as <code>admin</code> to see the operators' pages.</p>
    <form method="post" action="/auth/login">
    <input type="hidden" name="return_to" value="{{returnTo}}">
    {{#csrf}}<input type="hidden" name="csrf" value="{{csrf}}">{{/csrf}}
    <label for="name">Name (lower-case letters, digits and _, up to 32)</label>
    <input id="name" name="name" required maxlength="32" pattern="[a-z0-9_]{1,32}" autocomplete="username">
    <button type="submit">Sign in</button>
    </form>
    """
}
