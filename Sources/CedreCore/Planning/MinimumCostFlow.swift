import Foundation

/// A minimum-cost flow network solved by successive shortest paths: each unit of supply is
/// routed, one at a time, along a cheapest path in the residual network (Dijkstra on reduced
/// costs, stopped as soon as the sink is reached).
///
/// After every augmentation the flow is the cheapest one of its value (the node potentials prove
/// it: no residual arc has a negative reduced cost), which is what makes the planner's no-reciprocal
/// relaxation exact and its bound valid. Capacities are small integers; costs are kilometres.
struct MinimumCostFlow {
    private var arcTail: [Int32] = []
    private var arcHead: [Int32] = []
    private var arcResidual: [Int32] = []
    private var arcCost: [Double] = []
    private var firstArc: [Int32] = []
    private var adjacency: [Int32] = []
    /// Node potentials; `cost + potential[tail] − potential[head]` is never negative on a residual arc.
    private(set) var potential: [Double]
    private var distance: [Double]
    private var parentArc: [Int32]
    private var visited: [Int32] = []
    private var settled: [Int32] = []
    private var isDead: [Bool] = []
    /// Where the arcs examined by shortest-path searches are counted (shared by copies).
    let meter: WorkMeter
    /// The arcs of the last path `route` or `augment` took, from its target back to its source.
    private(set) var lastPath: [Int] = []
    private var heap = MinimumHeap()

    let nodeCount: Int

    init(nodeCount: Int, arcCapacity: Int = 0, meter: WorkMeter) {
        self.nodeCount = nodeCount
        self.meter = meter
        potential = Array(repeating: 0, count: nodeCount)
        distance = Array(repeating: .infinity, count: nodeCount)
        parentArc = Array(repeating: -1, count: nodeCount)
        arcTail.reserveCapacity(2 * arcCapacity)
        arcHead.reserveCapacity(2 * arcCapacity)
        arcResidual.reserveCapacity(2 * arcCapacity)
        arcCost.reserveCapacity(2 * arcCapacity)
    }

    /// Adds an arc and its reverse; returns the arc's id (its reverse is `id ^ 1`).
    @discardableResult
    mutating func addArc(from tail: Int, to head: Int, capacity: Int, cost: Double) -> Int {
        let id = arcHead.count
        arcTail.append(Int32(tail))
        arcHead.append(Int32(head))
        arcResidual.append(Int32(capacity))
        arcCost.append(cost)
        arcTail.append(Int32(head))
        arcHead.append(Int32(tail))
        arcResidual.append(0)
        arcCost.append(-cost)
        return id
    }

    /// Indexes arcs by tail; call once, after the last `addArc`.
    mutating func finishBuilding() {
        var counts = Array(repeating: Int32(0), count: nodeCount + 1)
        for tail in arcTail { counts[Int(tail) + 1] += 1 }
        for node in 0..<nodeCount { counts[node + 1] += counts[node] }
        firstArc = counts
        var next = counts
        adjacency = Array(repeating: 0, count: arcTail.count)
        for arc in arcTail.indices {
            let tail = Int(arcTail[arc])
            adjacency[Int(next[tail])] = Int32(arc)
            next[tail] += 1
        }
    }

    func head(of arc: Int) -> Int { Int(arcHead[arc]) }

    /// Arcs and reverses added so far.
    var arcCount: Int { arcHead.count }

    /// Units of flow on an arc.
    func flow(on arc: Int) -> Int { Int(arcResidual[arc ^ 1]) }

    /// The arc's cost less the potential difference: what using it would add at the margin.
    func reducedCost(of arc: Int) -> Double {
        arcCost[arc] + potential[Int(arcTail[arc])] - potential[Int(arcHead[arc])]
    }

    /// Routes one unit from `source`, a node no flow has reached yet, to `sink` along a cheapest
    /// residual path; returns its cost, or nil when the sink cannot be reached.
    ///
    /// With `pruning`, a failed search marks every node it reached as dead and later searches skip
    /// them: while flow only grows along augmenting paths, a node that cannot reach the sink never
    /// will (Hopcroft and Karp's argument), so routing many sources costs little more than the
    /// graph when most fail.
    mutating func augment(from source: Int, to sink: Int, pruning: Bool = false) -> Double? {
        // A fresh source has no incoming residual arc: raise its potential so that its own arcs
        // have non-negative reduced costs, which is all Dijkstra needs.
        var highest = -Double.infinity
        for index in Int(firstArc[source])..<Int(firstArc[source + 1]) {
            let arc = Int(adjacency[index])
            if arcResidual[arc] > 0 { highest = max(highest, potential[Int(arcHead[arc])] - arcCost[arc]) }
        }
        guard highest > -Double.infinity else { return nil }
        potential[source] = highest
        if pruning, isDead.isEmpty { isDead = Array(repeating: false, count: nodeCount) }
        return route(from: source, to: sink, pruning: pruning)
    }

    /// Sets what an arc carries and what it could still carry, by hand (a source's arc, added
    /// once its unit was routed on its own).
    mutating func set(_ arc: Int, flow: Int, residual: Int) {
        arcResidual[arc] = Int32(residual)
        arcResidual[arc ^ 1] = Int32(flow)
    }

