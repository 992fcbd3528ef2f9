/// The visitor's orders, newest first.
enum OrderListTemplate {
    static let source = """
    <h1>Your orders</h1>
    {{^orders}}<p>You have no orders yet. <a href="/cart">Go to your cart</a> to check out.</p>{{/orders}}
    {{#hasOrders}}
    <table>
    <thead><tr><th scope="col">Order</th><th scope="col">Page</th><th scope="col">Ordered</th><th scope="col">Status</th><th scope="col">Total</th></tr></thead>
    <tbody>
    {{#orders}}<tr><td><a href="/orders/{{id}}">Order {{number}}</a></td><td>{{pageTitle}}</td><td>{{createdAt}}</td><td>{{statusLabel}}</td><td>{{total}}</td></tr>
    {{/orders}}
    </tbody>
    </table>
    {{/hasOrders}}
    """
}
