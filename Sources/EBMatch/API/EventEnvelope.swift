/// The check EventBridge's TestEventPattern makes on an event before matching: it must be a JSON object
/// carrying the envelope fields `id`, `source`, `detail-type`, `account`, `region` and `time` (of any
/// type; `resources` and `version` are not required).
public enum EventEnvelope {
    /// The required names as bytes, for comparing with member names in place.
    private static let requiredNames = requiredFields.map { Array($0.utf8) }

    /// The fields TestEventPattern requires at the top level.
    public static let requiredFields = ["id", "source", "detail-type", "account", "region", "time"]

    /// AWS's message for an event that fails the check (error type `ValidationException`).
    public static let invalidEventMessage = "Parameter Event is not valid."

    /// Throws unless `event` is a well-formed JSON object holding every required field. A malformed or
    /// non-object event throws its own error; a missing field throws `.missingEnvelope` with AWS's text.
    public static func check(utf8 event: [UInt8]) throws(EBMatchError) {
        try event.withUnsafeBufferPointer { (input) throws(EBMatchError) in try check(event: input) }
    }

    /// The same check over an event's bytes in place (for example one event of a JSON Lines file).
    public static func check(event input: UnsafeBufferPointer<UInt8>) throws(EBMatchError) {
        let outcome: Result<[String], EventFault> = {
            var tokens = JSONTokenizer(input)
            var seen = Array(repeating: false, count: requiredNames.count)
            do throws(JSONSyntaxError) {
                let first = try tokens.next()
                guard first == .startObject else {
                    try tokens.skipChildren(of: first)
                    return .failure(.notObject)
                }
                while try tokens.next() == .fieldName {
                    let name = tokens.textHasEscapes
                        ? JSONStringDecoder.decoded(input, tokens.text) : Array(input[tokens.text])
                    if let index = requiredNames.firstIndex(of: name) { seen[index] = true }
                    try tokens.skipChildren(of: try tokens.next())
                }
            } catch {
                return .failure(.syntax(error))
            }
            return .success(zip(requiredFields, seen).filter { !$0.1 }.map { $0.0 })
        }()
        switch outcome {
        case .failure(let fault):
            throw Matcher.error(fault, source: Array(input))
        case .success(let missing):
            guard missing.isEmpty else {
                throw EBMatchError(
                    origin: .event, code: .missingEnvelope, reason: invalidEventMessage,
                    path: "$." + missing[0], offset: nil, source: Array(input))
            }
        }
    }
}