    /// Sets a node's potential; the caller keeps every residual arc's reduced cost non-negative.
    mutating func setPotential(_ value: Double, of node: Int) {
        potential[node] = value
    }

    /// Whether the arc can still carry flow (it has not been deleted or saturated).
    func isResidual(_ arc: Int) -> Bool { arcResidual[arc] > 0 }

    /// Removes an arc and its reverse. When it carried a unit, that unit leaves `tail` with nowhere
    /// to go and `head` short of one: the caller reroutes it with `route(from: tail, to: head)`.
    /// Every remaining residual arc keeps a non-negative reduced cost, so the flow stays optimal
    /// for what it carries.
    mutating func deleteArc(_ arc: Int) -> Bool {
        let carried = arcResidual[arc ^ 1] > 0
        arcResidual[arc] = 0
        arcResidual[arc ^ 1] = 0
        return carried
    }

    /// Puts back a deleted arc with unit capacity and makes the flow optimal again: when the arc
    /// is worth using (negative reduced cost), a unit is pushed through it and the surplus it
    /// creates is sent back to its tail along a cheapest path. Returns the change in cost.
    mutating func restoreArc(_ arc: Int) -> Double {
        arcResidual[arc] = 1
        arcResidual[arc ^ 1] = 0
        guard reducedCost(of: arc) < 0 else { return 0 }
        arcResidual[arc] = 0
        arcResidual[arc ^ 1] = 1
        // The reverse arc itself is a way back, so a path always exists.
        let back = route(from: Int(arcHead[arc]), to: Int(arcTail[arc])) ?? -arcCost[arc]
        return arcCost[arc] + back
    }

    /// The node an arc leaves from.
    func tail(of arc: Int) -> Int { Int(arcTail[arc]) }


    /// Sends one unit from `source` to `target` along a cheapest residual path (Dijkstra on reduced
    /// costs, stopped when `target` is settled), then updates the potentials so that every residual
    /// arc keeps a non-negative reduced cost; returns the path's cost, or nil when there is none.
    /// The path's arcs are left in `lastPath`, target first.
    mutating func route(from source: Int, to target: Int, pruning: Bool = false) -> Double? {
        distance[source] = 0
        visited.append(Int32(source))
        heap.push(0, source)
        var reached = false
        settled.removeAll(keepingCapacity: true)
        while let (key, node) = heap.pop() {
            guard key <= distance[node] else { continue }
            settled.append(Int32(node))
            if node == target {
                reached = true
                break
            }
            let nodePotential = potential[node]
            meter.add(Int(firstArc[node + 1] - firstArc[node]))
            for index in Int(firstArc[node])..<Int(firstArc[node + 1]) {
                let arc = Int(adjacency[index])
                guard arcResidual[arc] > 0 else { continue }
                let head = Int(arcHead[arc])
                if pruning, isDead[head] { continue }
                let reduced = max(0, arcCost[arc] + nodePotential - potential[head])
                let candidate = key + reduced
                if candidate < distance[head] {
                    if distance[head] == .infinity { visited.append(Int32(head)) }
                    distance[head] = candidate
                    parentArc[head] = Int32(arc)
                    heap.push(candidate, head)
                }
            }
            // Reduced costs are never negative, so a target reached at the frontier's distance
            // cannot be reached for less: stop there rather than explore a plateau of ties.
            if distance[target] <= key {
                reached = true
                break
            }
        }
        var pathCost: Double?
        if reached {
            let total = distance[target]
            for node in settled { potential[Int(node)] += distance[Int(node)] - total }
            var node = target
            var cost = 0.0
            lastPath.removeAll(keepingCapacity: true)
            while node != source {
                let arc = Int(parentArc[node])
                lastPath.append(arc)
                arcResidual[arc] -= 1
                arcResidual[arc ^ 1] += 1
                cost += arcCost[arc]
                node = Int(arcTail[arc])
            }
            pathCost = cost
        } else if pruning {
            for node in visited { isDead[Int(node)] = true }
        }
        for node in visited {
            distance[Int(node)] = .infinity
            parentArc[Int(node)] = -1
        }
        visited.removeAll(keepingCapacity: true)
        heap.removeAll()
        return pathCost
    }
}

/// A binary min-heap of (key, node) pairs; stale entries are skipped by the caller.
private struct MinimumHeap {
    private var keys: [Double] = []
    private var nodes: [Int32] = []

    mutating func push(_ key: Double, _ node: Int) {
        keys.append(key)
        nodes.append(Int32(node))
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard keys[parent] > keys[child] else { break }
            keys.swapAt(parent, child)
            nodes.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let topKey = keys.first else { return nil }
        let topNode = Int(nodes[0])
        let lastKey = keys.removeLast()
        let lastNode = nodes.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            nodes[0] = lastNode
            var parent = 0
            let count = keys.count
            while true {
                let left = 2 * parent + 1
                guard left < count else { break }
                let right = left + 1
                let child = right < count && keys[right] < keys[left] ? right : left
                guard keys[child] < keys[parent] else { break }
                keys.swapAt(parent, child)
                nodes.swapAt(parent, child)
                parent = child
            }
        }
        return (topKey, topNode)
    }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }
}
