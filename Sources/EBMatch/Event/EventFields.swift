/// The flattened leaves of one event that lie on paths a pattern uses, kept in reusable buffers.
///
/// A leaf records its path id, its value (as a slice of the event bytes, or of `decoded` when the
/// string held escapes) and its array trail: for each array it sits inside through an object or array
/// element, that array's number and the element's index (see the spec, §3.2).
struct EventFields {
    /// What kind of JSON value a leaf is.
    enum Kind: UInt8 {
        case string, number, trueValue, falseValue, null
    }

    /// One leaf.
    struct Leaf {
        var pathID: Int32
        var kind: Kind
        /// Whether the value bytes live in `decoded` (an escaped string) rather than in the event.
        var isDecoded: Bool
        /// Whether `numberKey` holds the comparable key of a number leaf.
        var hasNumberKey: Bool
        var start: Int32
        var end: Int32
        /// The innermost step of the leaf's array trail (an index into `trails`), or -1 for none.
        var trail: Int32
        /// Next leaf on the same path, or -1.
        var nextOnPath: Int32
        var numberKey: UInt64
        /// The address of a string leaf that parses as an IP (when its path has IP matchers).
        var address: IPAddress?
    }

    /// One step of an array trail: an array, the element taken, and the step outside it (or -1).
    /// Trails form a tree, one node per container entered as an array element, so leaves deep inside
    /// nested arrays share their trail instead of each copying it.
    struct TrailStep: Equatable {
        var array: Int32
        var index: Int32
        var parent: Int32
    }

    var leaves: [Leaf] = []
    var trails: [TrailStep] = []
    var decoded: [UInt8] = []
    /// First leaf of each path id, or -1.
    var firstOnPath: [Int32] = []
    /// Last leaf of each path id, or -1 (to append in document order).
    var lastOnPath: [Int32] = []
    /// Number of arrays seen so far (array numbers are 0 ..< arrayCount).
    var arrayCount: Int32 = 0
    /// Whether any leaf has a non-empty trail (if none, array consistency cannot bite).
    var anyTrail = false

    /// Empties the buffers for a new event, keeping their capacity.
    mutating func reset(pathCount: Int) {
        leaves.removeAll(keepingCapacity: true)
        trails.removeAll(keepingCapacity: true)
        decoded.removeAll(keepingCapacity: true)
        if firstOnPath.count != pathCount {
            firstOnPath = Array(repeating: -1, count: pathCount)
            lastOnPath = Array(repeating: -1, count: pathCount)
        } else {
            for i in 0..<pathCount {
                firstOnPath[i] = -1
                lastOnPath[i] = -1
            }
        }
        arrayCount = 0
        anyTrail = false
    }

    /// Appends a leaf and links it into its path's list.
    mutating func append(_ leaf: Leaf) {
        let index = Int32(leaves.count)
        leaves.append(leaf)
        let path = Int(leaf.pathID)
        if lastOnPath[path] >= 0 {
            leaves[Int(lastOnPath[path])].nextOnPath = index
        } else {
            firstOnPath[path] = index
        }
        lastOnPath[path] = index
        if leaf.trail >= 0 { anyTrail = true }
    }
}
