/// `/admin/orders/{id}`: one order for an operator: state, items, payment attempts, refunds,
/// deliveries per recipient (with retries), and the refund and re-check forms.
enum AdminOrderTemplate {
    static let source = """
    {{#order}}
    <h1>Order {{number}} · {{page}}</h1>
    {{> adminFrame}}
    <p>Status: <strong>{{statusLabel}}</strong> ({{status}}). Total {{total}}{{#refunded}}, refunded {{refunded}}{{/refunded}}. Ordered {{created}}.</p>
    {{#reasons}}<p class="warn">Needs attention: {{reasons}}</p>{{/reasons}}
    <div>{{> adminOrderActions}}</div>
    {{/order}}
    <p>Id <code>{{order.id}}</code> · page <code>{{pageSlug}}</code> · hold until {{holdUntil}}{{#customer}} · customer <code>{{customer}}</code>{{/customer}}{{#paymentReference}} · payment reference <code>{{paymentReference}}</code>{{/paymentReference}}</p>
    <h2>Items</h2>
    <table>
    <thead><tr><th scope="col">Item</th><th scope="col">Unit price</th><th scope="col">Quantity</th><th scope="col">Calendar</th></tr></thead>
    <tbody>
    {{#items}}<tr><td>{{name}}</td><td>{{unitPrice}}</td><td>{{quantity}}</td><td>{{calendar}}</td></tr>
    {{/items}}
    </tbody>
    </table>
    <h2>Payment attempts</h2>
    {{^hasAttempts}}<p>None.</p>{{/hasAttempts}}
    {{#hasAttempts}}
    <table>
    <thead><tr><th scope="col">Reference</th><th scope="col">State</th><th scope="col">Provider</th><th scope="col">Amount</th><th scope="col">Transaction</th><th scope="col">Created</th><th scope="col">Last read</th><th scope="col">Next check</th></tr></thead>
    <tbody>
    {{#attempts}}<tr><td><code>{{reference}}</code>{{#providerCheckoutID}}<br><small>checkout {{providerCheckoutID}}</small>{{/providerCheckoutID}}</td><td>{{state}}{{#mismatch}}<br><small class="warn">{{mismatch}}</small>{{/mismatch}}</td><td>{{providerStatus}}</td><td>{{amount}}<br><small>merchant {{merchant}}</small></td><td>{{transaction}}</td><td>{{created}}</td><td>{{lastRead}}</td><td>{{nextCheck}}</td></tr>
    {{/attempts}}
    </tbody>
    </table>
    {{/hasAttempts}}
    <h2>Refunds</h2>
    {{^hasRefunds}}<p>None.</p>{{/hasRefunds}}
    {{#hasRefunds}}
    <table>
    <thead><tr><th scope="col">Amount</th><th scope="col">State</th><th scope="col">Requested by</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col">Requested</th><th scope="col">Updated</th></tr></thead>
    <tbody>
    {{#refunds}}<tr><td>{{amount}}</td><td>{{state}}</td><td>{{requestedBy}}</td><td>{{attempts}}</td><td>{{lastError}}</td><td>{{created}}</td><td>{{updated}}</td></tr>
    {{/refunds}}
    </tbody>
    </table>
    {{/hasRefunds}}
    <h2>Deliveries per recipient</h2>
    {{^hasRecipients}}<p>None: not published yet, or no followers or calendars to tell.</p>{{/hasRecipients}}
    {{#recipients}}
    <h3>{{inbox}}</h3>
    {{#actors}}<p>For {{actors}}</p>{{/actors}}
    <table>
    <thead><tr><th scope="col">Activity</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col">Last answer</th><th scope="col">Next attempt</th><th scope="col">Retry</th></tr></thead>
    <tbody>
    {{#deliveries}}<tr><td>{{activity}}</td><td>{{state}}</td><td>{{attempts}}</td><td>{{lastAnswer}}</td><td>{{next}}</td><td>{{#retryable}}<form class="inline" method="post" action="/admin/deliveries/{{id}}/retry"><input type="hidden" name="csrf" value="{{frame.csrf}}"><input type="hidden" name="back" value="{{back}}"><button type="submit">Retry<span class="visually-hidden"> {{activity}} to {{inbox}}</span></button></form>{{/retryable}}</td></tr>
    {{/deliveries}}
    </tbody>
    </table>
    {{/recipients}}
    <p><a href="/admin/orders">All orders</a></p>
    """
}
