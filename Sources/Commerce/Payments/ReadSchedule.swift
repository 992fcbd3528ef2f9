import Foundation

/// When the sweeper re-reads an attempt: about 1, 3, 10, 30 and 60 minutes after creation, then hourly.
public enum ReadSchedule {
    /// Offsets from creation of the first reads.
    public static let early: [TimeInterval] = [60, 180, 600, 1800, 3600]

    /// The first scheduled read strictly after `now` for an attempt created at `created`.
    public static func next(after now: Date, created: Date) -> Date {
        let elapsed = now.timeIntervalSince(created)
        if let offset = early.first(where: { $0 > elapsed }) { return created.addingTimeInterval(offset) }
        let hours = (elapsed / 3600).rounded(.down) + 1
        return created.addingTimeInterval(hours * 3600)
    }
}
