import EBMatch

/// Finds the event patterns of a CloudFormation template (SAM and CDK-synthesized templates too):
///
/// - `AWS::Events::Rule`: `Properties.EventPattern`, an object or a JSON string;
/// - `AWS::Serverless::Function` and `AWS::Serverless::StateMachine`: `Properties.Events.<name>` of type
///   `EventBridgeRule` or `CloudWatchEvent`, `Properties.Pattern`;
/// - `AWS::Pipes::Pipe`: `Properties.SourceParameters.FilterCriteria.Filters[].Pattern` (Pipes rules).
///
/// Intrinsic functions (`{"Ref": …}`, `{"Fn::Sub": …}`) are only known at deployment. Where the pattern
/// language wants a string (an element of a value list, the operand of `prefix`, `wildcard`, …) one is
/// checked as a placeholder string of the same length, so the rest of the pattern is still checked;
/// anywhere else the pattern cannot be checked statically and is reported as such.
enum CloudFormationPatterns {
    /// Whether a document is a CloudFormation template: it has `Resources` or a template version.
    static func isTemplate(_ root: JSONValue) -> Bool {
        root["AWSTemplateFormatVersion"] != nil || root["Resources"]?.members != nil
    }

    /// Every pattern of the template, in document order.
    static func patterns(in root: JSONValue, source: [UInt8], file: String) -> [FoundPattern] {
        var found: [FoundPattern] = []
        for resource in root["Resources"]?.members ?? [] {
            let properties = resource.value["Properties"]
            switch resource.value["Type"]?.string {
            case "AWS::Events::Rule":
                if let pattern = properties?["EventPattern"] {
                    found.append(read(pattern, source: source, file: file, resource: resource.name, target: .eventBus))
                }
            case "AWS::Serverless::Function", "AWS::Serverless::StateMachine":
                for event in properties?["Events"]?.members ?? [] {
                    guard let kind = event.value["Type"]?.string, kind == "EventBridgeRule" || kind == "CloudWatchEvent",
                        let pattern = event.value["Properties"]?["Pattern"]
                    else { continue }
                    let name = "\(resource.name).Events.\(event.name)"
                    found.append(read(pattern, source: source, file: file, resource: name, target: .eventBus))
                }
            case "AWS::Pipes::Pipe":
                let filters = properties?["SourceParameters"]?["FilterCriteria"]?["Filters"]?.elements ?? []
                for (index, filter) in filters.enumerated() {
                    guard let pattern = filter["Pattern"] else { continue }
                    let name = "\(resource.name).Filters[\(index)]"
                    found.append(read(pattern, source: source, file: file, resource: name, target: .pipes))
                }
            default:
                continue
            }
        }
        return found
    }

    /// The pattern held by `value`: a JSON string holding the pattern, or the pattern written in place.
    static func read(
        _ value: JSONValue, source: [UInt8], file: String, resource: String, target: PatternTarget
    ) -> FoundPattern {
        var pattern = FoundPattern(
            file: file, resource: resource, origin: .cloudFormation, target: target, text: nil,
            offsets: .shifted(by: value.range.lowerBound), anchor: value.range.lowerBound)
        if let (text, offsets) = value.decodedString(in: source) {
            pattern.text = text
            pattern.offsets = .table(offsets)
            return pattern
        }
        var text = Array(source[value.range])
        for intrinsic in intrinsics(in: value) {
            let path = intrinsic.path
            guard intrinsic.placeholderAllowed else {
                pattern.unknowns.append(
                    FoundPattern.Unknown(
                        message: "\(intrinsic.function) cannot be checked statically here; the pattern is not checked",
                        fileOffset: intrinsic.value.range.lowerBound, path: path))
                pattern.text = nil
                return pattern
            }
            pattern.unknowns.append(
                FoundPattern.Unknown(
                    message: "\(intrinsic.function) cannot be checked statically; a placeholder string stands in for it",
                    fileOffset: intrinsic.value.range.lowerBound, path: path))
            let range = intrinsic.value.range
            let start = range.lowerBound - value.range.lowerBound
            text.replaceSubrange(start..<start + range.count, with: placeholder(for: source[range]))
        }
        pattern.text = text
        return pattern
    }

