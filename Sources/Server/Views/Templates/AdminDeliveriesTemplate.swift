/// `/admin/deliveries`: troubled hosts (retry per host), then failing and dead deliveries
/// (retry each), optionally of one host.
enum AdminDeliveriesTemplate {
    static let source = """
    <h1>Deliveries</h1>
    {{> adminFrame}}
    <p>Queue: {{queue}}.</p>
    <h2>Hosts with failing or dead deliveries</h2>
    {{^hasHosts}}<p>Every host is healthy.</p>{{/hasHosts}}
    {{#hasHosts}}
    <table>
    <thead><tr><th scope="col">Host</th><th scope="col">Breaker</th><th scope="col">Failing</th><th scope="col">Dead</th><th scope="col">Failures in a row</th><th scope="col">Failing days</th><th scope="col">Last success</th><th scope="col">Last error</th><th scope="col">Retry</th></tr></thead>
    <tbody>
    {{#hosts}}<tr><td><a href="/admin/deliveries?host={{hostQuery}}">{{host}}</a>{{#unavailable}}<br><small class="warn">marked unavailable</small>{{/unavailable}}</td><td>{{breaker}}</td><td>{{failing}}</td><td>{{dead}}</td><td>{{consecutiveFailures}}</td><td>{{failingDays}}</td><td>{{lastSuccess}}</td><td>{{lastError}}</td><td>
    <form class="inline" method="post" action="/admin/deliveries/retry-host"><input type="hidden" name="csrf" value="{{frame.csrf}}"><input type="hidden" name="back" value="{{back}}"><input type="hidden" name="host" value="{{host}}"><button type="submit">Retry host<span class="visually-hidden"> {{host}}</span></button></form>
    </td></tr>
    {{/hosts}}
    </tbody>
    </table>
    {{/hasHosts}}
    <h2>Failing and dead deliveries{{#host}} to {{host}}{{/host}}</h2>
    {{#host}}<p><a href="/admin/deliveries">Every host</a></p>{{/host}}
    {{^hasDeliveries}}<p>None.</p>{{/hasDeliveries}}
    {{#hasDeliveries}}
    <table>
    <thead><tr><th scope="col">Activity</th><th scope="col">Inbox</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col">Last answer</th><th scope="col">Next attempt</th><th scope="col">Retry</th></tr></thead>
    <tbody>
    {{#deliveries}}<tr><td>{{activity}}{{#order}}<br><small><a href="/admin/orders/{{order}}">order</a></small>{{/order}}</td><td>{{inbox}}{{#recipients}}<br><small>for {{recipients}}</small>{{/recipients}}</td><td>{{state}}</td><td>{{attempts}}</td><td>{{lastAnswer}}</td><td>{{next}}</td><td>
    <form class="inline" method="post" action="/admin/deliveries/{{id}}/retry"><input type="hidden" name="csrf" value="{{frame.csrf}}"><input type="hidden" name="back" value="{{back}}"><button type="submit">Retry<span class="visually-hidden"> {{activity}} to {{inbox}}</span></button></form>
    </td></tr>
    {{/deliveries}}
    </tbody>
    </table>
    {{/hasDeliveries}}
    """
}
