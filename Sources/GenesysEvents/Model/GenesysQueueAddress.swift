/// An address of a queue-conversation media session (`self`, `other`, `toAddress`, `fromAddress`).
public struct GenesysQueueAddress: GenesysObjectModel, Equatable {
    /// A display name.
    public var name: String?
    /// The name as received.
    public var nameRaw: String?
    /// The normalized address, e.g. `tel:+15555550142`.
    public var addressNormalized: String?
    /// The address as received.
    public var addressRaw: String?
    /// The address for display.
    public var addressDisplayable: String?
    /// Members not held by a property.
    public var otherFields: [String: GenesysJSON]

    /// Reads the address from an object's members; never fails.
    public init(members: [String: GenesysJSON]) {
        var reader = GenesysFieldReader(members)
        name = reader.string("name")
        nameRaw = reader.string("nameRaw")
        addressNormalized = reader.string("addressNormalized")
        addressRaw = reader.string("addressRaw")
        addressDisplayable = reader.string("addressDisplayable")
        otherFields = reader.remaining
    }
}
