import Testing

@testable import EBMatch

/// Every row of every corpus must get the outcome AWS (or, where AWS was not recorded, event-ruler)
/// gives: match, no match, invalid pattern, or rejected event.
@Suite("Conformance corpora")
struct ConformanceTests {
    /// What ebmatch says about a row: the outcome and, for failures, the message.
    static func evaluate(_ row: ConformanceCase) -> (outcome: String, error: EBMatchError?) {
        let pattern: EventPattern
        do {
            // The corpora name their rule "r" (it shows in `Size of rule 'r' …`).
            pattern = try EventPattern(row.pattern, name: "r")
        } catch {
            return ("invalid", error)
        }
        // aws-validated rows went through TestEventPattern, which checks the envelope first.
        if row.corpus == "aws-validated" {
            do {
                try EventEnvelope.check(utf8: Array(row.event.utf8))
            } catch {
                return ("invalid", error)
            }
        }
        do {
            return (try pattern.matches(row.event) ? "match" : "no-match", nil)
        } catch {
            return ("event-error", error)
        }
    }

    @Test("corpora are bundled and complete")
    func corporaPresent() {
        let counts = ConformanceCase.corpora.map { ConformanceCase.load($0).count }
        #expect(counts == [182, 16, 842, 316])
    }

    @Test("outcome agrees", arguments: ConformanceCase.all)
    func outcome(_ row: ConformanceCase) {
        let (outcome, error) = Self.evaluate(row)
        #expect(outcome == row.expected, "\(error?.awsMessage ?? "")")
    }

    @Test("AWS message, first line", arguments: ConformanceCase.all.filter { $0.errorFirstLine != nil })
    func awsFirstLine(_ row: ConformanceCase) throws {
        let error = try #require(Self.evaluate(row).error)
        let expected = try #require(row.errorFirstLine)
        let actual = error.origin == .event ? EventEnvelope.invalidEventMessage : error.awsMessage
        #expect(actual.split(separator: "\n", omittingEmptySubsequences: false)[0] == expected)
    }

    @Test(
        "AWS message, byte for byte",
        arguments: ConformanceCase.all.filter { $0.corpus == "aws-validated" && $0.expected == "invalid" })
    func awsFullMessage(_ row: ConformanceCase) throws {
        let error = try #require(Self.evaluate(row).error)
        let actual = error.origin == .event ? EventEnvelope.invalidEventMessage : error.awsMessage
        #expect(actual == row.error)
    }

    @Test(
        "engine message of event-ruler's own faults, location suffixes included",
        arguments: ConformanceCase.all.filter { $0.errorClass == "ruler" })
    func rulerFullMessage(_ row: ConformanceCase) throws {
        let error = try #require(Self.evaluate(row).error)
        let expected = try #require(row.errorFull ?? row.error)
        #expect(error.awsMessage == "Event pattern is not valid. Reason: " + expected)
    }

    @Test(
        "first line of every invalid row",
        arguments: ConformanceCase.all.filter {
            $0.corpus.hasPrefix("event-ruler") && $0.expected == "invalid" && $0.errorClass != "reference-crash"
        })
    func firstLine(_ row: ConformanceCase) throws {
        let error = try #require(Self.evaluate(row).error)
        #expect(error.firstLine == row.error)
    }
}
