import Foundation
import Synchronization
import Testing

@testable import CedreStore

/// A command's work on another thread lets go of what it holds before its value is handed
/// over, so that a store it held closes its connections before the command returns.
@Suite struct BackgroundWorkTests {
    private final class Flag: Sendable {
        let raised = Mutex(false)
    }

    /// Stands for a store: raises its flag when it is let go.
    private final class Held: Sendable {
        let released: Flag
        init(_ released: Flag) { self.released = released }
        deinit { released.raised.withLock { $0 = true } }
    }

    @Test(arguments: 0..<200)
    func whatTheWorkHoldsIsLetGoBeforeItsValueIsHandedOver(round: Int) throws {
        let released = Flag()
        var held: Held? = Held(released)
        let work = BackgroundWork { [held] in
            // Ends after the caller has started waiting, in some rounds, before in others.
            if round.isMultiple(of: 2) { usleep(1_000) }
            return held.map { _ in round }
        }
        held = nil
        #expect(try work.value() == round)
        #expect(released.raised.withLock { $0 }, "round \(round)")
    }

    @Test func anErrorIsHandedOverToo() {
        struct Failure: Error {}
        let work = BackgroundWork { () throws -> Int in throw Failure() }
        #expect(throws: Failure.self) { try work.value() }
    }
}
