import Foundation
import Testing

@testable import EBMatch

/// Whether `event` matches `pattern` (both JSON text).
func matches(_ pattern: String, _ event: String) throws -> Bool {
    try EventPattern(pattern).matches(event)
}

/// The semantic traps of the spec (§4, §6), one test each, with the spec's own examples.
@Suite("Matching semantics")
struct MatcherTests {
    @Test("exact strings, numbers by value, literals, and no cross-type equality (§4.5, §4.6)")
    func exactValues() throws {
        #expect(try matches(#"{"a":["x"]}"#, #"{"a":"x"}"#))
        #expect(try !matches(#"{"a":["300"]}"#, #"{"a":300}"#))
        #expect(try !matches(#"{"a":[300]}"#, #"{"a":"300"}"#))
        #expect(try matches(#"{"a":[300]}"#, #"{"a":3.0e2}"#))
        #expect(try matches(#"{"a":[0]}"#, #"{"a":-0.0}"#))
        #expect(try !matches(#"{"a":[0.3]}"#, #"{"a":0.30000000000000004}"#))
        #expect(try matches(#"{"a":[12345678901234567890]}"#, #"{"a":12345678901234567890}"#))
        #expect(try !matches(#"{"a":[12345678901234567890]}"#, #"{"a":12345678901234567890.0}"#))
        #expect(try matches(#"{"a":[true]}"#, #"{"a":true}"#))
        #expect(try !matches(#"{"a":[true]}"#, #"{"a":"true"}"#))
        #expect(try matches(#"{"a":[null]}"#, #"{"a":null}"#))
        #expect(try !matches(#"{"a":[null]}"#, #"{}"#))
        #expect(try matches(#"{"a":[""]}"#, #"{"a":""}"#))
        #expect(try matches(#"{"a":["\u00e9"]}"#, #"{"a":"é"}"#))
        // No Unicode normalisation: NFC é is not e + combining acute.
        #expect(try !matches(#"{"a":["é"]}"#, "{\"a\":\"e\u{301}\"}"))
    }

    @Test("numeric ranges, full double range, -0 and subnormals (§4.6)")
    func numeric() throws {
        #expect(try matches(#"{"a":[{"numeric":[">",0,"<=",5]}]}"#, #"{"a":5}"#))
        #expect(try !matches(#"{"a":[{"numeric":[">",0,"<",5]}]}"#, #"{"a":5}"#))
        #expect(try !matches(#"{"a":[{"numeric":["<",0]}]}"#, #"{"a":-0.0}"#))
        #expect(try matches(#"{"a":[{"numeric":["<=",1E-320]}]}"#, #"{"a":1E-321}"#))
        #expect(try matches(#"{"a":[{"numeric":[">",1e300]}]}"#, #"{"a":1.7976931348623157e308}"#))
        #expect(try !matches(#"{"a":[{"numeric":[">",0]}]}"#, #"{"a":"5"}"#))
        #expect(try !matches(#"{"a":[{"numeric":[">",0]}]}"#, #"{"a":1e309}"#))
        #expect(try matches(#"{"a":[{"numeric":["=",300]}]}"#, #"{"a":3.0e2}"#))
    }

    @Test("prefix, suffix, equals-ignore-case and wildcard judge strings only (§4.7-4.9)")
    func stringOperators() throws {
        #expect(try matches(#"{"a":[{"prefix":""}]}"#, #"{"a":""}"#))
        #expect(try !matches(#"{"a":[{"prefix":"1"}]}"#, #"{"a":123}"#))
        #expect(try matches(#"{"a":[{"suffix":"😀"}]}"#, #"{"a":"hi 😀"}"#))
        #expect(try matches(#"{"a":[{"prefix":{"equals-ignore-case":"ABC"}}]}"#, #"{"a":"abcdef"}"#))
        #expect(try matches(#"{"a":[{"suffix":{"equals-ignore-case":".PNG"}}]}"#, #"{"a":"x.png"}"#))
        #expect(try matches(#"{"a":[{"equals-ignore-case":"ß"}]}"#, #"{"a":"SS"}"#))
        #expect(try !matches(#"{"a":[{"equals-ignore-case":"ß"}]}"#, #"{"a":"ss"}"#))
        #expect(try matches(#"{"a":[{"wildcard":"*"}]}"#, #"{"a":""}"#))
        #expect(try matches(#"{"a":[{"wildcard":""}]}"#, #"{"a":""}"#))
        #expect(try !matches(#"{"a":[{"wildcard":""}]}"#, #"{"a":"x"}"#))
        #expect(try matches(#"{"a":[{"wildcard":"a\\*b*"}]}"#, #"{"a":"a*bcd"}"#))
        #expect(try !matches(#"{"a":[{"wildcard":"*"}]}"#, #"{"a":5}"#))
    }

