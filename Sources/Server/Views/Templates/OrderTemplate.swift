/// One order: its items, total and state. While payment is awaited the layout refreshes the page
/// and the page says so, links to the hosted payment page and offers a fresh attempt.
enum OrderTemplate {
    static let source = """
    <h1>Order {{number}} · {{pageTitle}}</h1>
    <p>Status: <strong>{{statusLabel}}</strong>. {{statusHelp}}</p>
    {{#awaiting}}
    <p role="status">This page refreshes itself every {{refreshSeconds}} seconds until the payment is confirmed. Items are held for you until {{holdUntil}}.</p>
    {{#paymentURL}}<p><a href="{{paymentURL}}">Pay now</a></p>{{/paymentURL}}
    {{#retryCSRF}}<form method="post" action="/orders/{{id}}/pay"><input type="hidden" name="csrf" value="{{retryCSRF}}"><button type="submit">Retry payment</button></form>{{/retryCSRF}}
    {{/awaiting}}
    {{#moneyUnknown}}<p class="warn">We do not know yet whether money was taken for this order. We keep checking with the payment provider for 48 hours; this page will show the answer.</p>{{/moneyUnknown}}
    {{#calendarRefused}}<p class="warn">The calendar could not confirm a booking in this order. If you paid, the money will be given back; contact the shop if it has not arrived within a week.</p>{{/calendarRefused}}
    <table>
    <thead><tr><th scope="col">Item</th><th scope="col">Unit price</th><th scope="col">Quantity</th><th scope="col">Total</th></tr></thead>
    <tbody>
    {{#items}}<tr><td>{{name}}</td><td>{{unitPrice}}</td><td>{{quantity}}</td><td>{{total}}</td></tr>
    {{/items}}
    </tbody>
    <tfoot><tr><th scope="row" colspan="3">Total</th><td>{{total}}</td></tr>
    {{#refunded}}<tr><th scope="row" colspan="3">Refunded</th><td>{{refunded}}</td></tr>{{/refunded}}</tfoot>
    </table>
    {{#hasRefunds}}<h2>Refunds</h2>
    <ul>{{#refunds}}<li>{{text}}</li>{{/refunds}}</ul>{{/hasRefunds}}
    <p>Ordered {{createdAt}}.{{#paymentReference}} Payment reference {{paymentReference}}.{{/paymentReference}}</p>
    {{#receiptURL}}<p>Receipt link (opens this order without signing in; keep it private): <a href="{{receiptURL}}">{{receiptURL}}</a></p>{{/receiptURL}}
    <p><a href="/orders">All your orders</a></p>
    """
}
