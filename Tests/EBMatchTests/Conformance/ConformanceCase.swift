import Foundation
import Testing

@testable import EBMatch

/// One row of a conformance corpus (`Tests/EBMatchTests/Corpora/*.jsonl`, copied from
/// `shared/conformance`). `pattern` and `event` are the documents' exact text.
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    /// The corpus file, without extension.
    let corpus: String
    /// 1-based line in the corpus file.
    let line: Int
    let name: String
    let pattern: String
    let event: String
    /// `match`, `no-match`, `invalid` or `event-error`; `aws_expected` already applied.
    let expected: String
    /// The expected message: AWS's full text (aws-validated), else the engine message's first line.
    let error: String?
    /// AWS's first line, where the corpus records it (aws-validated, issue-reported).
    let errorFirstLine: String?
    /// The engine's full message with location suffixes, where the corpus has it.
    let errorFull: String?
    /// `ruler`, `json-syntax` or `reference-crash` (event-ruler corpora only).
    let errorClass: String?

    var testDescription: String { "\(corpus):\(line) \(name)" }

    /// The four corpora.
    static let corpora = ["aws-validated", "issue-reported", "event-ruler-cases", "event-ruler-probe-cases"]

    /// Every row of a corpus, read from the test bundle. Rows are read with the engine's own tokenizer:
    /// Foundation's JSON reader drops a byte-order mark inside a string, which one probe row holds.
    static func load(_ corpus: String) -> [ConformanceCase] {
        guard let url = Bundle.module.url(forResource: corpus, withExtension: "jsonl", subdirectory: "Corpora"),
            let data = try? Data(contentsOf: url)
        else { return [] }
        var cases: [ConformanceCase] = []
        for (index, line) in Array(data).split(separator: 10).enumerated() {
            let fields = stringMembers(Array(line))
            let awsExpected = fields["aws_expected"]
            cases.append(
                ConformanceCase(
                    corpus: corpus, line: index + 1, name: fields["name"] ?? "",
                    pattern: fields["pattern"] ?? "", event: fields["event"] ?? "",
                    expected: awsExpected ?? fields["expected"] ?? "",
                    error: awsExpected != nil ? fields["aws_error"] : fields["error"],
                    errorFirstLine: fields["error_first_line"], errorFull: fields["error_full"], errorClass: fields["error_class"]))
        }
        return cases
    }

    /// The string-valued members of a one-line JSON object.
    static func stringMembers(_ line: [UInt8]) -> [String: String] {
        line.withUnsafeBufferPointer { input in
            var tokens = JSONTokenizer(input)
            var result: [String: String] = [:]
            guard (try? tokens.next()) == .startObject else { return result }
            while (try? tokens.next()) == .fieldName {
                let name = String(decoding: JSONStringDecoder.decoded(input, tokens.text), as: UTF8.self)
                guard let value = try? tokens.next() else { break }
                if value == .string, (try? tokens.completeString()) != nil {
                    result[name] = String(decoding: JSONStringDecoder.decoded(input, tokens.text), as: UTF8.self)
                } else {
                    try? tokens.skipChildren(of: value)
                }
            }
            return result
        }
    }

    /// All rows of all corpora.
    static let all: [ConformanceCase] = corpora.flatMap(load)
}
