/// A warning of `genesys lint` (and `validate --genesys`): a pattern EventBridge accepts that cannot
/// do what its author meant with the events Genesys Cloud really sends.
struct GenesysLintFinding: Sendable, Hashable {
    /// What kind of mistake; the raw values are the codes reports print and `--ignore-warning` takes.
    enum Code: String, Sendable, CaseIterable {
        /// `source` is exactly `aws.partner/genesys.com` (or stops at the org id): no event has it.
        case genesysBareSource
        /// `source` names something Genesys does not send (`genesys.cloud`).
        case genesysInventedSource
        /// `detail-type` is not a Genesys topic template (`conversation.end`).
        case genesysInventedDetailType
        /// A concrete id where the template has `{id}` (`detail-type`), or `{id}` where the id goes
        /// (`detail.topicName`).
        case genesysConcreteId
        /// A field Genesys events do not have (`detail.entity.queue.id`, `eventBody.queueID`).
        case genesysUnknownField
        /// A field that exists, but not on (all) the topics the pattern selects (`queueId` on
        /// `customer.end`).
        case genesysFieldNotOnTopic
        /// An enum value in the wrong case for the topic (`voice` where Genesys sends `VOICE`).
        case genesysEnumCase
        /// An enum value Genesys does not send, one typo away from one it does (`VOCE`).
        case genesysEnumValue
        /// A condition of the wrong type for the field (a number for a string, `numeric` on the string
        /// `eventTime` of audit topics, any condition on an object).
        case genesysValueType
        /// The pattern is larger than the lint reads (more `$or` alternatives after multiplying out, or
        /// deeper nesting): the rest was not checked, so silence about it means nothing.
        case genesysNotAllChecked
        /// A template puts a Genesys rule on the default event bus: partner events arrive only on the
        /// partner event bus named after their source.
        case genesysDefaultBus
    }

    /// What kind of mistake.
    var code: Code
    /// What is wrong, in one line.
    var message: String
    /// How to fix it.
    var fix: String
    /// The JSON path in the pattern of the member or value concerned.
    var path: String
    /// Byte offset in the pattern's text of the member name or value concerned.
    var offset: Int
}