    @Test("anything-but accepts what it cannot judge but needs a leaf (§4.3, §4.10)")
    func anythingBut() throws {
        #expect(try matches(#"{"a":[{"anything-but":"x"}]}"#, #"{"a":null}"#))
        #expect(try matches(#"{"a":[{"anything-but":"x"}]}"#, #"{"a":5}"#))
        #expect(try matches(#"{"a":[{"anything-but":[5]}]}"#, #"{"a":"5"}"#))
        #expect(try !matches(#"{"a":[{"anything-but":5}]}"#, #"{"a":5.0}"#))
        #expect(try !matches(#"{"a":[{"anything-but":"x"}]}"#, #"{}"#))
        #expect(try !matches(#"{"a":[{"anything-but":"x"}]}"#, #"{"a":[]}"#))
        #expect(try matches(#"{"a":[{"anything-but":"x"},{"exists":false}]}"#, #"{}"#))
        #expect(try matches(#"{"a":[{"anything-but":"x"}]}"#, #"{"a":["x","y"]}"#))
        #expect(try !matches(#"{"a":[{"anything-but":"x"}]}"#, #"{"a":["x","x"]}"#))
        #expect(try matches(#"{"a":[{"anything-but":{"suffix":"ab"}}]}"#, #"{"a":""}"#))
        #expect(try !matches(#"{"a":[{"anything-but":{"prefix":"ab"}}]}"#, #"{"a":"ab"}"#))
        #expect(try matches(#"{"a":[{"anything-but":{"wildcard":"*"}}]}"#, #"{"a":true}"#))
        #expect(try !matches(#"{"a":[{"anything-but":{"equals-ignore-case":["X","y"]}}]}"#, #"{"a":"Y"}"#))
        // anything-but keeps IP-looking strings as plain strings.
        #expect(try matches(#"{"a":[{"anything-but":"10.0.0.1"}]}"#, #"{"a":"10.0.0.01"}"#))
    }

    @Test("exists: leaves only; null counts as present (§4.4)")
    func exists() throws {
        #expect(try matches(#"{"a":[{"exists":true}]}"#, #"{"a":null}"#))
        #expect(try matches(#"{"a":[{"exists":true}]}"#, #"{"a":[null]}"#))
        #expect(try !matches(#"{"a":[{"exists":true}]}"#, #"{"a":[]}"#))
        #expect(try !matches(#"{"a":[{"exists":true}]}"#, #"{"a":{"x":1}}"#))
        #expect(try matches(#"{"c":[{"exists":false}]}"#, #"{"c":{"c1":1}}"#))
        #expect(try !matches(#"{"a":[{"exists":false}]}"#, #"{"a":null}"#))
        #expect(try matches(#"{"a":[{"exists":true},{"exists":false}]}"#, #"{"b":1}"#))
    }

    @Test("exists:false sees only the array elements pinned by paths sorting before it (§4.4)")
    func existsFalseOrder() throws {
        #expect(try matches(#"{"a":{"b":["1"],"c":[{"exists":false}]}}"#, #"{"a":[{"b":"1"},{"b":"2","c":"3"}]}"#))
        #expect(try !matches(#"{"a":{"x":[{"exists":false}],"y":["1"]}}"#, #"{"a":[{"y":"1"},{"y":"2","x":"3"}]}"#))
        #expect(try !matches(#"{"b":["1"],"a":{"z":[{"exists":false}]}}"#, #"{"b":"1","a":[{"z":1},{"y":2}]}"#))
    }

