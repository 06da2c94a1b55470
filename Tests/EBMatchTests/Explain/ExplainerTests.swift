import Testing

@testable import EBMatch

/// `EventPattern.explain`: the verdict is always the matcher's, the conditions agree with it, and
/// near misses get hints.
@Suite("Explanations")
struct ExplainerTests {
    /// Every corpus row with a valid pattern and a well-formed event.
    static let explainable: [ConformanceCase] = ConformanceCase.all.filter { row in
        guard let pattern = try? EventPattern(row.pattern, name: "r") else { return false }
        return (try? pattern.matches(row.event)) != nil
    }

    @Test("the verdict and the conditions agree with the matcher on every corpus row", arguments: explainable)
    func agreesWithMatcher(_ row: ConformanceCase) throws {
        let pattern = try EventPattern(row.pattern, name: "r")
        let matched = try pattern.matches(row.event)
        let explanation = try pattern.explain(utf8: Array(row.event.utf8))
        #expect(explanation.matched == matched)
        #expect(explanation.alternatives.contains(where: \.held) == matched || explanation.omittedAlternatives > 0)
        #expect(explanation.alternatives.count + explanation.omittedAlternatives == pattern.subRuleCount)
        for alternative in explanation.alternatives {
            // A held alternative holds every condition; a failed one fails one, or has an array conflict.
            let allHeld = alternative.conditions.allSatisfy { $0.held }
            if alternative.held {
                #expect(allHeld)
            } else {
                #expect(alternative.arrayConflict == allHeld)
            }
            for condition in alternative.conditions where condition.held {
                #expect(condition.hints.isEmpty)
            }
        }
    }

    @Test("the corpora give enough explainable rows") func coverage() {
        #expect(Self.explainable.count > 900)
    }

    /// The explanation of the first alternative's conditions, as `path: held/failed`.
    static func marks(_ pattern: String, _ event: String) throws -> [String] {
        let explanation = try EventPattern(pattern).explain(utf8: Array(event.utf8))
        return explanation.alternatives[0].conditions.map { "\($0.path): \($0.held ? "held" : "failed")" }
    }

    /// The hints' fixes for the only condition that failed.
    static func fixes(_ pattern: String, _ event: String) throws -> [String] {
        let explanation = try EventPattern(pattern).explain(utf8: Array(event.utf8))
        return explanation.alternatives.flatMap(\.conditions).filter { !$0.held }.flatMap(\.hints).map(\.fix)
    }

