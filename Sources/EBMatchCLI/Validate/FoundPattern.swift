import EBMatch

/// A pattern found in a file, with what is needed to point at its faults in that file.
///
/// A pattern file is its own pattern. In a template the pattern is a JSON value inside the file (an
/// object written in place, whose bytes are the pattern's) or a JSON string holding the pattern's text,
/// whose escapes shift every position: `offsets` maps each byte of the text back to the file.
struct FoundPattern: Sendable {
    /// What kind of file the pattern came from.
    enum Origin: String, Sendable {
        /// A file holding one pattern.
        case patternFile = "pattern-file"
        /// A CloudFormation, SAM or CDK-synthesized template.
        case cloudFormation = "cloudformation"
        /// Terraform JSON (`terraform show -json` of a plan or state, or a state file).
        case terraform
    }

    /// How positions in `text` become positions in the file.
    enum OffsetMap: Sendable {
        /// The text is the file's bytes from this offset on.
        case shifted(by: Int)
        /// The text was decoded from a JSON string: the file offset of each byte, plus one for the end.
        case table([Int])

        /// The file offset of a text offset (offsets past the end stay past the end).
        func fileOffset(_ offset: Int) -> Int {
            switch self {
            case .shifted(let base): return base + offset
            case .table(let offsets):
                guard let last = offsets.last else { return offset }
                return offset < offsets.count ? offsets[max(0, offset)] : last + (offset - offsets.count + 1)
            }
        }
    }

    /// A part of the pattern that cannot be known before deployment (a CloudFormation intrinsic
    /// function, a value Terraform computes at apply time).
    struct Unknown: Sendable {
        /// What it is and what ebmatch did about it.
        var message: String
        /// Its offset in the file.
        var fileOffset: Int
        /// Its JSON path in the pattern (`$` for the whole pattern).
        var path: String
    }

    /// The file's display name.
    var file: String
    /// The resource holding the pattern (`OnQueueEnd`, `MyFunction.Events.OnEnd`,
    /// `aws_cloudwatch_event_rule.queue_end`), or nil for a pattern file.
    var resource: String?
    /// The kind of file.
    var origin: Origin
    /// Where the pattern will be used.
    var target: PatternTarget
    /// The pattern's text, or nil when it cannot be checked at all (see `unknowns`).
    var text: [UInt8]?
    /// How positions in `text` map to the file.
    var offsets: OffsetMap
    /// The file offset where the pattern's value starts (where findings without a position point).
    var anchor: Int
    /// What could not be checked statically.
    var unknowns: [Unknown] = []
    /// Whether placeholders stand in `text` for parts only known at deployment: AWS's message quoting
    /// `text` would then not be what AWS says.
    var hasPlaceholders = false
    /// Whether the template plainly puts the rule on the account's default event bus (no bus named, or
    /// `default`), where partner events such as Genesys Cloud's never arrive. False for pattern files
    /// and for a bus given by reference.
    var onDefaultBus = false

    /// Whether a rule's event bus setting (`EventBusName`, `event_bus_name`) names the default bus: absent,
    /// null, `default`, or the default bus's ARN. A reference (`{"Ref": …}`) may be any bus: false.
    static func namesDefaultBus(_ setting: JSONValue?) -> Bool {
        guard let setting else { return true }
        if case .null = setting.kind { return true }
        guard let name = setting.string else { return false }
        return name == "default" || (name.hasPrefix("arn:") && name.hasSuffix(":event-bus/default"))
    }

    /// The name a report gives the pattern: its resource, or the file for a pattern file.
    var name: String { resource ?? file }
}
