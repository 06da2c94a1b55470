/// Many named event patterns compiled into one structure, so that an event is read once for all of
/// them and only the rules it could match are tried.
///
/// ```swift
/// let rules = RuleSet([("acd-end", try EventPattern(acdEnd)), ("voice", try EventPattern(voice))])
/// var matcher = Matcher()                      // one per thread
/// var matched: [Int] = []
/// try matcher.matches(rules, utf8: eventBytes, into: &matched)
/// print(matched.map { rules.names[$0] })
/// ```
///
/// How: the rules' paths share one trie, so the event is flattened once, keeping only leaves on some
/// rule's path. Each way through a rule (each `$or` combination) is anchored on one condition that it
/// cannot do without: the exact strings, literals and prefixes of a value list (looked up in a hash
/// table by the leaf's value, or by its first bytes for each prefix length used) or, failing that, the
/// presence of a path. A rule is only tried when an anchor of it
/// is hit, so adding rules on known paths costs almost nothing per event. The answer for each rule is
/// exactly its `EventPattern`'s.
///
/// A `RuleSet` is immutable and can be shared between threads. Adding or removing a rule builds a new
/// set (a rebuild: linear in the number of rules, about a microsecond per rule).
public struct RuleSet: Sendable {
    /// A named pattern.
    public struct Rule: Sendable {
        /// The rule's name.
        public let name: String
        /// Its compiled pattern.
        public let pattern: EventPattern
    }

    /// The rules, in the order given (a name given twice keeps its last pattern, in its first place).
    public let rules: [Rule]
    /// The rules' names, indexed like `rules`.
    public var names: [String] { rules.map(\.name) }

    /// The union of the rules' paths.
    let trie: PathTrie
    let needs: EventFlattener.PathNeeds
    /// Distinct matcher lists over all rules (`CompiledField.listID` is below it).
    let listCount: Int
    /// Every sub-rule of every rule, with global path and list ids.
    let subRules: [CompiledSubRule]
    /// The rule each sub-rule belongs to.
    let ruleOfSubRule: [Int32]
    /// Anchors on exact values: (path, kind, value) → anchor groups; and on string prefixes:
    /// (path, `prefixKind`, prefix) → anchor groups.
    let valueAnchors: ByteStringTable
    /// The sub-rules of each anchor group (those anchored on one value list).
    let anchorGroups: [[Int32]]
    /// For each path, the distinct lengths of the prefixes anchored on it (a leaf is looked up once per
    /// length), ascending.
    let prefixLengths: [[Int]]
    /// Sub-rules anchored on the presence of a path, per path id.
    let pathAnchors: [[Int32]]
    /// Sub-rules with no condition they cannot do without (only `exists: false` and the like): always tried.
    let unanchored: [Int32]

    /// Value kinds in anchor keys.
    static let stringKind: UInt8 = 0
    static let trueKind: UInt8 = 1
    static let falseKind: UInt8 = 2
    static let nullKind: UInt8 = 3
    /// The kind of prefix keys.
    static let prefixKind: UInt8 = 4

