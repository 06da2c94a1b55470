/// Takes typed members out of a decoded JSON object, leniently: a member whose JSON type is not the
/// expected one is left in place, so it ends up in the model's `otherFields` instead of failing the
/// whole event. `null` counts as absent.
///
/// This is the one place that decides the tolerance policy of the body models: Genesys' payload
/// schemas change over time (NOTES.md §7), and a Lambda that drops a whole conversation-end event
/// because one non-essential field changed type would lose more than it protects.
struct GenesysFieldReader {
    /// The members not taken yet.
    private(set) var remaining: [String: GenesysJSON]

    init(_ members: [String: GenesysJSON]) {
        remaining = members.filter { $0.value != .null }
    }

    /// Takes the member if `convert` accepts its value.
    private mutating func take<T>(_ name: String, _ convert: (GenesysJSON) -> T?) -> T? {
        guard let value = remaining[name], let converted = convert(value) else { return nil }
        remaining[name] = nil
        return converted
    }

    /// A string member.
    mutating func string(_ name: String) -> String? { take(name) { $0.stringValue } }

    /// An integer member (a whole number within Int64).
    mutating func integer(_ name: String) -> Int64? { take(name) { $0.int64Value } }

    /// A Boolean member.
    mutating func bool(_ name: String) -> Bool? { take(name) { $0.boolValue } }

    /// A member from an open vocabulary (a string).
    mutating func value<T: GenesysOpenValue>(_ name: String, as type: T.Type = T.self) -> T? {
        take(name) { $0.stringValue.map(T.init(rawValue:)) }
    }

    /// An array of strings; an array with any other element is left whole.
    mutating func strings(_ name: String) -> [String]? {
        take(name) { json in
            guard let elements = json.arrayValue else { return nil }
            let strings = elements.compactMap(\.stringValue)
            return strings.count == elements.count ? strings : nil
        }
    }

    /// An array of vocabulary values; an array with a non-string element is left whole.
    mutating func values<T: GenesysOpenValue>(_ name: String, as type: T.Type = T.self) -> [T]? {
        strings(name).map { $0.map(T.init(rawValue:)) }
    }

    /// An object member read into a model.
    mutating func object<T>(_ name: String, _ make: ([String: GenesysJSON]) -> T) -> T? {
        take(name) { $0.objectValue.map(make) }
    }

    /// An array of objects read into models; an array with a non-object element is left whole.
    mutating func objects<T>(_ name: String, _ make: ([String: GenesysJSON]) -> T) -> [T]? {
        take(name) { json in
            guard let elements = json.arrayValue else { return nil }
            let objects = elements.compactMap(\.objectValue)
            return objects.count == elements.count ? objects.map(make) : nil
        }
    }

    /// An object of strings (a string→string map such as participant attributes); a map with any
    /// other value is left whole.
    mutating func stringMap(_ name: String) -> [String: String]? {
        take(name) { json in
            guard let members = json.objectValue else { return nil }
            let strings = members.compactMapValues(\.stringValue)
            return strings.count == members.count ? strings : nil
        }
    }

    /// A member of any JSON type, as is (for parts whose shape is not modelled).
    mutating func json(_ name: String) -> GenesysJSON? { take(name) { $0 } }

    /// An event time: a number of epoch milliseconds or a string.
    mutating func eventTime(_ name: String) -> GenesysEventTime? { take(name, GenesysEventTime.init(json:)) }
}

/// A Genesys payload object read into a typed model, keeping every member it does not model.
///
/// Decoding never fails on an unknown member or an unexpected member type: such members are kept in
/// `otherFields`. Only a value that is not a JSON object at all fails (the model has nothing to hold).
public protocol GenesysObjectModel: Decodable, Sendable {
    /// Reads the model from an object's members.
    init(members: [String: GenesysJSON])
    /// The members no typed property holds: unknown names, and known names whose value had an
    /// unexpected JSON type (kept rather than dropped).
    var otherFields: [String: GenesysJSON] { get }
}

extension GenesysObjectModel {
    /// Decodes any JSON object into the model.
    public init(from decoder: any Decoder) throws {
        let json = try GenesysJSON(from: decoder)
        guard let members = json.objectValue else {
            throw DecodingError.typeMismatch(
                [String: GenesysJSON].self,
                .init(codingPath: decoder.codingPath, debugDescription: "Expected a JSON object"))
        }
        self.init(members: members)
    }
}
