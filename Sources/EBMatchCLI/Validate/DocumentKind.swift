import EBMatch

/// What a file given to `ebmatch validate` holds, judged by its content.
enum DocumentKind {
    /// A CloudFormation, SAM or CDK-synthesized template.
    case cloudFormation(JSONValue)
    /// `terraform show -json` output or a state file.
    case terraform(JSONValue)
    /// Plainly an event (a whole envelope): a folder walk passes over it.
    case event
    /// One pattern (valid or not: its faults are the findings).
    case pattern
    /// A template or plan that is not well-formed JSON: the error.
    case brokenTemplate(EBMatchError)

    /// The most JSON values read from one template or plan: about 40 bytes each in memory, so a
    /// crafted file cannot take gigabytes (real templates and plans hold far fewer).
    static let maxValues = 4_000_000

    /// Classifies a file's bytes (known to be UTF-8 text).
    static func of(_ bytes: [UInt8]) -> DocumentKind {
        // A template edited on Windows may start with a byte-order mark; blank it out for reading the
        // structure (three spaces keep every offset where it is).
        var structure = bytes
        if structure.starts(with: [0xEF, 0xBB, 0xBF]) { structure.replaceSubrange(0..<3, with: [32, 32, 32]) }
        do {
            let root = try JSONValue.parse(utf8: structure, maxValues: maxValues)
            if isCloudFormation(root) { return .cloudFormation(root) }
            if TerraformPatterns.isTerraform(root) { return .terraform(root) }
            return isEvent(root) ? .event : .pattern
        } catch {
            if error.code == .limitExceeded
                || JSONValue.topLevelNames(utf8: structure).contains(where: templateMembers.contains)
            {
                return .brokenTemplate(error)
            }
            // A pattern file with a syntax fault: EventBridge's answer to it is the finding.
            return .pattern
        }
    }

    /// Top-level members that only templates and Terraform JSON have.
    static let templateMembers: Set<String> = [
        "AWSTemplateFormatVersion", "Resources", "Transform", "format_version", "terraform_version",
    ]

    /// Whether a document is a CloudFormation template: it has a template version, or `Resources`
    /// holding resources (objects with a `Type` string), which a pattern cannot have.
    static func isCloudFormation(_ root: JSONValue) -> Bool {
        if root["AWSTemplateFormatVersion"]?.string != nil { return true }
        guard let resources = root["Resources"]?.members, !resources.isEmpty else { return false }
        return resources.allSatisfy { $0.value["Type"]?.string != nil }
    }

    /// Whether a document is plainly an event, not a pattern: it has a whole envelope (`id`, `source`,
    /// `detail-type`, `account` and `time` strings, and a `detail` object). A pattern written with plain
    /// values instead of lists (`"source": "aws.ec2"`, a common slip) lacks `id`, `account` and `time`,
    /// so it is still checked.
    static func isEvent(_ root: JSONValue) -> Bool {
        ["id", "source", "detail-type", "account", "time"].allSatisfy { root[$0]?.string != nil }
            && root["detail"]?.members != nil
    }

    /// The first NUL byte or byte that is not UTF-8, if any: such a file is not JSON text.
    static func firstNonText(_ bytes: [UInt8]) -> (offset: Int, what: String)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == 0 { return (offset, "a NUL byte") }
                offset += encoded.count
            case .error:
                return (offset, "invalid UTF-8 byte 0x" + String(bytes[offset], radix: 16, uppercase: true))
            case .emptyInput:
                return nil
            }
        }
    }
}
