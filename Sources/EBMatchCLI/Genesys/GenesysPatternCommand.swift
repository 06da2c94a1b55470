import EBMatch

/// `ebmatch genesys pattern`: prints a pattern for Genesys Cloud events, checked by ebmatch itself
/// (EventBridge would accept it and `genesys lint` finds nothing in it) before it is printed.
struct GenesysPatternCommand {
    /// The exit statuses of the command.
    enum ExitStatus: Int32 {
        /// The pattern was printed.
        case printed = 0
        /// The request cannot be met (an unknown topic, a queue filter on a topic without a queue).
        case refused = 64
        /// The pattern written failed its own checks: a bug in ebmatch.
        case internalError = 70
    }

    /// What the pattern is to select.
    var request: GenesysPatternRequest
    /// Where the pattern goes.
    var output: OutputChannel
    /// Where refusals go.
    var errors: OutputChannel

    /// Writes the pattern, or says why it cannot.
    func run() -> ExitStatus {
        let text: String
        do {
            text = try GenesysPatternBuilder().pattern(for: request)
        } catch {
            errors.write("ebmatch: error: \(error.message)\n")
            for line in error.explanation { errors.write("  \(line)\n") }
            return .refused
        }
        // EventBridge's size limits, as `validate` applies them to the file written (without its last line
        // break): so many queues that the pattern is refused is the request's fault, not a bug.
        let length = text.utf16.count - 1
        if length > 4096 {
            errors.write("ebmatch: error: the pattern would be \(length) characters long; EventBridge accepts at most 4,096\n")
            errors.write("  Split the queues over several rules, or filter on fewer topics in each.\n")
            return .refused
        }
        let bytes = Array(text.utf8)
        let validation = EventPattern.validate(utf8: bytes)
        let lint = GenesysLint().findings(in: bytes)
        guard validation.errors.isEmpty, validation.warnings.isEmpty, lint.isEmpty else {
            let reasons = validation.errors.map(\.firstLine) + validation.warnings.map(\.message) + lint.map(\.message)
            errors.write("ebmatch: internal error: the pattern written fails its own checks: \(reasons.joined(separator: "; "))\n")
            errors.write(text)
            return .internalError
        }
        if length > 2048 {
            errors.write(
                "ebmatch: warning: the pattern is \(length) characters long, over EventBridge's default quota of 2,048 "
                    + "(a quota increase allows up to 4,096)\n")
        }
        output.write(text)
        return .printed
    }
}
