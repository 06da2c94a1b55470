// Compiled into the EBMatchTests target and, by Tests/Fuzz/run.sh, into the `match` fuzz target (there as
// part of module EBMatch itself, hence the conditional import). Never part of the library.
#if !EBMATCH_FUZZ
    @testable import EBMatch
#endif

/// A slow, obviously-correct evaluator of a pattern against an event, written straight from the spec
/// (../shared/spec/SEMANTICS.md §3.2, §4.1–§4.4) to check the fast matcher against.
///
/// It shares with the matcher only the pattern parser (its `SubRule`s are the syntax tree), the JSON
/// tree reader, and the judgement of one value by one operator (`ValueMatcher.accepts`, with number keys
/// and IP addresses computed for every leaf). Everything structural is its own: flattening a tree into
/// leaves with their array memberships, joining paths, the UTF-16 order of a sub-rule's paths, and a
/// plain backtracking search for a consistent choice of leaves. So it knows nothing of path tries,
/// skipped subtrees, per-path "needs", candidate caches, memoised searches or rule-set anchors.
enum ReferenceEvaluator {
    /// The answer for one event.
    enum Verdict: Equatable {
        case matched
        case notMatched
        /// The event is not well-formed JSON, or not an object: the matcher must throw.
        case eventError
        /// The search took more than its step budget (adversarial inputs): no answer.
        case undecided
    }

    /// A flattened leaf.
    struct Leaf {
        var path: [UInt8]
        var kind: EventFields.Kind
        /// Decoded string contents, or the literal text of a number, `true`, `false`, `null`.
        var bytes: [UInt8]
        /// (array number, element index) for each array the leaf sits in through a container element.
        var memberships: [(array: Int, index: Int)]
    }

    /// Evaluates a pattern (which must be valid) against an event. `budget` bounds the search steps.
    static func evaluate(pattern: [UInt8], event: [UInt8], budget: Int = 200_000) -> Verdict {
        guard let rules = try? PatternParser.parse(pattern, ruleName: "rule") else {
            preconditionFailure("the reference evaluates valid patterns only")
        }
        guard let root = try? JSONValue.parse(utf8: event, ignoringTrailingContent: true),
            case .object = root.kind
        else { return .eventError }
        var leaves: [Leaf] = []
        var arrays = 0
        flatten(root, path: nil, memberships: [], event, &leaves, &arrays)

        // §4.11: string leaves are seen as addresses only on paths where the pattern has an IP matcher.
        var addressPaths = Set<[UInt8]>()
        for rule in rules {
            for field in rule.fields where field.matchers.valueMatchers.contains(where: { $0.needsAddresses }) {
                addressPaths.insert(field.path)
            }
        }
        var stepsLeft = budget
        var undecided = false
        for rule in rules {
            switch holds(rule, leaves, addressPaths, &stepsLeft) {
            case true?: return .matched
            case false?: break
            case nil: undecided = true
            }
        }
        return undecided ? .undecided : .notMatched
    }

    /// §3.2: leaves only; keys joined with "."; arrays add no step; a container that is element i of
    /// array A puts every leaf beneath it in (A, i); a scalar element records nothing for A.
    static func flatten(
        _ value: JSONValue, path: [UInt8]?, memberships: [(array: Int, index: Int)], _ source: [UInt8],
        _ leaves: inout [Leaf], _ arrays: inout Int
    ) {
        switch value.kind {
        case .object(let members):
            for member in members {
                let name = memberName(at: member.nameOffset, source)
                let inner = path.map { $0 + [UInt8(ascii: ".")] + name } ?? name
                flatten(member.value, path: inner, memberships: memberships, source, &leaves, &arrays)
            }
        case .array(let elements):
            let array = arrays
            arrays += 1
            for (index, element) in elements.enumerated() {
                switch element.kind {
                case .object, .array:
                    flatten(
                        element, path: path, memberships: memberships + [(array, index)], source, &leaves, &arrays)
                default:
                    flatten(element, path: path, memberships: memberships, source, &leaves, &arrays)
                }
            }
        case .string:
            let text = value.decodedString(in: source)?.utf8 ?? []
            leaves.append(Leaf(path: path ?? [], kind: .string, bytes: text, memberships: memberships))
        case .number:
            leaves.append(
                Leaf(path: path ?? [], kind: .number, bytes: Array(source[value.range]), memberships: memberships))
        case .bool(let flag):
            leaves.append(
                Leaf(
                    path: path ?? [], kind: flag ? .trueValue : .falseValue, bytes: Array(source[value.range]),
                    memberships: memberships))
        case .null:
            leaves.append(Leaf(path: path ?? [], kind: .null, bytes: Array(source[value.range]), memberships: memberships))
        }
    }

