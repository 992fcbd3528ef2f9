/// `/admin/pages`: pages with currency, merchant and whether payment credentials are set
/// (never the key itself).
enum AdminPagesTemplate {
    static let source = """
    <h1>Pages</h1>
    {{> adminFrame}}
    {{^hasPages}}<p>No pages yet: add one with <code>cart-actor pages add</code>.</p>{{/hasPages}}
    {{#hasPages}}
    <table>
    <thead><tr><th scope="col">Page</th><th scope="col">Currency</th><th scope="col">Merchant</th><th scope="col">Payment credentials</th><th scope="col">Orders</th></tr></thead>
    <tbody>
    {{#pages}}<tr><td>{{title}}<br><small><code>{{slug}}</code> · <code>{{iri}}</code></small></td><td>{{currency}}</td><td>{{merchant}}</td><td>{{#credentialsSet}}<strong>Set</strong>{{/credentialsSet}}{{^credentialsSet}}<strong class="warn">Not set</strong>{{/credentialsSet}}: {{credentials}}</td><td><a href="/admin/orders?page={{ordersQuery}}">Orders<span class="visually-hidden"> of {{title}}</span></a></td></tr>
    {{/pages}}
    </tbody>
    </table>
    {{/hasPages}}
    """
}
