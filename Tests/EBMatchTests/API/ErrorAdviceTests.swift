import Testing

@testable import EBMatch

/// `EBMatchError.advice`: what AWS's terse or misleading messages mean, and the fix.
@Suite("Advice on pattern errors")
struct ErrorAdviceTests {
    static func advice(_ pattern: String, limits: PatternLimits = .aws) -> String? {
        do {
            _ = try EventPattern(pattern, limits: limits)
            return "valid"
        } catch {
            return error.advice(limits: limits)
        }
    }

    @Test(arguments: [
        (#"{"a": [{"exist": true}]}"#, "did you mean `exists`?"),
        (#"{"a": [{"prefx": "x"}]}"#, "did you mean `prefix`?"),
        (#"{"a": [{"regex": "x"}]}"#, "the operators are `anything-but`, `cidr`, `equals-ignore-case`, `exactly`, `exists`, `numeric`, `prefix`, `suffix`, `wildcard`"),
        (#"{"a": []}"#, #"a list needs at least one value; to match events without the field use [{"exists": false}]"#),
        (#"{"a": "x"}"#, #"write the value as a list, e.g. "a": ["value"], or an object of fields"#),
        (#"{"detail": {"queueId": 5}}"#, #"write the value as a list, e.g. "queueId": ["value"], or an object of fields"#),
        (#"{"a": [{"numeric": [">", "5"]}]}"#, "write the number without quotes"),
        (#"{"a": [{"exists": "true"}]}"#, "write true or false without quotes"),
        (#"{"a": [{"anything-but": {"prefix": "x", "suffix": "y"}}]}"#,
         "an anything-but object holds exactly one key (prefix, suffix, equals-ignore-case or wildcard); for two conditions write two list elements"),
        (#"{"a": [{"anything-but": []}]}"#, "the list must hold at least one value, and only strings or only numbers"),
        (#"{"$or": [{"a": ["x"]}]}"#, "$or needs two branches or more; with one, drop $or and write its fields directly"),
        (#"{"a": [{"prefix": "x"}], "b": [{"cidr": "10.0.0.0/33"}]}"#, nil),
        (#"{"a": ["x"]}"#, "valid"),
    ] as [(String, String?)])
    func advice(pattern: String, expected: String?) {
        #expect(Self.advice(pattern) == expected)
    }

    @Test func complexityAdviceNamesTheLimitInForce() {
        let advice = Self.advice(#"{"a": [{"wildcard": "*a*a*a*a*"}]}"#, limits: PatternLimits(maxWildcardComplexity: 2))
        #expect(advice?.hasPrefix("the limit in force is 2 (--max-complexity)") == true)
    }
}
