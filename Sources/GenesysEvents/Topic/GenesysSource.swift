/// The `source` of a Genesys event: the partner event source, which is also the partner event bus's
/// name, `aws.partner/genesys.com/cloud/<organization ID>/<event source suffix>`.
///
/// A fixture written by Genesys uses `aws.partner/genesys.com.test/cloud/…`, which looks like a
/// non-production environment (NOTES.md §1); it parses with `environment == .test`.
public struct GenesysSource: Hashable, Sendable, CustomStringConvertible {
    /// The Genesys environment the partner name points to.
    public enum Environment: String, Sendable, CaseIterable {
        /// `genesys.com`: production orgs.
        case production = "genesys.com"
        /// `genesys.com.test`: seen in a Genesys test fixture.
        case test = "genesys.com.test"
    }

    /// The environment.
    public let environment: Environment
    /// The Genesys Cloud organization ID (a UUID in practice; not checked).
    public let organizationId: String
    /// The suffix chosen in the integration (Genesys allows letters, digits, `.`, `-`, `_`; not
    /// checked, only that it is non-empty and holds no `/`).
    public let eventSourceSuffix: String

    /// The prefix of every partner event source.
    public static let partnerPrefix = "aws.partner/"

    /// A source from its parts.
    public init(organizationId: String, eventSourceSuffix: String, environment: Environment = .production) {
        self.organizationId = organizationId
        self.eventSourceSuffix = eventSourceSuffix
        self.environment = environment
    }

    /// Reads a `source` value; nil unless it has exactly the form
    /// `aws.partner/<genesys.com or genesys.com.test>/cloud/<org>/<suffix>` with non-empty parts.
    /// Matching is case-sensitive, as EventBridge's is.
    public init?(_ source: String) {
        guard source.hasPrefix(Self.partnerPrefix) else { return nil }
        // Empty parts are kept so that `cloud//suffix` is refused rather than read as two parts.
        let parts = source.dropFirst(Self.partnerPrefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, let environment = Environment(rawValue: String(parts[0])), parts[1] == "cloud",
            !parts[2].isEmpty, !parts[3].isEmpty
        else { return nil }
        self.init(organizationId: String(parts[2]), eventSourceSuffix: String(parts[3]), environment: environment)
    }

    /// The `source` string.
    public var rawValue: String {
        "\(Self.partnerPrefix)\(environment.rawValue)/cloud/\(organizationId)/\(eventSourceSuffix)"
    }

    /// The `source` string.
    public var description: String { rawValue }
}
