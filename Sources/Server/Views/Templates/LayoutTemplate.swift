/// The shared page frame: head, navigation (cart count, sign in/out) and `{{{body}}}` (already
/// rendered and escaped by its own template).
enum LayoutTemplate {
    static let source = """
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · Cart</title>
    {{#refreshSeconds}}<meta http-equiv="refresh" content="{{refreshSeconds}}">{{/refreshSeconds}}
    <style>
    body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:0 1rem;line-height:1.5}
    header nav{display:flex;gap:1rem;align-items:center;padding:.75rem 0;border-bottom:1px solid #ccc}
    form.inline{display:inline}
    table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eee}
    .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
    .warn{color:#a00}
    input[type=number]{width:4rem}
    </style>
    </head>
    <body>
    <header>
    <nav aria-label="Main">
    <a href="/">Shop</a>
    <a href="/cart">{{nav.cartLabel}}</a>
    <a href="/orders">Orders</a>
    {{#nav.isAdmin}}<a href="/admin">Admin</a>{{/nav.isAdmin}}
    {{#nav.signedIn}}<span>Signed in as {{nav.userLabel}}</span>
    <form class="inline" method="post" action="/auth/logout"><input type="hidden" name="csrf" value="{{nav.csrf}}"><button type="submit">Sign out</button></form>{{/nav.signedIn}}
    {{^nav.signedIn}}{{#nav.signInEnabled}}<a href="/auth/login?return_to={{nav.returnTo}}">Sign in</a>{{/nav.signInEnabled}}{{/nav.signedIn}}
    </nav>
    </header>
    <main>
    {{{body}}}
    </main>
    </body>
    </html>
    """
}
