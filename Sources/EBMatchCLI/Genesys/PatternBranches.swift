import EBMatch

/// The conditions of a pattern, one list per alternative after `$or` is multiplied out: what
/// `genesys lint` reads, since a condition only means something next to the `source` and
/// `detail-type` of its own alternative.
struct PatternBranches {
    /// One field's condition list.
    struct Condition: Sendable {
        /// The field's path, split at dots (`detail.eventBody.queueId`; a dotted key is split too,
        /// as EventBridge reads `"detail.eventBody.queueId": [...]` as that path).
        var field: [String]
        /// The condition list, a JSON array.
        var list: JSONValue
        /// The JSON path of the list in the pattern: `$.detail.eventBody.queueId`.
        var jsonPath: String
        /// Byte offset in the pattern of the member name holding the list.
        var nameOffset: Int

        /// The field path as written in messages: `detail.eventBody.queueId`.
        var dottedField: String { field.joined(separator: ".") }

        /// Whether the field is `prefix` followed by more.
        func isBelow(_ prefix: [String]) -> Bool {
            field.count > prefix.count && field.starts(with: prefix)
        }

        /// Whether every condition in the list is `{"exists": false}` (true of events without the field).
        var onlyAbsence: Bool {
            guard let elements = list.elements, !elements.isEmpty else { return false }
            return elements.allSatisfy { element in
                guard let members = element.members, members.count == 1, members[0].name == "exists",
                    case .bool(false) = members[0].value.kind
                else { return false }
                return true
            }
        }
    }

    /// The most alternatives read; the rest of a larger cross product is not linted.
    static let maxBranches = 1024
    /// The deepest object nesting followed (EventBridge allows deeper; a lint need not follow it).
    static let maxDepth = 256

    /// Each alternative's conditions, in pattern order.
    private(set) var branches: [[Condition]] = []
    /// Whether part of the pattern was left out: alternatives past `maxBranches`, or objects deeper
    /// than `maxDepth`.
    private(set) var truncated = false

    /// The alternatives of a pattern's parsed tree (a valid pattern: an object of objects and lists).
    init(_ pattern: JSONValue) {
        branches = expand(pattern, field: [], jsonPath: "$", depth: 0)
    }

    /// The alternatives of one object of the pattern, below `field`.
    private mutating func expand(_ object: JSONValue, field: [String], jsonPath: String, depth: Int) -> [[Condition]] {
        var result: [[Condition]] = [[]]
        guard let members = object.members else { return result }
        guard depth < Self.maxDepth else {
            truncated = truncated || !members.isEmpty
            return result
        }
        for member in members {
            let path = JSONPath.appending(member.name, to: jsonPath)
            if member.name == "$or", let elements = member.value.elements {
                var alternatives: [[Condition]] = []
                for (index, element) in elements.enumerated() where element.members != nil {
                    alternatives += expand(element, field: field, jsonPath: path + "[\(index)]", depth: depth + 1)
                }
                result = cross(result, alternatives)
                continue
            }
            let name = field + member.name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            switch member.value.kind {
            case .array:
                let condition = Condition(field: name, list: member.value, jsonPath: path, nameOffset: member.nameOffset)
                for index in result.indices { result[index].append(condition) }
            case .object:
                result = cross(result, expand(member.value, field: name, jsonPath: path, depth: depth + 1))
            default:
                continue
            }
        }
        return result
    }

    /// Every pairing of an alternative of `left` with one of `right`, up to `maxBranches`.
    private mutating func cross(_ left: [[Condition]], _ right: [[Condition]]) -> [[Condition]] {
        var result: [[Condition]] = []
        for a in left {
            for b in right {
                guard result.count < Self.maxBranches else {
                    truncated = true
                    return result
                }
                result.append(a + b)
            }
        }
        return result
    }
}
