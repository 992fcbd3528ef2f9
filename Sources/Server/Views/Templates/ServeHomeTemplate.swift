/// Production home: what this service is and the actor's handle.
enum ServeHomeTemplate {
    static let source = """
    <h1>The cooperative's cart</h1>
    <p>This service keeps your shopping cart and takes payment for what the cooperative's pages sell:
    products from the market, and places and tickets from the calendar.</p>
    <p>It is also a fediverse actor. Its handle is <strong>{{handle}}</strong>.</p>
    <p><a href="/cart">Open your cart</a></p>
    """
}
