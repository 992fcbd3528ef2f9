/// How an anonymous cart's lines join a user's cart at login (contract §4, `rose:Adopt`):
/// product quantities summed and capped, an entry once, ticket quantities summed and capped.
public enum CartMerge {
    /// The result: lines of `target` whose quantity changed, and lines of `source` to add.
    public struct Outcome: Equatable, Sendable {
        /// Existing target lines with their new quantity.
        public var updated: [CartLine]
        /// Source lines that become new target lines (same ids), in their original order.
        public var inserted: [CartLine]
        /// Source lines left out because the target reached `CartLimits.maxLines`.
        public var dropped: [CartLine]
    }

    /// Merges `source` into `target` without touching storage.
    public static func merge(into target: [CartLine], from source: [CartLine]) -> Outcome {
        var byItem = Dictionary(target.map { ($0.item, $0) }, uniquingKeysWith: { first, _ in first })
        var updated: [LineItem: CartLine] = [:]
        var inserted: [CartLine] = []
        var dropped: [CartLine] = []
        var lineCount = target.count
        for line in source {
            if var existing = byItem[line.item] {
                switch line.item {
                case .entry:
                    continue // booked once, whoever booked it first
                case .product, .ticket:
                    let summed = min(existing.quantity + line.quantity, CartLimits.quantity.upperBound)
                    guard summed != existing.quantity else { continue }
                    existing.quantity = summed
                    byItem[line.item] = existing
                    if target.contains(where: { $0.item == line.item }) {
                        updated[line.item] = existing
                    } else if let index = inserted.firstIndex(where: { $0.item == line.item }) {
                        inserted[index] = existing
                    }
                }
            } else if lineCount < CartLimits.maxLines {
                var copy = line
                copy.quantity = min(line.quantity, CartLimits.quantity.upperBound)
                byItem[line.item] = copy
                inserted.append(copy)
                lineCount += 1
            } else {
                dropped.append(line)
            }
        }
        let updatedInOrder = target.compactMap { updated[$0.item] }
        return Outcome(updated: updatedInOrder, inserted: inserted, dropped: dropped)
    }
}
