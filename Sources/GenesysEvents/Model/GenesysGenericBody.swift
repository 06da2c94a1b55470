/// The `eventBody` of a topic without a dedicated model (audits, presence, transcription, …): its
/// members as JSON, with the one field most topics share, `eventTime`, read in either of its forms.
public struct GenesysGenericBody: GenesysObjectModel, Equatable {
    /// `eventTime`: epoch milliseconds (a number) or a string (audits and transcription send ISO-8601).
    public var eventTime: GenesysEventTime?
    /// Every other member.
    public var otherFields: [String: GenesysJSON]

    /// Reads the body from an object's members; never fails.
    public init(members: [String: GenesysJSON]) {
        var reader = GenesysFieldReader(members)
        eventTime = reader.eventTime("eventTime")
        otherFields = reader.remaining
    }

    /// A member by name, e.g. `body["userId"]`.
    public subscript(_ name: String) -> GenesysJSON? { otherFields[name] }
}
