/// Demo only: the sandbox's stand-in for SumUp's hosted checkout page.
enum SandboxPayTemplate {
    static let source = """
    <h1>Sandbox payment</h1>
    <p>This is the demo's payment sandbox: no money moves. Choose what the payment provider would report.</p>
    <dl><dt>For</dt><dd>{{description}}</dd><dt>Amount</dt><dd>{{amount}}</dd><dt>State</dt><dd>{{status}}</dd></dl>
    {{#open}}
    <form method="post" action="/sandbox/pay/{{id}}"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="action" value="pay"><button type="submit">Pay {{amount}}</button></form>
    <form method="post" action="/sandbox/pay/{{id}}"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="action" value="decline"><button type="submit">Decline the card</button></form>
    {{/open}}
    {{^open}}<p>{{#paid}}This payment is complete.{{/paid}}{{^paid}}This payment can no longer be made.{{/paid}} <a href="{{redirectURL}}">Back to your order</a></p>{{/open}}
    """
}
