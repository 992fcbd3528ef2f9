"""The market peer: publishes its product to the cart (Create{rose:Product}) and serves the
product's page on its own origin with an "add to cart" form that posts to the cart cross-site."""

import html
from urllib.parse import quote

import vocab
from actor_site import ActorSite
from web import Response

PRODUCT_NAME = "Oat milk"
PRODUCT_PRICE = 350
AVAILABLE = 12


class MarketSite(ActorSite):
    """The market service's actor and its product page."""

    def __init__(self, *args, page_iri, page_title, currency, **kwargs):
        super().__init__("market", *args, **kwargs)
        self.page_iri, self.page_title, self.currency = page_iri, page_title, currency
        self.product_iri = self.origin + "/products/oat-milk"
        self.updated = vocab.now_iso()

    def product(self, price=PRODUCT_PRICE):
        """The product object as the market publishes it."""
        return vocab.product(self.product_iri, PRODUCT_NAME, self.page_iri, price, self.currency, AVAILABLE, self.updated)

    def publish(self, body):
        """Create (default) or Update{rose:Product}; `price` changes the price and bumps `updated`."""
        kind = body.get("type", "Create")
        if kind not in ("Create", "Update"):
            return Response.json({"error": "type is Create or Update"}, status=400)
        price = int(body.get("price", PRODUCT_PRICE))
        if price != PRODUCT_PRICE:
            self.updated = vocab.now_iso()
        activity = vocab.activity(self.origin, self.actor, kind, self.product(price), to=[self.cart_base + "/actor"])
        return self.answer(activity, self.send(activity))

    def handle_more(self, request):
        """Control endpoints, the product (HTML or JSON) and the page."""
        if request.method == "POST" and request.path == "/_control/publish":
            return self.publish(request.json())
        if request.method == "POST" and request.path == "/_control/withdraw":
            delete = vocab.activity(self.origin, self.actor, "Delete", self.product_iri, to=[self.cart_base + "/actor"])
            return self.answer(delete, self.send(delete))
        if request.method == "GET" and self.origin + request.path == self.product_iri:
            if "activity+json" in (request.header("Accept") or "") or "ld+json" in (request.header("Accept") or ""):
                return Response.json(dict(self.product(), **{"@context": vocab.CONTEXT}), content_type="application/activity+json")
            return self.product_page(request)
        if request.method == "GET" and self.origin + request.path == self.page_iri:
            return Response.html(self.page_title, "<h1>%s</h1><ul><li><a href=\"%s\">%s</a></li></ul>" % (
                html.escape(self.page_title), html.escape(self.product_iri), PRODUCT_NAME))
        if request.method == "GET" and request.path == "/":
            return Response.redirect(self.page_iri)
        return Response(404, "not found")

    def product_page(self, request):
        """The product page with the cross-site add-to-cart form and the cart-handle link."""
        e = html.escape
        cart = self.cart_base
        handle_link = "%s/cart/handle?return_to=%s" % (cart, quote(self.product_iri, safe=""))
        notes = ""
        if request.query.get("added"):
            notes += '<p role="status" id="added">Added to your cart.</p>'
        if request.query.get("cart_handle"):
            notes += '<p>Your cart handle: <code id="cart-handle">%s</code></p>' % e(request.query["cart_handle"])
        body = """<header><nav aria-label="Market"><a href="{page}">{title}</a> <a id="cart-link" href="{cart}/cart">Your cart</a></nav></header>
<main><h1>{name}</h1>{notes}
<p>Price: <span id="price">£{major}.{minor:02d}</span> ({available} available)</p>
<form id="add-to-cart" method="post" action="{cart}/cart/items">
<input type="hidden" name="product" value="{product}">
<input type="hidden" name="return_to" value="{back}">
<label for="quantity">Quantity</label> <input id="quantity" name="quantity" type="number" min="1" max="99" value="1" required>
<button type="submit">Add to cart</button>
</form>
<p><a id="handle-link" href="{handle_link}">Book a class with the same cart</a></p></main>""".format(
            page=e(self.page_iri), title=e(self.page_title), cart=e(cart), name=e(PRODUCT_NAME), notes=notes,
            major=PRODUCT_PRICE // 100, minor=PRODUCT_PRICE % 100, available=AVAILABLE,
            product=e(self.product_iri), back=e(self.product_iri + "?added=1"), handle_link=e(handle_link))
        return Response.html(PRODUCT_NAME + " · Market", body)
