/// `/admin/orders`: every order, filtered by page and state with a plain GET form.
enum AdminOrdersTemplate {
    static let source = """
    <h1>Orders</h1>
    {{> adminFrame}}
    <form method="get" action="/admin/orders">
    <label for="filter-page">Page</label> <select id="filter-page" name="page"><option value="">Every page</option>{{#pageOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/pageOptions}}</select>
    <label for="filter-state">State</label> <select id="filter-state" name="state"><option value="">Every state</option>{{#stateOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/stateOptions}}</select>
    <button type="submit">Show</button>
    </form>
    {{#filterProblem}}<p class="warn" role="alert">{{filterProblem}}</p>{{/filterProblem}}
    {{^hasOrders}}<p>No orders match.</p>{{/hasOrders}}
    {{#hasOrders}}
    <table>
    <thead><tr><th scope="col">Order</th><th scope="col">Page</th><th scope="col">Ordered</th><th scope="col">Status</th><th scope="col">Total</th><th scope="col">Refunded</th></tr></thead>
    <tbody>
    {{#orders}}<tr><td><a href="/admin/orders/{{id}}">Order {{number}}</a></td><td>{{page}}</td><td>{{created}}</td><td>{{statusLabel}}{{#reasons}}<br><small class="warn">{{reasons}}</small>{{/reasons}}</td><td>{{total}}</td><td>{{refunded}}</td></tr>
    {{/orders}}
    </tbody>
    </table>
    {{#atLimit}}<p>Showing the newest {{limit}}; narrow the list by page or state to see older ones.</p>{{/atLimit}}
    {{/hasOrders}}
    """
}
