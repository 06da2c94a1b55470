import EBMatch

/// Something in a well-formed event that Foundation's `JSONDecoder` would read differently from
/// EventBridge, or not at all, found in the tree EBMatch read so that the receiver can say where it is.
///
/// Without this check a member named twice is matched by EventBridge (and the receiver's own checks)
/// on one value and decoded from another (Foundation keeps the first, EBMatch's tree the last), so an
/// event could pass `acceptedTopics` as `acd.end` and decode as `customer.end`; and a number beyond
/// `Double` or nesting past Foundation's limit failed as "The given data was not valid JSON." at 1:1.
enum DecodingObstacle: Equatable {
    /// A member name given twice in one object: byte offsets of the first and of the repeated name.
    case duplicateMember(name: String, steps: [JSONPath.Step], firstOffset: Int, offset: Int)
    /// A number too large for a `Double` (`1e400`), at its byte offset.
    case numberOutOfRange(text: String, steps: [JSONPath.Step], offset: Int)
    /// A value nested deeper than `GenesysJSON.maxDepth`, at its byte offset.
    case tooDeep(steps: [JSONPath.Step], offset: Int)

    /// The first obstacle in document order, or nil when Foundation reads the event as EventBridge does.
    static func first(in root: JSONValue) -> DecodingObstacle? {
        // Iterative, as EBMatch reads: an event may nest 1,000 levels, a Lambda thread's stack is small.
        var pending: [(value: JSONValue, steps: [JSONPath.Step])] = [(root, [])]
        while let (value, steps) = pending.popLast() {
            if steps.count > GenesysJSON.maxDepth {
                return .tooDeep(steps: steps, offset: value.range.lowerBound)
            }
            var children: [(value: JSONValue, steps: [JSONPath.Step])] = []
            switch value.kind {
            case .object(let members):
                var seen: [String: Int] = [:]
                for member in members {
                    if let firstOffset = seen[member.name] {
                        return .duplicateMember(
                            name: member.name, steps: steps + [.member(member.name)], firstOffset: firstOffset,
                            offset: member.nameOffset)
                    }
                    seen[member.name] = member.nameOffset
                    children.append((member.value, steps + [.member(member.name)]))
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() {
                    children.append((element, steps + [.element(index)]))
                }
            case .number(let text):
                // `Double(_:)` gives infinity (or nil) past the largest finite value, as Foundation refuses it.
                guard let number = Double(text), number.isFinite else {
                    return .numberOutOfRange(text: text, steps: steps, offset: value.range.lowerBound)
                }
            case .string, .bool, .null:
                break
            }
            // Reversed onto the stack, so that values are visited in document order.
            pending += children.reversed()
        }
        return nil
    }

    /// The receiver's error for the obstacle, with line and column in `source`.
    func error(in source: [UInt8]) -> GenesysReceiveError {
        switch self {
        case .duplicateMember(let name, let steps, let firstOffset, let offset):
            let first = TextPosition(offset: firstOffset, in: source)
            return Self.malformed(
                steps, offset, source,
                "member \"\(name)\" is given twice in one object (first at line \(first.line), column \(first.column)); "
                    + "EventBridge matches either value, so the event is ambiguous")
        case .numberOutOfRange(let text, let steps, let offset):
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return Self.malformed(steps, offset, source, "the number \(shown) is beyond the range of a 64-bit floating-point number")
        case .tooDeep(let steps, let offset):
            return Self.malformed(steps, offset, source, "JSON nested deeper than \(GenesysJSON.maxDepth) levels")
        }
    }

    private static func malformed(
        _ steps: [JSONPath.Step], _ offset: Int, _ source: [UInt8], _ message: String
    ) -> GenesysReceiveError {
        let position = TextPosition(offset: offset, in: source)
        return .malformed(line: position.line, column: position.column, path: JSONLocator.path(steps), message: message)
    }
}
