/// HTML snippets sibling sites embed: the cart link with its count, and the account item.
enum FragmentTemplates {
    static let cartMini = """
    <a class="cart-mini" href="{{cartURL}}">Cart ({{count}})</a>
    """

    static let accountNavItem = """
    {{#user}}<a class="account-nav-item" href="{{cartURL}}">Signed in as {{user}}</a>{{/user}}{{^user}}{{#signInURL}}<a class="account-nav-item" href="{{signInURL}}">Sign in</a>{{/signInURL}}{{/user}}
    """
}