    /// The decoded bytes of the member name whose opening quote is at `offset` (the tree's `String` names
    /// would turn a lone surrogate's `?` or other bytes into something else).
    static func memberName(at offset: Int, _ source: [UInt8]) -> [UInt8] {
        var end = offset + 1
        while end < source.count && source[end] != UInt8(ascii: "\"") {
            end += source[end] == UInt8(ascii: "\\") ? 2 : 1
        }
        return source.withUnsafeBufferPointer { JSONStringDecoder.decoded($0, offset + 1..<end) }
    }

    /// Whether one sub-rule holds (§4.2, §4.4), or nil when the budget ran out.
    static func holds(
        _ rule: SubRule, _ leaves: [Leaf], _ addressPaths: Set<[UInt8]>, _ stepsLeft: inout Int
    ) -> Bool? {
        // The paths in UTF-16 code-unit order, as the reference engine walks them.
        let fields = rule.fields.sorted {
            Array(String(decoding: $0.path, as: UTF8.self).utf16)
                .lexicographicallyPrecedes(Array(String(decoding: $1.path, as: UTF8.self).utf16))
        }
        // Per field: every leaf on its path, and those some value matcher of its list accepts.
        var onPath: [[Int]] = []
        var accepted: [[Int]] = []
        for field in fields {
            let here = leaves.indices.filter { leaves[$0].path == field.path }
            onPath.append(here)
            accepted.append(
                here.filter { index in
                    let leaf = leaves[index]
                    var probe = EventFields.Leaf(
                        pathID: 0, kind: leaf.kind, isDecoded: false, hasNumberKey: false, start: 0,
                        end: Int32(leaf.bytes.count), trail: -1, nextOnPath: -1, numberKey: 0, address: nil)
                    return leaf.bytes.withUnsafeBufferPointer { bytes in
                        if leaf.kind == .number, let key = ComparableNumber.key(literal: bytes) {
                            probe.numberKey = key
                            probe.hasNumberKey = true
                        }
                        if leaf.kind == .string && addressPaths.contains(field.path) {
                            probe.address = IPAddress.parse(bytes)
                        }
                        return field.matchers.valueMatchers.contains { $0.accepts(probe, bytes) }
                    }
                })
        }
        var pins: [Int: Int] = [:]
        func agrees(_ leaf: Leaf) -> Bool {
            leaf.memberships.allSatisfy { membership in
                guard let pinned = pins[membership.array] else { return true }
                return pinned == membership.index
            }
        }
        // Fields k... with the pins made by fields ..<k.
        func search(_ k: Int) -> Bool? {
            guard k < fields.count else { return true }
            stepsLeft -= 1
            if stepsLeft < 0 { return nil }
            for index in accepted[k] where agrees(leaves[index]) {
                let saved = pins
                for membership in leaves[index].memberships where pins[membership.array] == nil {
                    pins[membership.array] = membership.index
                }
                let found = search(k + 1)
                pins = saved
                if found != false { return found }
            }
            // `exists: false`: no leaf on the path agrees with the pins made so far; it pins nothing.
            guard fields[k].matchers.allowsAbsence else { return false }
            if onPath[k].contains(where: { agrees(leaves[$0]) }) { return false }
            return search(k + 1)
        }
        return search(0)
    }
}
