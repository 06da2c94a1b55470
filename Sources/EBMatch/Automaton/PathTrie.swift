/// The paths a compiled pattern uses, as a byte trie that the event scanner walks member name by
/// member name, inserting `.` between levels.
///
/// Because the walk is over the joined path, `{"a":{"b":1}}` and `{"a.b":1}` reach the same state:
/// dotted keys and nesting are the same path, as in the reference. A member whose name leaves the
/// trie is skipped without being flattened.
struct PathTrie: Sendable {
    /// A state: its outgoing edges are `edges[edgeStart ..< edgeStart + edgeCount]`.
    struct State: Sendable {
        var edgeStart: Int32 = 0
        var edgeCount: Int32 = 0
        /// Path id if a pattern path ends here, else -1.
        var pathID: Int32 = -1
        /// If a top-level member name ends here that is the first step of some path (`detail` of
        /// `detail.eventBody.queueId`), that step's index among `firstSteps`, else -1.
        var firstStep: Int32 = -1
    }

    /// An edge: a byte and the state it leads to.
    struct Edge: Sendable {
        var byte: UInt8
        var target: Int32
    }

    /// The root state: where every event walk starts.
    static let root: Int32 = 0
    /// Marks a walk that left the trie.
    static let dead: Int32 = -1

    private(set) var states: [State]
    private(set) var edges: [Edge]
    /// The paths, indexed by path id.
    let paths: [[UInt8]]
    /// The distinct first steps of the paths (the top-level member names an event needs), in order.
    let firstSteps: [[UInt8]]

    /// Builds the trie of `paths` (path id = index).
    init(paths: [[UInt8]]) {
        self.paths = paths
        // Build with one dictionary of edges keyed by (state, byte), then lay each state's edges out
        // contiguously, sorted by byte. (A dictionary per state costs over 100 bytes per path byte.)
        var edgeMap: [UInt64: Int32] = [:]
        var ids: [Int32] = [-1]
        for (id, path) in paths.enumerated() {
            var state: Int32 = 0
            for byte in path {
                let key = UInt64(UInt32(bitPattern: state)) << 8 | UInt64(byte)
                if let next = edgeMap[key] {
                    state = next
                } else {
                    ids.append(-1)
                    let next = Int32(ids.count - 1)
                    edgeMap[key] = next
                    state = next
                }
            }
            ids[Int(state)] = Int32(id)
        }
        let sortedKeys = edgeMap.keys.sorted()
        var states = ids.map { State(edgeStart: 0, edgeCount: 0, pathID: $0) }
        var edges: [Edge] = []
        edges.reserveCapacity(sortedKeys.count)
        for key in sortedKeys {
            let from = Int(key >> 8)
            if states[from].edgeCount == 0 { states[from].edgeStart = Int32(edges.count) }
            states[from].edgeCount += 1
            edges.append(Edge(byte: UInt8(truncatingIfNeeded: key), target: edgeMap[key] ?? -1))
        }
        self.states = states
        self.edges = edges
        var firstSteps: [[UInt8]] = []
        var known: Set<[UInt8]> = []
        for path in paths {
            let step = Array(path.prefix { $0 != UInt8(ascii: ".") })
            if known.insert(step).inserted { firstSteps.append(step) }
        }
        self.firstSteps = firstSteps
        for (index, step) in firstSteps.enumerated() {
            let state = step.withUnsafeBufferPointer { walk(Self.root, $0) }
            if state >= 0 { self.states[Int(state)].firstStep = Int32(index) }
        }
    }

    /// The index of the first step ending at `state` (see `State.firstStep`), or -1.
    @inline(__always)
    func firstStep(at state: Int32) -> Int32 {
        state >= 0 ? states[Int(state)].firstStep : -1
    }

    /// The state after `byte` from `state`, or `dead`.
    @inline(__always)
    func step(_ state: Int32, _ byte: UInt8) -> Int32 {
        guard state >= 0 else { return Self.dead }
        let s = states[Int(state)]
        var i = Int(s.edgeStart)
        let end = i + Int(s.edgeCount)
        while i < end {
            let edge = edges[i]
            if edge.byte == byte { return edge.target }
            if edge.byte > byte { break }
            i += 1
        }
        return Self.dead
    }

    /// The state after all of `bytes` from `state`, or `dead`.
    @inline(__always)
    func walk(_ state: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        var s = state
        for byte in bytes {
            s = step(s, byte)
            if s < 0 { return Self.dead }
        }
        return s
    }

    /// The path id ending at `state`, or -1.
    @inline(__always)
    func pathID(at state: Int32) -> Int32 {
        state >= 0 ? states[Int(state)].pathID : -1
    }
}