    @Test("array consistency across one element, nesting levels and sibling arrays (§4.2)")
    func arrayConsistency() throws {
        let people = #"{"e":[{"f":"A","l":"S"},{"f":"P","l":"J"}]}"#
        #expect(try matches(#"{"e":{"f":["A"],"l":["S"]}}"#, people))
        #expect(try !matches(#"{"e":{"f":["A"],"l":["J"]}}"#, people))
        let nested = #"{"a":[{"b":"2","c":[{"d":"4"}]},{"b":"5","c":[{"d":"3"}]}]}"#
        #expect(try !matches(#"{"a":{"b":["2"],"c":{"d":["3"]}}}"#, nested))
        #expect(try matches(#"{"a":{"b":["5"],"c":{"d":["3"]}}}"#, nested))
        #expect(try matches(#"{"x":{"a":["1"]},"y":{"b":["2"]}}"#, #"{"x":[{"a":"1"}],"y":[{"b":"2"}]}"#))
        let scalars = #"{"e":[{"t":["a","b"],"n":"z"},{"t":["c"],"n":"y"}]}"#
        #expect(try matches(#"{"e":{"t":["a"],"n":["z"]}}"#, scalars))
        #expect(try !matches(#"{"e":{"t":["c"],"n":["z"]}}"#, scalars))
        #expect(try matches(#"{"a":{"b":[1]}}"#, #"{"a":[[{"b":1}]]}"#))
    }

    @Test("dotted keys equal nesting; duplicate keys: last wins in patterns, all kept in events (§2.2, §2.8, §3.1)")
    func pathsAndDuplicates() throws {
        #expect(try matches(#"{"a.b":["x"]}"#, #"{"a":{"b":"x"}}"#))
        #expect(try matches(#"{"a":{"b":["x"]}}"#, #"{"a.b":"x"}"#))
        #expect(try matches(#"{"a":["x"],"a":["y"]}"#, #"{"a":"y"}"#))
        #expect(try !matches(#"{"a":["x"],"a":["y"]}"#, #"{"a":"x"}"#))
        #expect(try matches(#"{"a":["x"]}"#, #"{"a":"x","a":"y"}"#))
        #expect(try matches(#"{"a":["y"]}"#, #"{"a":"x","a":"y"}"#))
        // A leading empty key is dropped from pattern paths only.
        #expect(try matches(#"{"":{"b":["x"]}}"#, #"{"b":"x"}"#))
        #expect(try !matches(#"{"":{"b":["x"]}}"#, #"{"":{"b":"x"}}"#))
        #expect(try matches(#"{"":["x"]}"#, #"{"":"x"}"#))
        // Content after the top-level object is ignored.
        #expect(try matches(#"{"a":["x"]}"#, #"{"a":"x"} garbage"#))
    }

    @Test("$or at any level, multiplied out, with fields outside ANDed in (§2.6)")
    func or() throws {
        let pattern = #"{"a":["1"],"$or":[{"b":["2"]},{"c":{"$or":[{"d":["3"]},{"e":["4"]}]}}]}"#
        #expect(try EventPattern(pattern).subRuleCount == 3)
        #expect(try matches(pattern, #"{"a":"1","b":"2"}"#))
        #expect(try matches(pattern, #"{"a":"1","c":{"e":"4"}}"#))
        #expect(try !matches(pattern, #"{"b":"2"}"#))
        // Overriding inside branches depends on order.
        #expect(try matches(#"{"a":["1"],"$or":[{"a":["2"]},{"b":["3"]}]}"#, #"{"a":"2"}"#))
        #expect(try !matches(#"{"$or":[{"a":["2"]},{"b":["3"]}],"a":["1"]}"#, #"{"a":"2"}"#))
    }

