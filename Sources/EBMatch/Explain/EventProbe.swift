/// Looks at what an event holds along a pattern's path, the way EventBridge flattens events: arrays
/// are transparent (each element is followed), and a member named with dots (`"a.b"`) stands for the
/// same path as nested members (`"a": {"b": …}`).
///
/// Used for explanations only, on the event read into a `JSONValue` tree; the walk is iterative.
struct EventProbe {
    /// What lies at the end of a path.
    struct Result {
        /// Leaf values, in document order, with their JSON locations.
        var leaves: [(value: JSONValue, location: String)] = []
        /// Whether an object was found at the end of the path.
        var sawObject: Bool { firstObject != nil }
        /// The first object found at the end of the path.
        var firstObject: JSONValue?
        /// Whether an empty array was found at the end of the path.
        var sawEmptyArray = false
        /// The deepest object reached where the next step of the path was missing: the object, its JSON
        /// location, the part of the path already followed, and the part that was not found.
        var miss: (object: JSONValue, location: String, followed: String, missing: String)?
    }

    /// The event.
    let root: JSONValue
    /// Lower-cased member name → the dotted paths of its first few members, in document order: built in
    /// one walk, so that hints for many absent fields do not walk a large event once each.
    private let membersByName: [String: [String]]

    /// A probe of `root`.
    init(root: JSONValue) {
        self.root = root
        var index: [String: [String]] = [:]
        var pending: [(JSONValue, String)] = [(root, "")]
        while let (value, path) = pending.popLast() {
            switch value.kind {
            case .object(let members):
                for member in members.reversed() {
                    pending.append((member.value, path.isEmpty ? member.name : path + "." + member.name))
                }
                for member in members {
                    let key = member.name.lowercased()
                    if index[key, default: []].count < 5 {
                        index[key, default: []].append(path.isEmpty ? member.name : path + "." + member.name)
                    }
                }
            case .array(let elements):
                for element in elements.reversed() { pending.append((element, path)) }
            default:
                break
            }
        }
        membersByName = index
    }

    /// Everything at `path` (dotted, as EventBridge joins it).
    func probe(_ path: String) -> Result {
        var result = Result()
        // (value, what remains of the path, JSON location, path followed so far)
        var pending: [(JSONValue, Substring, String, String)] = [(root, Substring(path), "$", "")]
        var missDepth = -1
        while let (value, remaining, location, followed) = pending.popLast() {
            switch value.kind {
            case .array(let elements):
                if remaining.isEmpty && elements.isEmpty { result.sawEmptyArray = true }
                for (index, element) in elements.enumerated().reversed() {
                    pending.append((element, remaining, "\(location)[\(index)]", followed))
                }
            case .object(let members):
                if remaining.isEmpty {
                    if result.firstObject == nil { result.firstObject = value }
                    continue
                }
                var matched = false
                var next: [(JSONValue, Substring, String, String)] = []
                for member in members {
                    let name = Substring(member.name)
                    guard remaining.hasPrefix(name) else { continue }
                    let rest = remaining.dropFirst(name.count)
                    guard rest.isEmpty || rest.first == "." else { continue }
                    matched = true
                    let step = followed.isEmpty ? member.name : followed + "." + member.name
                    next.append((member.value, rest.isEmpty ? rest : rest.dropFirst(), JSONPath.appending(member.name, to: location), step))
                }
                pending += next.reversed()
                if !matched && followed.count > missDepth {
                    missDepth = followed.count
                    result.miss = (value, location, followed, String(remaining))
                }
            default:
                if remaining.isEmpty { result.leaves.append((value, location)) }
            }
        }
        return result
    }

    /// The dotted paths of members named `name` ignoring case, in document order (at most `limit`).
    func members(named name: String, limit: Int = 5) -> [String] {
        Array((membersByName[name.lowercased()] ?? []).prefix(limit))
    }
}
