/// A page that says one thing: an error, a refusal, or a notice, with an optional way on.
enum MessageTemplate {
    static let source = """
    <h1>{{title}}</h1>
    <p>{{message}}</p>
    {{#link}}<p><a href="{{href}}">{{label}}</a></p>{{/link}}
    """
}
