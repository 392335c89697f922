import Foundation

/// Counts the arcs that shortest-path searches examine, across every copy of a flow: the
/// planner's budget is counted in this work, not in time, so that a plan depends only on its
/// problem and seed, never on how fast the machine is.
final class WorkMeter {
    private(set) var arcs = 0

    func add(_ count: Int) { arcs += count }
}
