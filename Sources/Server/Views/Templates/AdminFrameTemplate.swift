/// Partials of the admin pages: the section links with the last action's notice
/// (`adminFrame`), and an order's refund and re-check forms (`adminOrderActions`, rendered in
/// an `AdminOrderRow`'s context; the token and `back` come from the page's model).
enum AdminFrameTemplate {
    static let frame = """
    <nav aria-label="Admin sections"><p>
    <a href="/admin">Needs attention</a> · <a href="/admin/orders">Orders</a> · <a href="/admin/follows">Follows</a> ·
    <a href="/admin/deliveries">Deliveries</a> · <a href="/admin/pages">Pages</a>
    </p></nav>
    {{#frame.done}}<p role="status"><strong>Done:</strong> {{frame.done}}</p>{{/frame.done}}
    {{#frame.problem}}<p role="alert" class="warn"><strong>Not done:</strong> {{frame.problem}}</p>{{/frame.problem}}
    """

    static let orderActions = """
    {{#refundable}}
    <form class="inline" method="post" action="/admin/orders/{{id}}/refund"><input type="hidden" name="csrf" value="{{frame.csrf}}"><input type="hidden" name="back" value="{{back}}"><input type="hidden" name="full" value="1"><button type="submit">Refund all {{refundableText}}<span class="visually-hidden"> of order {{number}}</span></button></form>
    <form class="inline" method="post" action="/admin/orders/{{id}}/refund"><input type="hidden" name="csrf" value="{{frame.csrf}}"><input type="hidden" name="back" value="{{back}}"><label for="amount-{{id}}">Part, in minor units of {{currency}}</label> <input id="amount-{{id}}" name="amount" type="number" min="1" max="{{refundableMinor}}" step="1" required> <button type="submit">Refund part<span class="visually-hidden"> of order {{number}}</span></button></form>
    {{/refundable}}
    {{#refundInProgress}}<span>A refund awaits the provider's answer; the sweeper settles it.</span>{{/refundInProgress}}
    <form class="inline" method="post" action="/admin/orders/{{id}}/recheck"><input type="hidden" name="csrf" value="{{frame.csrf}}"><input type="hidden" name="back" value="{{back}}"><button type="submit">Re-check payment<span class="visually-hidden"> of order {{number}}</span></button></form>
    """
}