    @Test("conditions come in the pattern's order, with what the event has and where")
    func conditionsAndLocations() throws {
        let pattern = #"{"source": ["a"], "detail": {"items": {"id": [2]}}}"#
        let event = #"{"source": "a", "detail": {"items": [{"id": 1}, {"id": 2}]}}"#
        let explanation = try EventPattern(pattern).explain(utf8: Array(event.utf8))
        #expect(explanation.matched)
        let conditions = explanation.alternatives[0].conditions
        #expect(conditions.map(\.path) == ["source", "detail.items.id"])
        #expect(conditions[1].wanted == ["2"])
        // The accepted value first, then the others.
        #expect(conditions[1].found == .values([
            MatchExplanation.Leaf(json: "2", location: "$.detail.items[1].id", accepted: true),
            MatchExplanation.Leaf(json: "1", location: "$.detail.items[0].id", accepted: false),
        ]))
        #expect(conditions[1].valuesOmitted == 0)
    }

    @Test("a huge array lists a bounded number of values, the accepted one first")
    func boundedValues() throws {
        let values = (0..<10_000).map { "\"v\($0)\"" }.joined(separator: ",")
        let explanation = try EventPattern(#"{"a": ["v9999"]}"#).explain(utf8: Array(#"{"a": [\#(values)]}"#.utf8))
        let condition = explanation.alternatives[0].conditions[0]
        guard case .values(let leaves) = condition.found else { Issue.record("values expected"); return }
        #expect(leaves.count == MatchExplanation.maxValuesListed)
        #expect(leaves.first == MatchExplanation.Leaf(json: "\"v9999\"", location: "$.a[9999]", accepted: true))
        #expect(condition.valuesOmitted == 10_000 - MatchExplanation.maxValuesListed)
    }

    @Test("absent, object and empty array are told apart")
    func foundKinds() throws {
        let pattern = #"{"a": ["x"], "b": ["x"], "c": ["x"]}"#
        let explanation = try EventPattern(pattern).explain(utf8: Array(#"{"b": {"x": 1}, "c": []}"#.utf8))
        #expect(explanation.alternatives[0].conditions.map(\.found) == [.absent, .object, .emptyArray])
    }

    @Test("values from different array elements are an array conflict")
    func arrayConflict() throws {
        let pattern = #"{"items": {"kind": ["a"], "size": [2]}}"#
        let event = #"{"items": [{"kind": "a", "size": 1}, {"kind": "b", "size": 2}]}"#
        let explanation = try EventPattern(pattern).explain(utf8: Array(event.utf8))
        #expect(!explanation.matched)
        #expect(explanation.alternatives[0].arrayConflict)
    }

    @Test("$or alternatives are each explained")
    func alternatives() throws {
        let pattern = #"{"$or": [{"a": ["x"]}, {"b": ["y"]}]}"#
        let explanation = try EventPattern(pattern).explain(utf8: Array(#"{"b": "y"}"#.utf8))
        #expect(explanation.matched)
        #expect(explanation.alternatives.map(\.held) == [false, true])
    }

    @Test("a $or fan-out is explained for its first alternatives only")
    func manyAlternatives() throws {
        let branches = (0..<10).map { #"{"f\#($0)": ["x"]}"# }.joined(separator: ",")
        let pattern = #"{"$or": [\#(branches)], "$or": [\#(branches)]}"#
        let explanation = try EventPattern(pattern).explain(utf8: Array(#"{"f9": "x"}"#.utf8))
        #expect(explanation.matched)
        #expect(explanation.alternatives.count == MatchExplanation.maxAlternatives)
        #expect(explanation.omittedAlternatives == 100 - MatchExplanation.maxAlternatives)
    }

    @Test(arguments: [
        // Names: case, spelling, another parent.
        (#"{"detail": {"queueid": ["q"]}}"#, #"{"detail": {"queueId": "q"}}"#,
         ["write the path as `detail.queueId` (names are case-sensitive)"]),
        // Every wrong step at once, and two steps that are one name in the event.
        (#"{"detail": {"eventbody": {"queueid": ["q"]}}}"#, #"{"detail": {"eventBody": {"queueId": "q"}}}"#,
         ["write the path as `detail.eventBody.queueId` (names are case-sensitive)"]),
        (#"{"detail": {"eventBody": {"queue": {"id": ["q"]}}}}"#, #"{"detail": {"eventBody": {"queueId": "q"}}}"#,
         ["write the path as `detail.eventBody.queueId`"]),
        (#"{"detail": {"queuId": ["q"]}}"#, #"{"detail": {"queueId": "q"}}"#, ["write the path as `detail.queueId`"]),
        (#"{"source": ["aws.partner/genesys.com"]}"#, #"{"source": "aws.partner/genesys.com/cloud/o/s"}"#,
         [#"use `{"prefix": "aws.partner/genesys.com"}`"#]),
        (#"{"details": {"queueId": ["q"]}}"#, #"{"detail": {"queueId": "q"}}"#, ["write the path as `detail.queueId`"]),
        (#"{"detail": {"queueId": ["q"]}}"#, #"{"detail": {"eventBody": {"queueId": "q"}}}"#,
         ["use the path `detail.eventBody.queueId`"]),
        (#"{"detail": {"entity": {"queue": {"id": ["q"]}}}}"#, #"{"id": "1", "detail": {"eventBody": {"queueId": "q"}}}"#,
         ["use the path `detail.eventBody.queueId`"]),
        // Types.
        (#"{"a": ["true"]}"#, #"{"a": true}"#, ["write true without quotes"]),
        (#"{"a": ["300"]}"#, #"{"a": 300}"#, ["write 300 without quotes"]),
        (#"{"a": [300]}"#, #"{"a": "300"}"#, [#"write "300" in quotes"#]),
        (#"{"a": [null]}"#, #"{"a": "null"}"#, [#"write "null" in quotes"#]),
        (#"{"a": [{"numeric": [">", 100]}]}"#, #"{"a": "300"}"#,
         [#"match the text instead, e.g. ["300"], or have the producer send a number"#]),
        // Text.
        (#"{"a": ["VOICE"]}"#, #"{"a": "voice"}"#, [#"use `{"equals-ignore-case": "VOICE"}`, or write "voice""#]),
        (#"{"a": ["VOICE "]}"#, #"{"a": "VOICE"}"#, [#"write "VOICE" exactly"#]),
        (#"{"a": [{"prefix": ".png"}]}"#, #"{"a": "photo.png"}"#, [#"use `{"suffix": ".png"}`"#]),
        (#"{"a": [{"suffix": "img/"}]}"#, #"{"a": "img/photo.png"}"#, [#"use `{"prefix": "img/"}`"#]),
        (#"{"a": [{"prefix": "AWS."}]}"#, #"{"a": "aws.ec2"}"#, [#"use `{"prefix": {"equals-ignore-case": "AWS."}}`"#]),
        (#"{"a": [{"prefix": "lib"}]}"#, #"{"a": "/usr/lib/x"}"#, [#"use `{"wildcard": "*lib*"}`"#]),
        // Operators on what is not there, or not a leaf.
        (#"{"a": [{"anything-but": "x"}]}"#, #"{"b": 1}"#,
         ["filter on a field this kind of event has, or leave such events to another rule",
          #"to accept events without it too, add `{"exists": false}` to the list"#]),
        (#"{"d": [{"exists": true}]}"#, #"{"d": {"x": 1}}"#, ["test a field inside it, e.g. `d.x`"]),
        (#"{"d": ["x"]}"#, #"{"d": {"x": 1}}"#, ["name a field inside it, e.g. `d.x`"]),
        (#"{"d": ["x"]}"#, #"{"d": []}"#, [#"an empty array counts as absent: `{"exists": false}` accepts it"#]),
        // Nothing close: the plain facts.
        (#"{"a": ["x"]}"#, #"{"a": "y"}"#, [#"add "y" to the list if such events should match"#]),
        (#"{"a": [{"prefix": "x"}]}"#, #"{"a": "y"}"#, []),
    ] as [(String, String, [String])])
    func hints(pattern: String, event: String, expected: [String]) throws {
        #expect(try Self.fixes(pattern, event) == expected)
    }

    @Test("edit distance is bounded and exact")
    func editDistance() {
        #expect(NearMissHints.editDistance("queueid", "queueid", cap: 2) == 0)
        #expect(NearMissHints.editDistance("detail", "details", cap: 2) == 1)
        #expect(NearMissHints.editDistance("kitten", "sitting", cap: 3) == 3)
        #expect(NearMissHints.editDistance("kitten", "sitting", cap: 2) == nil)
        #expect(NearMissHints.editDistance("", "ab", cap: 2) == 2)
    }
}
