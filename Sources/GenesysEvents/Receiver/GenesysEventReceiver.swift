import EBMatch
import Foundation

/// Accepts Genesys Cloud events for one organization, for a Lambda handler or a queue consumer:
/// checks the raw bytes step by step and returns a typed summary or says why not.
///
/// ```swift
/// let receiver = GenesysEventReceiver(
///     organizationId: "a3ce3473-7c0b-4695-9d24-b15eb713256f",
///     acceptedTopics: [.acdEnd, .afterCallWork],
///     pattern: try EventPattern(#"{"detail": {"eventBody": {"queueId": ["ee2d4ca2-…"]}}}"#))
/// let summary = try receiver.receive(bytes)  // throws GenesysReceiveError
/// ```
///
/// Steps, in order (the first failure is reported):
/// 1. the bytes are read as JSON with EBMatch's parser (syntax errors carry line, column and path), and
///    what Foundation's decoder would read otherwise is refused as `malformed`: a member named twice in
///    one object (EventBridge matches either value), a number beyond `Double`, nesting past
///    `GenesysJSON.maxDepth`;
/// 2. `source` must be the organization's partner source (`wrongSource`);
/// 3. `detail-type` must be an accepted topic, when topics are given (`wrongTopic`);
/// 4. the event must match the pattern, when one is given (`patternMismatch`, with the reasons);
/// 5. the event is decoded into `GenesysEvent` (a wrongly typed envelope member is `malformed`).
///
/// The receiver is immutable and `Sendable`: build it once (a Lambda's cold start) and share it.
public struct GenesysEventReceiver: Sendable {
    /// The Genesys organization whose events are accepted.
    public let organizationId: String
    /// The event source suffix to accept; nil accepts any suffix of the organization.
    public let eventSourceSuffix: String?
    /// The Genesys environments to accept (production only, unless told otherwise).
    public let environments: Set<GenesysSource.Environment>
    /// The topics to accept; nil accepts every topic.
    public let acceptedTopics: Set<GenesysTopic>?
    /// A pattern every accepted event must match (usually the EventBridge rule's own, re-checked).
    public let pattern: EventPattern?

    /// A receiver for `organizationId`'s events.
    public init(
        organizationId: String, eventSourceSuffix: String? = nil, acceptedTopics: Set<GenesysTopic>? = nil,
        pattern: EventPattern? = nil, environments: Set<GenesysSource.Environment> = [.production]
    ) {
        self.organizationId = organizationId
        self.eventSourceSuffix = eventSourceSuffix
        self.acceptedTopics = acceptedTopics
        self.pattern = pattern
        self.environments = environments
    }

    /// Checks and decodes one event (its JSON as UTF-8 bytes) into its summary.
    public func receive(_ bytes: [UInt8]) throws(GenesysReceiveError) -> GenesysEventSummary {
        GenesysEventSummary(try receiveEvent(bytes))
    }

    /// Checks and decodes one event from `Data`.
    public func receive(_ data: Data) throws(GenesysReceiveError) -> GenesysEventSummary {
        try receive([UInt8](data))
    }

    /// Checks and decodes one event from JSON text.
    public func receive(_ text: String) throws(GenesysReceiveError) -> GenesysEventSummary {
        try receive(Array(text.utf8))
    }

    /// Checks and decodes one event, returning the whole typed event.
    public func receiveEvent(_ bytes: [UInt8]) throws(GenesysReceiveError) -> GenesysEvent {
        let tree: JSONValue
        do {
            tree = try JSONValue.parse(utf8: bytes)
        } catch {
            throw .malformed(line: error.line, column: error.column, path: error.path, message: error.firstLine)
        }
        let locator = JSONLocator(root: tree, source: bytes)
        guard tree.members != nil else {
            throw locator.malformed(at: [], "an event must be a JSON object, found \(JSONLocator.describe(tree))")
        }
        if let obstacle = DecodingObstacle.first(in: tree) {
            throw obstacle.error(in: bytes)
        }
        let source = try locator.string(member: "source")
        guard let parsed = source.flatMap(GenesysSource.init), accepts(parsed) else {
            throw .wrongSource(expected: expectedSource, found: source)
        }
        if let acceptedTopics {
            let detailType = try locator.string(member: "detail-type")
            guard let detailType, acceptedTopics.contains(GenesysTopic(template: detailType)) else {
                throw .wrongTopic(expected: acceptedTopics.map(\.shortName).sorted(), found: detailType)
            }
        }
        if let pattern {
            try check(bytes, against: pattern)
        }
        do {
            // Lone surrogate escapes are read as `?`, as EventBridge reads them (Foundation refuses them).
            return try JSONDecoder().decode(GenesysEvent.self, from: Data(LoneSurrogateEscapes.replaced(in: bytes) ?? bytes))
        } catch let error as DecodingError {
            throw locator.malformed(error)
        } catch {
            throw locator.malformed(at: [], "\(error)")
        }
    }

    /// Checks and decodes one event from `Data`, returning the whole typed event.
    public func receiveEvent(_ data: Data) throws(GenesysReceiveError) -> GenesysEvent {
        try receiveEvent([UInt8](data))
    }

    /// What `wrongSource` reports as expected, e.g. `aws.partner/genesys.com/cloud/<org>/*`.
    public var expectedSource: String {
        let domains = GenesysSource.Environment.allCases.filter(environments.contains).map(\.rawValue)
        let domain = domains.count == 1 ? domains[0] : "{" + domains.joined(separator: ",") + "}"
        return "\(GenesysSource.partnerPrefix)\(domain)/cloud/\(organizationId)/\(eventSourceSuffix ?? "*")"
    }

    /// Whether a parsed source is this receiver's. Byte for byte, as EventBridge rules compare (Swift's
    /// `==` would take "ó" and "o" with a combining accent as equal), so a receiver and its rule agree
    /// on every source.
    private func accepts(_ source: GenesysSource) -> Bool {
        environments.contains(source.environment) && source.organizationId.utf8.elementsEqual(organizationId.utf8)
            && (eventSourceSuffix.map { $0.utf8.elementsEqual(source.eventSourceSuffix.utf8) } ?? true)
    }

    /// Re-checks the pattern; on a mismatch the explainer says which conditions failed.
    private func check(_ bytes: [UInt8], against pattern: EventPattern) throws(GenesysReceiveError) {
        let explanation: MatchExplanation
        do {
            if try pattern.matches(utf8: bytes) { return }
            explanation = try pattern.explain(utf8: bytes)
        } catch {
            // Not reached in practice (the bytes were read as an object above), but reported, not trapped.
            throw .malformed(line: error.line, column: error.column, path: error.path, message: error.firstLine)
        }
        throw .patternMismatch(explanation: MismatchSummary.text(of: explanation))
    }
}