    /// A set of the given rules.
    public init(_ rules: [(name: String, pattern: EventPattern)]) {
        var unique: [Rule] = []
        var position: [String: Int] = [:]
        for (name, pattern) in rules {
            if let at = position[name] {
                unique[at] = Rule(name: name, pattern: pattern)
            } else {
                position[name] = unique.count
                unique.append(Rule(name: name, pattern: pattern))
            }
        }
        self.rules = unique

        var pathIDs: [[UInt8]: Int32] = [:]
        var paths: [[UInt8]] = []
        var numbers: [Bool] = []
        var addresses: [Bool] = []
        var subRules: [CompiledSubRule] = []
        var ruleOfSubRule: [Int32] = []
        var listBase: Int32 = 0
        for (ruleIndex, rule) in unique.enumerated() {
            let pattern = rule.pattern
            // Local path id → global path id.
            let global: [Int32] = pattern.trie.paths.enumerated().map { local, path in
                if let id = pathIDs[path] { return id }
                let id = Int32(paths.count)
                pathIDs[path] = id
                paths.append(path)
                numbers.append(false)
                addresses.append(false)
                return id
            }
            for (local, id) in global.enumerated() {
                numbers[Int(id)] = numbers[Int(id)] || pattern.needs.numbers[local]
                addresses[Int(id)] = addresses[Int(id)] || pattern.needs.addresses[local]
            }
            for subRule in pattern.subRules {
                let fields = subRule.fields.map { field in
                    CompiledField(
                        pathID: global[Int(field.pathID)], listID: listBase + field.listID, list: field.list,
                        addresses: field.addresses)
                }
                subRules.append(CompiledSubRule(fields: fields))
                ruleOfSubRule.append(Int32(ruleIndex))
            }
            listBase += Int32(pattern.listCount)
        }
        trie = PathTrie(paths: paths)
        needs = EventFlattener.PathNeeds(numbers: numbers, addresses: addresses)
        listCount = Int(listBase)
        self.subRules = subRules
        self.ruleOfSubRule = ruleOfSubRule

        // Anchors point at groups of sub-rules: the sub-rules `$or` multiplied out of one value list share
        // that list, so they share one group and its keys are stored once, however many there are.
        var values: [(path: Int32, kind: UInt8, bytes: [UInt8], value: Int32)] = []
        var groups: [[Int32]] = []
        var groupOfList: [ObjectIdentifier: Int32] = [:]
        var keysOfList: [ObjectIdentifier: [(UInt8, [UInt8])]?] = [:]
        var prefixLengths = Array(repeating: Set<Int>(), count: paths.count)
        var pathAnchors = Array(repeating: [Int32](), count: paths.count)
        var unanchored: [Int32] = []
        for (index, subRule) in subRules.enumerated() {
            let id = Int32(index)
            let required = subRule.fields.filter { !$0.list.allowsAbsence }
            var best: (field: CompiledField, keys: [(UInt8, [UInt8])])?
            for field in required {
                let list = ObjectIdentifier(field.list)
                if keysOfList[list] == nil { keysOfList[list] = .some(Self.anchorValues(field.list)) }
                guard let keys = keysOfList[list] ?? nil else { continue }
                if let current = best, keys.count >= current.keys.count { continue }
                best = (field, keys)
            }
            if let (field, keys) = best {
                let list = ObjectIdentifier(field.list)
                if let group = groupOfList[list] {
                    groups[Int(group)].append(id)
                } else {
                    let group = Int32(groups.count)
                    groupOfList[list] = group
                    groups.append([id])
                    for (kind, bytes) in keys {
                        values.append((field.pathID, kind, bytes, group))
                        if kind == Self.prefixKind { prefixLengths[Int(field.pathID)].insert(bytes.count) }
                    }
                }
            } else if let field = required.first {
                pathAnchors[Int(field.pathID)].append(id)
            } else {
                unanchored.append(id)
            }
        }
        anchorGroups = groups
        valueAnchors = ByteStringTable(values)
        self.prefixLengths = prefixLengths.map { $0.sorted() }
        self.pathAnchors = pathAnchors
        self.unanchored = unanchored
    }

    /// The (kind, bytes) keys of a list whose every matcher is an exact string, a literal or a non-empty
    /// prefix, else nil.
    private static func anchorValues(_ list: MatcherList) -> [(UInt8, [UInt8])]? {
        var keys: [(UInt8, [UInt8])] = []
        for matcher in list.valueMatchers {
            switch matcher {
            case .exactString(let bytes): keys.append((stringKind, bytes))
            case .prefix(let bytes) where !bytes.isEmpty: keys.append((prefixKind, bytes))
            case .literal(.trueValue): keys.append((trueKind, []))
            case .literal(.falseValue): keys.append((falseKind, []))
            case .literal(.null): keys.append((nullKind, []))
            default: return nil
            }
        }
        return keys.isEmpty ? nil : keys
    }

    /// This set with `pattern` added as `name` (replacing a rule of that name). Builds a new set.
    public func adding(_ name: String, _ pattern: EventPattern) -> RuleSet {
        RuleSet(rules.map { ($0.name, $0.pattern) } + [(name, pattern)])
    }

    /// This set without the rule `name`. Builds a new set.
    public func removing(_ name: String) -> RuleSet {
        RuleSet(rules.filter { $0.name != name }.map { ($0.name, $0.pattern) })
    }

    /// The number of rules.
    public var count: Int { rules.count }
}
