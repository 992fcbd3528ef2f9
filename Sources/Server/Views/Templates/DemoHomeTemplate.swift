/// Demo home: the sample page's products with add forms, and its entries and ticket types with
/// booking forms that act as the calendar would.
enum DemoHomeTemplate {
    static let source = """
    <h1>{{pageTitle}}</h1>
    <p>This is the demo shop. Add products, book an entry or buy tickets, then open your cart.</p>
    <h2>Products</h2>
    <ul>
    {{#products}}
    <li>
    <form method="post" action="/cart/items">
    <strong>{{name}}</strong> — {{price}}
    <input type="hidden" name="product" value="{{iri}}">
    {{#csrf}}<input type="hidden" name="csrf" value="{{csrf}}">{{/csrf}}
    <label for="product-{{index}}">Quantity</label>
    <input id="product-{{index}}" name="quantity" type="number" min="1" max="99" value="1" required>
    <button type="submit">Add to cart</button>
    </form>
    </li>
    {{/products}}
    </ul>
    <h2>Events</h2>
    <ul>
    {{#calendarItems}}
    <li>
    <form method="post" action="/demo/calendar/book">
    <strong>{{name}}</strong> — {{price}} <small>{{when}}</small>
    <input type="hidden" name="item" value="{{key}}">
    {{#csrf}}<input type="hidden" name="csrf" value="{{csrf}}">{{/csrf}}
    {{#isTicket}}<label for="ticket-{{key}}">Tickets</label>
    <input id="ticket-{{key}}" name="quantity" type="number" min="1" max="99" value="1" required>{{/isTicket}}
    <button type="submit">{{#isTicket}}Buy tickets{{/isTicket}}{{^isTicket}}Book a place{{/isTicket}}</button>
    </form>
    </li>
    {{/calendarItems}}
    </ul>
    """
}
