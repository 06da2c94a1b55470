import EBMatch

/// The Genesys Cloud topics EventBridge delivers, with the fields of each topic's `detail.eventBody`:
/// the table `genesys lint` checks patterns against and `genesys pattern` builds them from.
///
/// The data lives in `genesys-topics.json` next to this file (built from the notes on real payloads)
/// and is compiled into the binary, so a copied `ebmatch` needs no resource files.
struct GenesysTopicTable: Sendable {
    /// What a field holds.
    enum FieldType: Sendable, Equatable {
        case string
        case integer
        case boolean
        /// An object whose members the table lists (as longer paths).
        case object
        /// An object with member names of the user's choosing (`attributes`).
        case map
        /// An object whose members the table does not list.
        case open
        /// A string from a fixed list, named for messages (`mediaType`).
        case enumeration(name: String, values: [String])

        /// How messages name the type.
        var description: String {
            switch self {
            case .string: return "a string"
            case .integer: return "a number"
            case .boolean: return "a boolean"
            case .object, .map, .open: return "an object"
            case .enumeration: return "a string"
            }
        }

        /// Whether values of this type are strings.
        var isString: Bool {
            switch self {
            case .string, .enumeration: return true
            default: return false
            }
        }
    }

    /// One topic.
    struct Topic: Sendable {
        /// The short name people use: `acd.end`, `queue.conversations`.
        var name: String
        /// The topic template EventBridge puts in `detail-type`, with literal `{id}`s.
        var detailType: String
        /// Whether `fields` lists every field the topic has (otherwise only those known so far).
        var complete: Bool
        /// The fields of `detail.eventBody`, by dotted path (arrays are transparent, as in patterns).
        var fields: [String: FieldType]

        /// Whether the topic's events carry a field at `path` (below `detail.eventBody`), and its type:
        /// `.some(nil)` when the path is below a member the table does not describe.
        func field(_ path: String) -> FieldType?? {
            if let type = fields[path] { return .some(type) }
            var prefix = Substring(path)
            while let dot = prefix.lastIndex(of: ".") {
                prefix = prefix[..<dot]
                if let type = fields[String(prefix)] {
                    return type == .map || type == .open ? .some(nil) : nil
                }
            }
            return nil
        }

        /// Whether a concrete `detail.topicName` can be an instance of this topic: the template with
        /// each `{id}` standing for one or more characters other than `.`.
        func isInstance(topicName: String) -> Bool {
            Self.matches(Array(topicName.utf8)[...], template: Array(detailType.utf8)[...], prefixOnly: false)
        }

        /// Whether `prefix` is the start of some instance of this topic's `detail.topicName`.
        func canStart(topicName prefix: String) -> Bool {
            Self.matches(Array(prefix.utf8)[...], template: Array(detailType.utf8)[...], prefixOnly: true)
        }

        private static let placeholder = Array("{id}".utf8)

        /// Template matching without recursion: ids never contain `.`, so each `{id}` takes the bytes
        /// up to the next `.` and there is nothing to backtrack over.
        private static func matches(_ text: ArraySlice<UInt8>, template: ArraySlice<UInt8>, prefixOnly: Bool) -> Bool {
            var t = text.startIndex
            var p = template.startIndex
            while p < template.endIndex {
                if template[p...].starts(with: placeholder) {
                    let start = t
                    while t < text.endIndex && text[t] != UInt8(ascii: ".") { t += 1 }
                    if t == start { return prefixOnly && t == text.endIndex }
                    p += placeholder.count
                    continue
                }
                if t == text.endIndex { return prefixOnly }
                guard text[t] == template[p] else { return false }
                t += 1
                p += 1
            }
            return t == text.endIndex
        }
    }

    /// The top-level members of an EventBridge event.
    var envelope: [String]
    /// The members of `detail` around the payload, by dotted path below `detail`.
    var detail: [String: FieldType]
    /// Every topic, in the table's order.
    var topics: [Topic]

    /// The table compiled into the binary.
    static let bundled = GenesysTopicTable(utf8: PackageResources.genesys_topics_json) ?? GenesysTopicTable()

    /// An empty table (only if the bundled data were unreadable, which a test rules out).
    init() {
        envelope = []
        detail = [:]
        topics = []
    }

    /// Reads a table in the format of `genesys-topics.json`, or nil if it is not one.
    init?(utf8 data: [UInt8]) {
        guard let root = try? JSONValue.parse(utf8: data), let enumList = root["enums"]?.members,
            let envelope = root["envelope"]?.elements, let detail = root["detail"]?.members,
            let topicList = root["topics"]?.elements
        else { return nil }
        var enums: [String: [String]] = [:]
        for member in enumList {
            enums[member.name] = member.value.elements?.compactMap(\.string) ?? []
        }
        func fieldTypes(_ members: [JSONMember]) -> [String: FieldType]? {
            var types: [String: FieldType] = [:]
            for member in members {
                guard let text = member.value.string, let type = Self.fieldType(text, enums: enums) else { return nil }
                types[member.name] = type
            }
            return types
        }
        var sets: [String: [String: FieldType]] = [:]
        for member in root["fieldSets"]?.members ?? [] {
            guard let types = fieldTypes(member.value.members ?? []) else { return nil }
            sets[member.name] = types
        }
        var topics: [Topic] = []
        for entry in topicList {
            guard let name = entry["name"]?.string, let detailType = entry["detailType"]?.string,
                case .bool(let complete)? = entry["complete"]?.kind, var fields = fieldTypes(entry["fields"]?.members ?? [])
            else { return nil }
            for set in entry["include"]?.elements ?? [] {
                guard let included = set.string.flatMap({ sets[$0] }) else { return nil }
                fields.merge(included) { own, _ in own }
            }
            topics.append(Topic(name: name, detailType: detailType, complete: complete, fields: fields))
        }
        guard let detailTypes = fieldTypes(detail) else { return nil }
        self.envelope = envelope.compactMap(\.string)
        self.detail = detailTypes
        self.topics = topics
    }

    /// A type as the data file writes it: `string`, `integer`, …, or `enum NAME`.
    private static func fieldType(_ text: String, enums: [String: [String]]) -> FieldType? {
        switch text {
        case "string": return .string
        case "integer": return .integer
        case "boolean": return .boolean
        case "object": return .object
        case "map": return .map
        case "open": return .open
        default:
            guard text.hasPrefix("enum "), let values = enums[String(text.dropFirst(5))] else { return nil }
            return .enumeration(name: String(text.dropFirst(5)), values: values)
        }
    }

    /// The topic with this short name or template.
    func topic(named name: String) -> Topic? {
        topics.first { $0.name == name || $0.detailType == name }
    }

    /// The names of the topics whose events carry `path` below `detail.eventBody`.
    func topicsCarrying(_ path: String) -> [String] {
        topics.filter { $0.field(path) != nil }.map(\.name)
    }
}
