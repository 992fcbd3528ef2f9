import Commerce
import Foundation
import SQLKit

/// Column lists and row mapping, in one place so the SELECTs and the decoders agree.
extension SQLCommerceTransaction {
    /// The last four of a sealed key only when the sealed key is there (an empty string when it
    /// was stored without them), so a page reads as having a key exactly when it has one.
    static let pageColumns = """
        slug, iri, title, currency, sumup_merchant_code, sumup_key_file,
        CASE WHEN sumup_key_sealed IS NULL THEN NULL ELSE COALESCE(sumup_key_last_four, '') END AS sumup_key_last_four
        """
    static let productColumns = "iri, page_iri, name, price_minor, currency, available, withdrawn, updated_ms"
    static let cartColumns = "id, owner_key, handle, last_active_ms"
    static let lineColumns = """
        id, kind, item_iri, entry_iri, page_iri, name, unit_minor, currency, quantity, start_ms, end_ms, calendar_actor, added_ms
        """

    static func page(from row: any SQLRow) throws -> Page {
        Page(slug: try row.string("slug"), iri: try iri(row, "iri"), title: try row.string("title"),
             currency: try currency(row, "currency"), sumupMerchantCode: try row.optionalString("sumup_merchant_code"),
             sumupKeyFile: try row.optionalString("sumup_key_file"),
             sumupKeyLastFour: try row.optionalString("sumup_key_last_four"))
    }

    static func product(from row: any SQLRow) throws -> Product {
        Product(iri: try iri(row, "iri"), pageIRI: try iri(row, "page_iri"), name: try row.string("name"),
                price: Money(try row.int64("price_minor"), try currency(row, "currency")),
                available: try row.optionalInt64("available").map { Int($0) }, withdrawn: try row.bool("withdrawn"),
                updated: try row.optionalDate("updated_ms"))
    }

    static func cart(from row: any SQLRow) throws -> CartRecord {
        let key = try row.string("owner_key")
        guard let owner = CartOwner(storageKey: key) else { throw StoredValueError(column: "carts.owner_key", value: key) }
        return CartRecord(id: try row.uuid("id"), owner: owner, handle: try row.optionalString("handle"),
                          lastActive: try row.date("last_active_ms"))
    }

    static func line(from row: any SQLRow) throws -> CartLine {
        let itemIRI = try iri(row, "item_iri")
        let kind = try row.string("kind")
        let item: LineItem
        switch kind {
        case "product": item = .product(itemIRI)
        case "entry": item = .entry(itemIRI)
        case "ticket": item = .ticket(itemIRI, entry: try iri(row, "entry_iri"))
        default: throw StoredValueError(column: "cart_lines.kind", value: kind)
        }
        return CartLine(
            id: try row.uuid("id"), item: item, pageIRI: try iri(row, "page_iri"), name: try row.string("name"),
            unitPrice: Money(try row.int64("unit_minor"), try currency(row, "currency")), quantity: try row.int("quantity"),
            startTime: try row.optionalDate("start_ms"), endTime: try row.optionalDate("end_ms"),
            calendarActor: try row.optionalString("calendar_actor").flatMap(IRI.init), addedAt: try row.date("added_ms"))
    }

    private static func iri(_ row: any SQLRow, _ column: String) throws -> IRI {
        let text = try row.string(column)
        guard let iri = IRI(text) else { throw StoredValueError(column: column, value: text) }
        return iri
    }

    private static func currency(_ row: any SQLRow, _ column: String) throws -> Currency {
        let code = try row.string(column)
        guard let currency = Currency(code: code) else { throw StoredValueError(column: column, value: code) }
        return currency
    }
}