    @Test("IP-literal strings and CIDR compare addresses (§4.11)")
    func addresses() throws {
        #expect(try matches(#"{"a":["10.0.0.1"]}"#, #"{"a":"10.0.0.01"}"#))
        #expect(try matches(#"{"a":["::1"]}"#, #"{"a":"0:0:0:0:0:0:0:1"}"#))
        #expect(try !matches(#"{"a":[{"exactly":"10.0.0.1"}]}"#, #"{"a":"10.0.0.01"}"#))
        #expect(try matches(#"{"a":[{"cidr":"10.0.0.77/24"}]}"#, #"{"a":"10.0.0.200"}"#))
        #expect(try !matches(#"{"a":[{"cidr":"10.0.0.0/24"}]}"#, #"{"a":"10.0.1.1"}"#))
        #expect(try matches(#"{"a":[{"cidr":"2001:db8::/32"}]}"#, #"{"a":"2001:DB8::5"}"#))
        #expect(try !matches(#"{"a":[{"cidr":"10.0.0.0/8"}]}"#, #"{"a":167772161}"#))
    }

    @Test("a Matcher reused across events gives the same answers")
    func reuse() throws {
        let pattern = try EventPattern(#"{"a":{"b":["1"],"c":[{"exists":false}]}}"#)
        var matcher = Matcher()
        let events = [
            (#"{"a":[{"b":"1"},{"b":"2","c":"3"}]}"#, true), (#"{"a":{"b":"1","c":2}}"#, false),
            (#"{"a":{"b":"1"}}"#, true), (#"{"a":[{"b":"1","c":0}]}"#, false),
        ]
        for _ in 0..<3 {
            for (event, expected) in events {
                #expect(try matcher.matches(pattern, utf8: Array(event.utf8)) == expected)
            }
        }
    }
}

/// The array-consistency search on adversarial input: many fields, each with candidates in independent
/// arrays, and a late field that fails whatever they choose. Plain backtracking would try 2^24 choices.
@Suite("Consistency search limits")
struct ConsistencySearchTests {
    @Test("a late failure after many independent choices is found quickly")
    func lateFailure() throws {
        let count = 24
        let inner = (0..<count).map { String(format: "\"b%02d\":[{\"x\":1},{\"x\":1}]", $0) }.joined(separator: ",")
        let element = "{\"a\":1,\(inner),\"z\":1}"
        let event = "{\"m\":[\(element),\(element)]}"
        let fields = (0..<count).map { String(format: "\"b%02d\":{\"x\":[1]}", $0) }.joined(separator: ",")
        let pattern = "{\"m\":{\"a\":[1],\(fields),\"z\":[{\"exists\":false}]}}"
        var matcher = Matcher()
        #expect(try matcher.matches(EventPattern(pattern), utf8: Array(event.utf8)) == false)
        // Remembered failures keep the search polynomial; plain backtracking takes over 2^24 steps here.
        #expect(matcher.lastSearchSteps < 100_000)
        let satisfiable = pattern.replacingOccurrences(of: "\"z\":[{\"exists\":false}]", with: "\"z\":[1]")
        #expect(try matches(satisfiable, event))
    }

    @Test("a failing last field whose leaves lie in every array does not defeat the memo")
    func lateFailureAcrossAllArrays() throws {
        // Duplicate keys "a": 24 arrays, each with two elements holding f_i and z; only the first array
        // has the z = "w" the pattern wants, in an element no f_0 leaf shares.
        let count = 24
        let fields = (0..<count).map { String(format: "\"f%02d\":[\"v\"]", $0) }.joined(separator: ",")
        let pattern = "{\"a\":{\(fields),\"z\":[\"w\"]}}"
        let arrays = (0..<count).map { i -> String in
            let element = String(format: "{\"f%02d\":\"v\",\"z\":\"n\"}", i)
            return "\"a\":[\(element),\(element)\(i == 0 ? ",{\"z\":\"w\"}" : "")]"
        }
        let event = "{" + arrays.joined(separator: ",") + "}"
        var matcher = Matcher()
        #expect(try matcher.matches(EventPattern(pattern), utf8: Array(event.utf8)) == false)
        #expect(matcher.lastSearchSteps < 100_000)
    }
}
