/// JSON paths as ebmatch writes them in messages: `$`, then `.name` for a member (`["name"]` when the
/// name holds a dot, a bracket, a quote or a space, or is empty) and `[2]` for an element.
public enum JSONPath {
    /// One step of a path.
    public enum Step: Sendable, Equatable {
        /// A member of an object.
        case member(String)
        /// An element of an array (0-based).
        case element(Int)
    }

    /// `path` followed by the member `name`.
    public static func appending(_ name: String, to path: String) -> String {
        isPlain(name) ? path + "." + name : path + "[" + quoted(name) + "]"
    }

    /// The steps of a path written by `appending`, or nil when the text is not such a path.
    public static func steps(of path: String) -> [Step]? {
        var scalars = Substring(path).unicodeScalars[...]
        guard scalars.first == "$" else { return nil }
        scalars.removeFirst()
        var steps: [Step] = []
        while let first = scalars.first {
            scalars.removeFirst()
            if first == "." {
                let name = scalars.prefix { $0 != "." && $0 != "[" }
                scalars.removeFirst(name.count)
                steps.append(.member(String(String.UnicodeScalarView(name))))
            } else if first == "[", scalars.first == "\"" {
                scalars.removeFirst()
                var name = String.UnicodeScalarView()
                while let c = scalars.first, c != "\"" {
                    scalars.removeFirst()
                    if c == "\\", let escaped = scalars.first {
                        scalars.removeFirst()
                        name.append(escaped)
                    } else {
                        name.append(c)
                    }
                }
                guard scalars.first == "\"" else { return nil }
                scalars.removeFirst()
                guard scalars.first == "]" else { return nil }
                scalars.removeFirst()
                steps.append(.member(String(name)))
            } else if first == "[" {
                let digits = scalars.prefix { $0 != "]" }
                scalars.removeFirst(digits.count)
                guard scalars.first == "]", let index = Int(String(String.UnicodeScalarView(digits))) else { return nil }
                scalars.removeFirst()
                steps.append(.element(index))
            } else {
                return nil
            }
        }
        return steps
    }

    /// Whether a member name can follow a dot unquoted.
    static func isPlain(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0 != "." && $0 != "[" && $0 != "]" && $0 != "\"" && $0 != " " }
    }

    /// A name in double quotes, with quotes and backslashes escaped.
    private static func quoted(_ name: String) -> String {
        var text = "\""
        for scalar in name.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { text.unicodeScalars.append("\\") }
            text.unicodeScalars.append(scalar)
        }
        return text + "\""
    }
}
