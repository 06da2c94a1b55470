import EBMatch

/// CloudFormation intrinsic functions (`{"Ref": …}`, `{"Fn::Sub": …}`, `{"Fn::If": …}`) inside a pattern
/// written in place in a template: their values are only known at deployment.
///
/// Each one is replaced, in a copy of the pattern's text, by JSON of the same length (padded with
/// spaces, so every other position stays where it is in the file) of the kind its place calls for: a
/// string in a value list or as a string operator's operand, a number as a `numeric` bound, `true` for
/// `exists`, a CIDR block for `cidr`, a one-string list as a field's whole list, a one-field object as
/// a `$or` branch, a number in an `anything-but` list of numbers. The rest of the pattern is then
/// checked. Where no stand-in fits (the whole pattern,
/// a `numeric` operator name) the pattern is not checked, and a warning says so.
enum IntrinsicFunctions {
    /// What may stand in for an intrinsic function, judged by where it sits in the pattern.
    enum StandIn: Equatable {
        case string, number, boolean, cidr, valueList, branch

        /// How a warning names it.
        var description: String {
            switch self {
            case .string: return "a placeholder string"
            case .number: return "a placeholder number"
            case .boolean: return "the value true"
            case .cidr: return "the CIDR block 0.0.0.0/0"
            case .valueList: return "a list of one placeholder string"
            case .branch: return "a placeholder branch"
            }
        }
    }

    /// An intrinsic function inside a pattern.
    struct Occurrence {
        var function: String
        var value: JSONValue
        var path: String
        /// What can stand in for it, or nil if nothing can.
        var standIn: StandIn?
    }

    /// The pattern's text with stand-ins (nil when some intrinsic has none), and a warning per intrinsic.
    static func substitute(in pattern: JSONValue, source: [UInt8]) -> (text: [UInt8]?, unknowns: [FoundPattern.Unknown]) {
        var text = Array(source[pattern.range])
        var unknowns: [FoundPattern.Unknown] = []
        for occurrence in occurrences(in: pattern) {
            let range = occurrence.value.range
            guard let stand = occurrence.standIn, let replacement = standIn(stand, for: source[range]) else {
                unknowns.append(
                    FoundPattern.Unknown(
                        message: "\(occurrence.function) cannot be checked statically here; the pattern is not checked",
                        fileOffset: range.lowerBound, path: occurrence.path))
                return (nil, unknowns)
            }
            unknowns.append(
                FoundPattern.Unknown(
                    message: "\(occurrence.function) cannot be checked statically; \(stand.description) stands in for it",
                    fileOffset: range.lowerBound, path: occurrence.path))
            let start = range.lowerBound - pattern.range.lowerBound
            text.replaceSubrange(start..<start + range.count, with: replacement)
        }
        return (text, unknowns)
    }

    /// The name of the intrinsic function a value is (`Ref`, `Fn::Sub`, …), or nil.
    static func function(of value: JSONValue) -> String? {
        guard let members = value.members, members.count == 1 else { return nil }
        let name = members[0].name
        // (`Condition` is a function only inside Fn::And, Fn::Or, Fn::Not and Fn::If; in a pattern it is a
        // field name.)
        return name == "Ref" || name.hasPrefix("Fn::") ? name : nil
    }

