/// A refusal that a second try may cure (the payment provider was down): what happened, a
/// button that repeats the action, and a way back.
enum RetryTemplate {
    static let source = """
    <h1>{{title}}</h1>
    <p>{{message}}</p>
    <form method="post" action="{{action}}"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{button}}</button></form>
    {{#link}}<p><a href="{{href}}">{{label}}</a></p>{{/link}}
    """
}
