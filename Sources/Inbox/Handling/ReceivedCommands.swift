import Commerce
import Synchronization

/// What the receiver already read from each activity it stored as new, kept in memory for the
/// worker of the same process, so that the worker does not parse the stored body a second time
/// (JSON, terms, command: ~2 % of the inbox's CPU per activity). Only a hint: a miss (another
/// process's activity, a restart, an entry evicted or not yet remembered when the worker
/// claimed the row) reads the stored body as before. Entries exist only for bodies stored as
/// new, so an entry always describes the stored body of its id.
public final class ReceivedCommands: Sendable {
    private struct State {
        var current: [String: (command: InboxCommand, actor: IRI)] = [:]
        var previous: [String: (command: InboxCommand, actor: IRI)] = [:]
    }

    private let state = Mutex(State())
    private let generation: Int

    /// At most `capacity` entries are kept (two generations of half each: the older one is
    /// dropped whole when the newer fills, so entries never taken cannot pile up).
    public init(capacity: Int = 8192) {
        generation = max(1, capacity / 2)
    }

    /// The receiver stored the activity `id` as new; `command` is what it read from it.
    func remember(_ id: String, command: InboxCommand, actor: IRI) {
        state.withLock { state in
            if state.current.count >= generation {
                state.previous = state.current
                state.current = [:]
            }
            state.current[id] = (command, actor)
        }
    }

    /// The remembered command of `id`, forgotten as it is returned; nil when none.
    func take(_ id: String) -> (command: InboxCommand, actor: IRI)? {
        state.withLock { state in
            state.current.removeValue(forKey: id) ?? state.previous.removeValue(forKey: id)
        }
    }

    /// Entries held (tests).
    var count: Int { state.withLock { $0.current.count + $0.previous.count } }
}