    /// JSON of exactly the length of `original` that is a valid `stand`; nil when `original` is too short.
    static func standIn(_ stand: StandIn, for original: ArraySlice<UInt8>) -> [UInt8]? {
        func padded(_ text: String) -> [UInt8]? {
            let bytes = Array(text.utf8)
            guard bytes.count <= original.count else { return nil }
            return bytes + Array(repeating: UInt8(ascii: " "), count: original.count - bytes.count)
        }
        switch stand {
        case .string:
            return placeholderString(for: original)
        case .number:
            return padded("1")
        case .boolean:
            return padded("true")
        case .cidr:
            return padded(#""0.0.0.0/0""#)
        case .valueList:
            guard original.count >= 4 else { return nil }
            return Array("[".utf8) + placeholderString(for: original.dropFirst().dropLast()) + Array("]".utf8)
        case .branch:
            guard original.count >= 10 else { return nil }
            return Array(#"{"_":["#.utf8) + placeholderString(for: original.dropFirst(6).dropLast(2)) + Array("]}".utf8)
        }
    }

    /// A JSON string of exactly the length of `original` (at least 2) that still reads like it:
    /// `{"Ref": "Env"}` becomes `"{Ref: Env}   "`.
    static func placeholderString(for original: ArraySlice<UInt8>) -> [UInt8] {
        // Quotes and backslashes dropped, control and non-ASCII bytes blanked: the result is always a
        // well-formed string, whatever the intrinsic held.
        let inner = original.filter { $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
            .map { $0 < 0x20 || $0 >= 0x80 ? UInt8(ascii: " ") : $0 }
        let width = max(0, original.count - 2)
        let body = Array(inner.prefix(width)) + Array(repeating: UInt8(ascii: " "), count: max(0, width - inner.count))
        return Array("\"".utf8) + body + Array("\"".utf8)
    }

    /// Where a value sits in a pattern, which decides what may stand in for an intrinsic there.
    private enum Place: Equatable {
        /// A pattern object: the root, a nested field object or a `$or` branch.
        case structure
        /// The value of `$or`: its elements are branches.
        case branches
        /// A field's list: its elements are values or operator objects.
        case valueList
        /// An operator object in a value list.
        case operatorObject
        /// The operand of the named operator.
        case operand(String)
        /// Anywhere else.
        case other
    }

    /// What may stand in for an intrinsic as the operand of the operator `name`.
    private static func operandStandIn(_ name: String) -> StandIn? {
        switch name {
        case "prefix", "suffix", "equals-ignore-case", "wildcard", "exactly", "anything-but": return .string
        case "exists": return .boolean
        case "cidr": return .cidr
        default: return nil
        }
    }

    /// The intrinsic functions of a pattern in document order, each with what may stand in for it
    /// (walked without recursion).
    static func occurrences(in root: JSONValue) -> [Occurrence] {
        if let function = function(of: root) {
            return [Occurrence(function: function, value: root, path: "$", standIn: nil)]
        }
        var found: [Occurrence] = []
        var pending: [(JSONValue, Place, String)] = [(root, .structure, "$")]
        while let (value, place, path) = pending.popLast() {
            // Each child: its value, where it sits (if walked into), its path, and what may stand in for
            // it if it is an intrinsic.
            var children: [(JSONValue, Place, String, StandIn?)] = []
            switch value.kind {
            case .object(let members):
                for member in members {
                    let childPath = JSONPath.appending(member.name, to: path)
                    switch place {
                    case .structure where member.name == "$or":
                        children.append((member.value, .branches, childPath, nil))
                    case .structure:
                        let nested = member.value.members != nil
                        children.append((member.value, nested ? .structure : .valueList, childPath, .valueList))
                    case .operatorObject:
                        children.append((member.value, .operand(member.name), childPath, operandStandIn(member.name)))
                    case .operand(let outer) where outer == "anything-but" || outer == "prefix" || outer == "suffix":
                        // `{"anything-but": {"prefix": …}}`, `{"prefix": {"equals-ignore-case": …}}`
                        children.append((member.value, .operand(member.name), childPath, operandStandIn(member.name)))
                    default:
                        children.append((member.value, .other, childPath, nil))
                    }
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() {
                    let childPath = "\(path)[\(index)]"
                    switch place {
                    case .valueList:
                        children.append((element, .operatorObject, childPath, .string))
                    case .branches:
                        children.append((element, .structure, childPath, .branch))
                    case .operand(let name):
                        let stand: StandIn?
                        if name == "numeric" {
                            stand = index % 2 == 1 ? .number : nil
                        } else if name == "anything-but" {
                            // A list of numbers wants a number, any other list a string.
                            let numbers = elements.contains { if case .number = $0.kind { return true } else { return false } }
                            stand = numbers ? .number : .string
                        } else {
                            stand = nil
                        }
                        children.append((element, .other, childPath, stand))
                    default:
                        children.append((element, .other, childPath, nil))
                    }
                }
            default:
                break
            }
            for (child, childPlace, childPath, stand) in children.reversed() {
                if let function = function(of: child) {
                    found.append(Occurrence(function: function, value: child, path: childPath, standIn: stand))
                } else {
                    pending.append((child, childPlace, childPath))
                }
            }
        }
        return found.sorted { $0.value.range.lowerBound < $1.value.range.lowerBound }
    }
}

