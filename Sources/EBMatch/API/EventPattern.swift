/// A compiled EventBridge event pattern.
///
/// Compiling validates the pattern exactly as EventBridge does (an invalid pattern throws an
/// `EBMatchError` whose `awsMessage` is AWS's text) and prepares it for matching event bytes:
///
/// ```swift
/// let pattern = try EventPattern(#"{"detail": {"eventBody": {"queueId": ["q-1"]}}}"#)
/// let matched = try pattern.matches(#"{"detail": {"eventBody": {"queueId": "q-1"}}}"#)
/// ```
///
/// An `EventPattern` is immutable and can be shared between threads. For many events, keep one
/// `Matcher` per thread: it reuses its buffers, so matching does not allocate once warmed up.
public struct EventPattern: Sendable {
    /// The sub-rules (`$or` multiplied out), each with its fields in the reference's order.
    let subRules: [CompiledSubRule]
    /// The paths the pattern uses.
    let trie: PathTrie
    /// Which paths need number keys and IP addresses computed for their leaves.
    let needs: EventFlattener.PathNeeds
    /// The number of distinct matcher lists (`CompiledField.listID` is below it).
    let listCount: Int

    /// Compiles a pattern from its JSON text. `name` is the rule name some messages quote (the
    /// reference's `Size of rule '<name>' exceeds max value of 256`).
    public init(_ json: String, name: String = "rule", limits: PatternLimits = .aws) throws(EBMatchError) {
        try self.init(utf8: Array(json.utf8), name: name, limits: limits)
    }

    /// Compiles a pattern from its JSON text as UTF-8 bytes.
    public init(utf8 json: [UInt8], name: String = "rule", limits: PatternLimits = .aws) throws(EBMatchError) {
        try self.init(rules: PatternParser.parse(json, ruleName: name), source: json, limits: limits)
    }

    /// Compiles validated sub-rules; `source` is the pattern's text, for the complexity error.
    init(rules: [SubRule], source json: [UInt8], limits: PatternLimits) throws(EBMatchError) {
        var pathIDs: [[UInt8]: Int32] = [:]
        var paths: [[UInt8]] = []
        var listIDs: [ObjectIdentifier: Int32] = [:]
        var lists: [MatcherList] = []
        var listPaths: [Int32] = []
        var compiled: [CompiledSubRule] = []
        compiled.reserveCapacity(rules.count)
        for rule in rules {
            var fields: [CompiledField] = []
            for field in rule.fields {
                let id: Int32
                if let known = pathIDs[field.path] {
                    id = known
                } else {
                    id = Int32(paths.count)
                    pathIDs[field.path] = id
                    paths.append(field.path)
                }
                let list = field.matchers
                let listID: Int32
                if let known = listIDs[ObjectIdentifier(list)] {
                    listID = known
                } else {
                    listID = Int32(lists.count)
                    listIDs[ObjectIdentifier(list)] = listID
                    lists.append(list)
                    listPaths.append(id)
                }
                fields.append(CompiledField(pathID: id, listID: listID, list: list, addresses: false))
            }
            compiled.append(CompiledSubRule(fields: fields))
        }
        var numbers = Array(repeating: false, count: paths.count)
        var addresses = Array(repeating: false, count: paths.count)
        for rule in compiled {
            for field in rule.fields {
                for matcher in field.list.valueMatchers {
                    if matcher.needsNumberKeys { numbers[Int(field.pathID)] = true }
                    if matcher.needsAddresses { addresses[Int(field.pathID)] = true }
                }
            }
        }
        for r in compiled.indices {
            for f in compiled[r].fields.indices {
                compiled[r].fields[f].addresses = addresses[Int(compiled[r].fields[f].pathID)]
            }
        }
        // Each distinct list once (`$or` copies a path's list into several sub-rules), and each distinct
        // wildcard once: the reference stores a repeated pattern once.
        var wildcards = Array(repeating: [WildcardPattern](), count: paths.count)
        var seen = Array(repeating: Set<[[UInt8]]>(), count: paths.count)
        for (list, pathID) in zip(lists, listPaths) {
            for case .wildcard(let pattern) in list.valueMatchers
            where seen[Int(pathID)].insert(pattern.segments).inserted {
                wildcards[Int(pathID)].append(pattern)
            }
        }
        for (pathID, patterns) in wildcards.enumerated() where !patterns.isEmpty {
            // One over the limit is enough to know it is exceeded (and never overflows).
            let cap = limits.maxWildcardComplexity == .max ? .max : max(0, limits.maxWildcardComplexity) + 1
            if WildcardComplexity.estimate(patterns, cap: cap) >= cap {
                // AWS names no position; the path at least says which field's wildcards are too many.
                throw EBMatchError(
                    origin: .pattern, code: .invalidPattern, reason: WildcardComplexity.message,
                    path: "$." + String(decoding: paths[pathID], as: UTF8.self), offset: nil, source: json)
            }
        }
        subRules = compiled
        listCount = lists.count
        trie = PathTrie(paths: paths)
        needs = EventFlattener.PathNeeds(numbers: numbers, addresses: addresses)
    }

    /// Whether the event (JSON text) matches. Throws when the event is not a well-formed JSON object.
    public func matches(_ event: String) throws(EBMatchError) -> Bool {
        var matcher = Matcher()
        return try matcher.matches(self, utf8: Array(event.utf8))
    }

    /// Whether the event (JSON text as UTF-8 bytes) matches.
    public func matches(utf8 event: [UInt8]) throws(EBMatchError) -> Bool {
        var matcher = Matcher()
        return try matcher.matches(self, utf8: event)
    }

    /// The number of sub-rules after `$or` is multiplied out.
    public var subRuleCount: Int { subRules.count }
    /// The distinct paths the pattern tests, e.g. `detail.eventBody.queueId`.
    public var paths: [String] { trie.paths.map { String(decoding: $0, as: UTF8.self) } }
}

/// One sub-rule, its paths replaced by path ids.
struct CompiledSubRule: Sendable {
    var fields: [CompiledField]
}

/// One path of a sub-rule with its matchers.
struct CompiledField: Sendable {
    var pathID: Int32
    /// Identifies the list among the pattern's lists, for judging each list once per event.
    var listID: Int32
    var list: MatcherList
    /// Whether the pattern has IP matchers on this path: only then do its number literals see string
    /// leaves that are addresses (the reference's quirk, spec §4.11). In a `RuleSet` another rule may
    /// make the scanner parse addresses on the path; this keeps each rule's answer its own.
    var addresses: Bool
}
