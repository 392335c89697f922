@testable import CedreStore
import Foundation
import Synchronization
import Testing

/// The channel between a rebuild's reader and its writer: values arrive in order, the sender
/// waits when the channel is full, and closing it releases a sender that waits.
@Suite struct BoundedChannelTests {
    @Test func valuesArriveInTheOrderSent() {
        let channel = BoundedChannel<Int>(capacity: 2)
        let sender = BackgroundWork { (0..<100).allSatisfy { channel.send($0) } }
        let received = (0..<100).map { _ in channel.receive() }
        #expect(received == Array(0..<100))
        #expect((try? sender.value()) == true)
    }

    @Test func aFullChannelHoldsItsSenderUntilAValueIsTaken() {
        let channel = BoundedChannel<Int>(capacity: 2)
        #expect(channel.send(1) && channel.send(2))
        let sent = Mutex(false)
        let third = BackgroundWork {
            let result = channel.send(3)
            sent.withLock { $0 = true }
            return result
        }
        // The third value waits for room
        Thread.sleep(forTimeInterval: 0.2)
        #expect(sent.withLock { $0 } == false)
        // Taking one makes room for it
        #expect(channel.receive() == 1)
        #expect((try? third.value()) == true)
        #expect(channel.receive() == 2 && channel.receive() == 3)
    }

    @Test func closingReleasesASenderThatWaitsAndRefusesTheNext() {
        let channel = BoundedChannel<Int>(capacity: 1)
        #expect(channel.send(1))
        let waiting = BackgroundWork { channel.send(2) }
        Thread.sleep(forTimeInterval: 0.1)
        channel.close()
        #expect((try? waiting.value()) == false)
        #expect(channel.send(3) == false)
    }
}
