/// `/admin/follows`: follow requests (approve / reject), followers (remove), whom we follow.
enum AdminFollowsTemplate {
    static let source = """
    <h1>Follows</h1>
    {{> adminFrame}}
    <h2>Follow requests ({{pendingTotal}})</h2>
    {{^hasPending}}<p>No follow requests are waiting.</p>{{/hasPending}}
    {{#hasPending}}
    <table>
    <thead><tr><th scope="col">Actor</th><th scope="col">Asked</th><th scope="col">Decide</th></tr></thead>
    <tbody>
    {{#pending}}<tr><td><code>{{actor}}</code></td><td>{{since}}</td><td>
    <form class="inline" method="post" action="/admin/follows/approve"><input type="hidden" name="csrf" value="{{frame.csrf}}"><input type="hidden" name="actor" value="{{actor}}"><button type="submit">Approve<span class="visually-hidden"> {{actor}}</span></button></form>
    <form class="inline" method="post" action="/admin/follows/reject"><input type="hidden" name="csrf" value="{{frame.csrf}}"><input type="hidden" name="actor" value="{{actor}}"><button type="submit">Reject<span class="visually-hidden"> {{actor}}</span></button></form>
    </td></tr>
    {{/pending}}
    </tbody>
    </table>
    {{/hasPending}}
    <h2>Followers ({{acceptedTotal}})</h2>
    <p>Followers receive every order activity. Removing one sends nothing; it can ask again.</p>
    {{^hasAccepted}}<p>No followers{{#nextAfter}} after this point{{/nextAfter}}.</p>{{/hasAccepted}}
    {{#hasAccepted}}
    <table>
    <thead><tr><th scope="col">Actor</th><th scope="col">Since</th><th scope="col">Remove</th></tr></thead>
    <tbody>
    {{#accepted}}<tr><td><code>{{actor}}</code></td><td>{{since}}</td><td>
    <form class="inline" method="post" action="/admin/follows/remove"><input type="hidden" name="csrf" value="{{frame.csrf}}"><input type="hidden" name="actor" value="{{actor}}"><button type="submit">Remove<span class="visually-hidden"> {{actor}}</span></button></form>
    </td></tr>
    {{/accepted}}
    </tbody>
    </table>
    {{#nextAfter}}<p><a href="/admin/follows?after={{nextAfter}}">More followers</a></p>{{/nextAfter}}
    {{/hasAccepted}}
    <h2>Whom this actor follows</h2>
    {{^hasOurs}}<p>Nobody.</p>{{/hasOurs}}
    {{#hasOurs}}
    <table>
    <thead><tr><th scope="col">Actor</th><th scope="col">Answer</th><th scope="col">Since</th></tr></thead>
    <tbody>
    {{#ours}}<tr><td><code>{{actor}}</code></td><td>{{state}}</td><td>{{since}}</td></tr>
    {{/ours}}
    </tbody>
    </table>
    {{/hasOurs}}
    """
}