    /// A JSON string of exactly the length of `original` (so every other position in the pattern stays
    /// where it is in the file) that still reads like it: `{"Ref": "Env"}` becomes `"{Ref: Env}   "`.
    static func placeholder(for original: ArraySlice<UInt8>) -> [UInt8] {
        var inner = original.dropFirst().dropLast().filter { $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        inner = [original.first ?? UInt8(ascii: "{")] + inner.map { $0 < 0x20 || $0 >= 0x80 ? UInt8(ascii: " ") : $0 }
            + [original.last ?? UInt8(ascii: "}")]
        inner += Array(repeating: UInt8(ascii: " "), count: max(0, original.count - 2 - inner.count))
        return [UInt8(ascii: "\"")] + inner.prefix(original.count - 2) + [UInt8(ascii: "\"")]
    }

    /// The name of the intrinsic function a value is (`Ref`, `Fn::Sub`, …), or nil.
    static func intrinsicFunction(_ value: JSONValue) -> String? {
        guard let members = value.members, members.count == 1 else { return nil }
        let name = members[0].name
        return name == "Ref" || name == "Condition" || name.hasPrefix("Fn::") ? name : nil
    }

    /// An intrinsic function inside a pattern.
    struct Intrinsic {
        var function: String
        var value: JSONValue
        var path: String
        /// Whether a string is acceptable in its place, so that a placeholder can stand in for it.
        var placeholderAllowed: Bool
    }

    /// Operators whose operand is a string.
    private static let stringOperators: Set<String> = [
        "prefix", "suffix", "equals-ignore-case", "wildcard", "exactly", "anything-but",
    ]

    /// Where a value sits in a pattern, which decides whether a string could stand there.
    private enum Place {
        /// A pattern object (the root, a nested field object or a `$or` branch).
        case structure
        /// The array of a field: its elements are values or operator objects.
        case valueList
        /// An operator object of a value list.
        case operatorObject
        /// Anywhere else.
        case other(stringAllowed: Bool)

        var allowsString: Bool {
            if case .other(let allowed) = self { return allowed }
            return false
        }
    }

    /// The intrinsic functions in a pattern written in place, in document order (walked without recursion).
    static func intrinsics(in root: JSONValue) -> [Intrinsic] {
        var found: [Intrinsic] = []
        if let function = intrinsicFunction(root) {
            return [Intrinsic(function: function, value: root, path: "$", placeholderAllowed: false)]
        }
        var pending: [(JSONValue, Place, String)] = [(root, .structure, "$")]
        while let (value, place, path) = pending.popLast() {
            var children: [(JSONValue, Place, String)] = []
            switch value.kind {
            case .object(let members):
                for member in members {
                    let childPath = JSONPath.appending(member.name, to: path)
                    let childPlace: Place
                    switch place {
                    case .structure:
                        childPlace = member.value.elements != nil && member.name != "$or" ? .valueList : .structure
                    case .operatorObject:
                        childPlace = .other(stringAllowed: stringOperators.contains(member.name))
                    case .valueList, .other:
                        childPlace = .other(stringAllowed: false)
                    }
                    children.append((member.value, childPlace, childPath))
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() {
                    let childPlace: Place
                    switch place {
                    case .valueList: childPlace = element.members != nil ? .operatorObject : .other(stringAllowed: true)
                    case .structure: childPlace = .structure  // `$or` branches
                    case .operatorObject, .other: childPlace = .other(stringAllowed: place.allowsString)
                    }
                    children.append((element, childPlace, "\(path)[\(index)]"))
                }
            default:
                break
            }
            for (child, childPlace, childPath) in children.reversed() {
                if let function = intrinsicFunction(child) {
                    let allowed: Bool
                    switch childPlace {
                    case .operatorObject: allowed = true  // an element of a value list
                    case .other(let stringAllowed): allowed = stringAllowed
                    case .structure, .valueList: allowed = false
                    }
                    found.append(
                        Intrinsic(function: function, value: child, path: childPath, placeholderAllowed: allowed))
                } else {
                    pending.append((child, childPlace, childPath))
                }
            }
        }
        return found.sorted { $0.value.range.lowerBound < $1.value.range.lowerBound }
    }
}
