import Commerce
import Foundation

/// Model of `CartTemplate`, built from a `CartView`.
struct CartPageModel {
    struct Group {
        let slug: String
        let title: String
        let total: String
        let lines: [Line]
    }

    struct Line {
        let id: String
        let name: String
        let when: String?
        let unitPrice: String
        let quantity: Int
        let total: String
        let settable: Bool
        let withdrawn: Bool
    }

    let heading: String
    let csrf: String?
    let groups: [Group]
    let totals: [String]
    let showTotals: Bool

    init(view: CartView, heading: String, csrf: String?) {
        self.heading = heading
        self.csrf = csrf
        groups = view.groups.map { group in
            Group(slug: group.page.slug, title: group.page.title, total: group.total.description,
                  lines: group.lines.map { line in
                      let settable: Bool = if case .entry = line.item { false } else { true }
                      let withdrawn: Bool = if case let .product(iri) = line.item { group.withdrawn.contains(iri) } else { false }
                      return Line(id: line.id.uuidString, name: line.name, when: line.startTime.map(Self.format),
                                  unitPrice: line.unitPrice.description, quantity: line.quantity,
                                  total: (try? line.lineTotal().description) ?? "—", settable: settable, withdrawn: withdrawn)
                  })
        }
        totals = view.totalsByCurrency.map(\.description)
        showTotals = !view.isEmpty
    }

    /// "2026-12-01 10:15 UTC".
    static func format(_ date: Date) -> String {
        let text = ISO8601DateFormatter().string(from: date)
        return text.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: ":00Z", with: " UTC")
    }
}
