/// How `ebmatch` prints its results: lines for people, JSON Lines for programs, or a CI system's format.
public enum OutputFormat: String, Sendable, Equatable, CaseIterable {
    /// Lines for people: results on stdout, `FILE:LINE:COL: error: …` diagnostics.
    case text
    /// One JSON object per line on stdout.
    case json
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`), which annotate the pull request.
    case github
    /// A JUnit XML report, which most CI systems show as test results.
    case junit

    /// The format named by a `--format` value, or nil for an unknown name.
    public init?(argument: String) {
        self.init(rawValue: argument)
    }

    /// The formats a command offers, in the order its help lists them.
    public static func allowed(for command: CommandLineArguments.Command) -> [OutputFormat] {
        switch command {
        case .match, .explain, .rules: return [.text, .json]
        case .validate, .test, .genesysLint: return allCases
        case .genesys, .genesysPattern: return [.text]
        }
    }
}
