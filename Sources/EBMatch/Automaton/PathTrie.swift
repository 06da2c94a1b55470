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

    /// Builds the trie of `paths` (path id = index).
    init(paths: [[UInt8]]) {
        self.paths = paths
        // Build with per-state dictionaries, then flatten into contiguous edge runs sorted by byte.
        var children: [[UInt8: Int32]] = [[:]]
        var ids: [Int32] = [-1]
        for (id, path) in paths.enumerated() {
            var state = 0
            for byte in path {
                if let next = children[state][byte] {
                    state = Int(next)
                } else {
                    children.append([:])
                    ids.append(-1)
                    children[state][byte] = Int32(children.count - 1)
                    state = children.count - 1
                }
            }
            ids[state] = Int32(id)
        }
        var states: [State] = []
        var edges: [Edge] = []
        states.reserveCapacity(children.count)
        for (index, map) in children.enumerated() {
            let start = Int32(edges.count)
            for (byte, target) in map.sorted(by: { $0.key < $1.key }) {
                edges.append(Edge(byte: byte, target: target))
            }
            states.append(State(edgeStart: start, edgeCount: Int32(map.count), pathID: ids[index]))
        }
        self.states = states
        self.edges = edges
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
