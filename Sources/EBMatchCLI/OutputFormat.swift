/// How `ebmatch` prints its results: lines for people or JSON Lines for programs.
public enum OutputFormat: String, Sendable, Equatable, CaseIterable {
    /// `FILE: match` lines on stdout, errors as `FILE:LINE:COL: error: …` on stderr.
    case text
    /// One JSON object per line on stdout, for each event and for pattern and envelope errors.
    case json

    /// The format named by a `--format` value, or nil for an unknown name.
    public init?(argument: String) {
        self.init(rawValue: argument)
    }
}
