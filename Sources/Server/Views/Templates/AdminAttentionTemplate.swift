/// `/admin`: the orders a person must act on, each with its refund and re-check forms.
enum AdminAttentionTemplate {
    static let source = """
    <h1>Needs attention</h1>
    {{> adminFrame}}
    <p>Orders that took money no goods cover, whose money state is unknown, that a calendar refused after payment, or whose refund has no answer yet. Newest first.</p>
    {{^hasOrders}}<p>Nothing needs attention.</p>{{/hasOrders}}
    {{#hasOrders}}
    <table>
    <thead><tr><th scope="col">Order</th><th scope="col">Page</th><th scope="col">Status</th><th scope="col">Total</th><th scope="col">Why</th><th scope="col">Actions</th></tr></thead>
    <tbody>
    {{#orders}}<tr><td><a href="/admin/orders/{{id}}">Order {{number}}</a><br><small>{{created}}</small></td><td>{{page}}</td><td>{{statusLabel}}</td><td>{{total}}{{#refunded}}<br><small>refunded {{refunded}}</small>{{/refunded}}</td><td>{{reasons}}</td><td>{{> adminOrderActions}}</td></tr>
    {{/orders}}
    </tbody>
    </table>
    {{/hasOrders}}
    """
}
