/// The cart: lines grouped by page with per-page totals and checkout forms, per-currency totals.
enum CartTemplate {
    static let source = """
    <h1>{{heading}}</h1>
    {{^groups}}<p>Your cart is empty. <a href="/">Go to the shop</a>.</p>{{/groups}}
    {{#groups}}
    <section aria-labelledby="page-{{slug}}">
    <h2 id="page-{{slug}}">{{title}}</h2>
    <table>
    <thead><tr><th scope="col">Item</th><th scope="col">Unit price</th><th scope="col">Quantity</th><th scope="col">Total</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
    <tbody>
    {{#lines}}
    <tr>
    <td>{{name}}{{#when}} <small>{{when}}</small>{{/when}}{{#withdrawn}} <strong class="warn">Withdrawn by the shop: remove it to check out.</strong>{{/withdrawn}}</td>
    <td>{{unitPrice}}</td>
    <td>{{#settable}}<form method="post" action="/cart/items/{{id}}"><input type="hidden" name="csrf" value="{{csrf}}"><label class="visually-hidden" for="quantity-{{id}}">Quantity of {{name}}</label><input id="quantity-{{id}}" name="quantity" type="number" min="0" max="99" value="{{quantity}}" required> <button type="submit">Update</button></form>{{/settable}}{{^settable}}{{quantity}}{{/settable}}</td>
    <td>{{total}}</td>
    <td><form method="post" action="/cart/items/{{id}}/delete"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Remove<span class="visually-hidden"> {{name}}</span></button></form></td>
    </tr>
    {{/lines}}
    </tbody>
    <tfoot><tr><th scope="row" colspan="3">Total for {{title}}</th><td>{{total}}</td><td></td></tr></tfoot>
    </table>
    <form method="post" action="/pages/{{slug}}/checkout"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Check out {{title}}</button></form>
    </section>
    {{/groups}}
    {{#showTotals}}<h2>Totals</h2>
    <ul>{{#totals}}<li>{{.}}</li>{{/totals}}</ul>{{/showTotals}}
    """
}
