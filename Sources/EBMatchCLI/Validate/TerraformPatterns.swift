import EBMatch

/// Finds the event patterns of Terraform JSON: the output of `terraform show -json` for a plan or a
/// state, or a state file itself (`terraform.tfstate`).
///
/// - `aws_cloudwatch_event_rule`: `event_pattern` (a JSON string);
/// - `aws_pipes_pipe`: `source_parameters[0].filter_criteria[0].filter[].pattern` (Pipes rules).
///
/// Resources are named by their Terraform address (`module.events.aws_cloudwatch_event_rule.end["a"]`).
/// A plan that cannot know a pattern before apply (it is computed from another resource) says so in
/// `resource_changes[].change.after_unknown`; such a pattern is reported as not checkable.
enum TerraformPatterns {
    /// Whether a document is Terraform JSON that may hold resources.
    static func isTerraform(_ root: JSONValue) -> Bool {
        if root["format_version"] != nil {
            return root["planned_values"] != nil || root["values"] != nil || root["resource_changes"] != nil
        }
        return root["terraform_version"] != nil && root["resources"]?.elements != nil
    }

    /// A resource: its address, type and attribute values.
    private struct Resource {
        var address: String
        var type: String
        var values: JSONValue
    }

    /// Every pattern of the document, in document order.
    static func patterns(in root: JSONValue, source: [UInt8], file: String) -> [FoundPattern] {
        var found: [FoundPattern] = []
        let unknownAfterApply = computedAttributes(root)
        for resource in resources(root) {
            switch resource.type {
            case "aws_cloudwatch_event_rule":
                if let pattern = resource.values["event_pattern"], pattern.string != nil {
                    var rule = read(pattern, source: source, file: file, resource: resource.address, target: .eventBus)
                    // A bus computed at apply time may be any bus.
                    rule.onDefaultBus = unknownAfterApply[resource.address]?.contains("event_bus_name") != true
                        && FoundPattern.namesDefaultBus(resource.values["event_bus_name"])
                    found.append(rule)
                } else if unknownAfterApply[resource.address]?.contains("event_pattern") == true {
                    found.append(unknown(resource, "event_pattern", file: file))
                }
            case "aws_pipes_pipe":
                let criteria = resource.values["source_parameters"]?.elements?.first?["filter_criteria"]
                let filters = criteria?.elements?.first?["filter"]?.elements ?? []
                for (index, filter) in filters.enumerated() {
                    let name = "\(resource.address).filter[\(index)]"
                    if let pattern = filter["pattern"], pattern.string != nil {
                        found.append(read(pattern, source: source, file: file, resource: name, target: .pipes))
                    }
                }
                if filters.isEmpty, unknownAfterApply[resource.address]?.contains("source_parameters") == true {
                    found.append(unknown(resource, "source_parameters", file: file))
                }
            default:
                continue
            }
        }
        return found
    }

    /// A pattern held in a JSON string attribute.
    private static func read(
        _ value: JSONValue, source: [UInt8], file: String, resource: String, target: PatternTarget
    ) -> FoundPattern {
        let decoded = value.decodedString(in: source)
        return FoundPattern(
            file: file, resource: resource, origin: .terraform, target: target, text: decoded?.utf8,
            offsets: .table(decoded?.sourceOffsets ?? [value.range.lowerBound]), anchor: value.range.lowerBound)
    }

    /// A pattern the plan leaves to be computed at apply time.
    private static func unknown(_ resource: Resource, _ attribute: String, file: String) -> FoundPattern {
        let anchor = resource.values.range.lowerBound
        return FoundPattern(
            file: file, resource: resource.address, origin: .terraform, target: .eventBus, text: nil,
            offsets: .shifted(by: anchor), anchor: anchor,
            unknowns: [
                FoundPattern.Unknown(
                    message: "\(attribute) is computed at apply time; the pattern cannot be checked from this plan",
                    fileOffset: anchor, path: "$")
            ])
    }

    /// The resources of `terraform show -json` output (planned values of a plan, values of a state, in
    /// every module) or of a state file.
    private static func resources(_ root: JSONValue) -> [Resource] {
        var found: [Resource] = []
        if let module = root["planned_values"]?["root_module"] ?? root["values"]?["root_module"] {
            var modules = [module]
            var next = 0
            while next < modules.count {
                let module = modules[next]
                next += 1
                for resource in module["resources"]?.elements ?? [] {
                    guard let address = resource["address"]?.string, let type = resource["type"]?.string,
                        let values = resource["values"]
                    else { continue }
                    found.append(Resource(address: address, type: type, values: values))
                }
                modules += module["child_modules"]?.elements ?? []
            }
            return found
        }
        for resource in root["resources"]?.elements ?? [] {
            guard resource["mode"]?.string != "data", let type = resource["type"]?.string,
                let name = resource["name"]?.string
            else { continue }
            let base = (resource["module"]?.string.map { $0 + "." } ?? "") + type + "." + name
            for instance in resource["instances"]?.elements ?? [] {
                guard let attributes = instance["attributes"] else { continue }
                let address: String
                switch instance["index_key"]?.kind {
                case .number(let index): address = base + "[\(index)]"
                case .string(let key): address = base + "[\"\(key)\"]"
                default: address = base
                }
                found.append(Resource(address: address, type: type, values: attributes))
            }
        }
        return found
    }

    /// For a plan: the attributes of each resource address that are only known after apply.
    private static func computedAttributes(_ root: JSONValue) -> [String: Set<String>] {
        var computed: [String: Set<String>] = [:]
        for change in root["resource_changes"]?.elements ?? [] {
            guard let address = change["address"]?.string, let unknown = change["change"]?["after_unknown"] else {
                continue
            }
            for member in unknown.members ?? [] where member.value.kind.isTrue || member.value.elements != nil {
                computed[address, default: []].insert(member.name)
            }
        }
        return computed
    }
}

extension JSONValue.Kind {
    /// Whether this is `true`.
    fileprivate var isTrue: Bool {
        if case .bool(true) = self { return true }
        return false
    }
}
