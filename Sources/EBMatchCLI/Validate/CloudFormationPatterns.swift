import EBMatch

/// Finds the event patterns of a CloudFormation template (SAM and CDK-synthesized templates too):
///
/// - `AWS::Events::Rule`: `Properties.EventPattern`, an object or a JSON string;
/// - `AWS::Serverless::Function` and `AWS::Serverless::StateMachine`: `Properties.Events.<name>` of type
///   `EventBridgeRule` or `CloudWatchEvent`, `Properties.Pattern`;
/// - `AWS::Pipes::Pipe`: `Properties.SourceParameters.FilterCriteria.Filters[].Pattern` (Pipes rules).
///
/// Intrinsic functions inside a pattern (`{"Ref": …}`, `{"Fn::Sub": …}`) are handled by
/// `IntrinsicFunctions`.
enum CloudFormationPatterns {
    /// Every pattern of the template, in document order.
    static func patterns(in root: JSONValue, source: [UInt8], file: String) -> [FoundPattern] {
        var found: [FoundPattern] = []
        for resource in root["Resources"]?.members ?? [] {
            let properties = resource.value["Properties"]
            switch resource.value["Type"]?.string {
            case "AWS::Events::Rule":
                if let pattern = properties?["EventPattern"] {
                    var rule = read(pattern, source: source, file: file, resource: resource.name, target: .eventBus)
                    rule.onDefaultBus = FoundPattern.namesDefaultBus(properties?["EventBusName"])
                    found.append(rule)
                }
            case "AWS::Serverless::Function", "AWS::Serverless::StateMachine":
                for event in properties?["Events"]?.members ?? [] {
                    guard let kind = event.value["Type"]?.string, kind == "EventBridgeRule" || kind == "CloudWatchEvent",
                        let pattern = event.value["Properties"]?["Pattern"]
                    else { continue }
                    let name = "\(resource.name).Events.\(event.name)"
                    var rule = read(pattern, source: source, file: file, resource: name, target: .eventBus)
                    rule.onDefaultBus = FoundPattern.namesDefaultBus(event.value["Properties"]?["EventBusName"])
                    found.append(rule)
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
        let substituted = IntrinsicFunctions.substitute(in: value, source: source)
        pattern.text = substituted.text
        pattern.hasPlaceholders = substituted.text != nil && !substituted.unknowns.isEmpty
        pattern.unknowns = substituted.unknowns
        return pattern
    }
}
