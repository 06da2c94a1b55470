import Testing

@testable import EBMatch

/// The fault a pattern is rejected with.
func patternError(_ pattern: String, limits: PatternLimits = .aws) -> EBMatchError? {
    do {
        _ = try EventPattern(pattern, limits: limits)
        return nil
    } catch {
        return error
    }
}

/// The fault a pattern given as raw bytes is rejected with.
func utf8Error(_ bytes: [UInt8]) -> EBMatchError? {
    do {
        _ = try EventPattern(utf8: bytes)
        return nil
    } catch {
        return error
    }
}

/// Validation: AWS's messages, positions (Jackson's columns) and JSON paths.
@Suite("Pattern validation")
struct PatternParserTests {
    @Test("structure faults, with the position just after the last token read")
    func structure() throws {
        let empty = try #require(patternError(#"{"resources": []}"#))
        #expect(empty.firstLine == "Empty arrays are not allowed")
        #expect((empty.line, empty.column) == (1, 17))
        #expect(empty.path == "$.resources")
        #expect(patternError(#"{"a": {}}"#)?.firstLine == "Empty objects are not allowed")
        #expect(patternError(#"{"a": 5}"#)?.firstLine == #""a" must be an object or an array"#)
        #expect(patternError(#"[1]"#)?.firstLine == "Filter is not an object")
        #expect(patternError("")?.firstLine == "Filter is not an object")
        #expect(patternError(#"{"a": [[1]]}"#)?.firstLine == "Match value must be String, number, true, false, or null")
        #expect(patternError(#"{"a": [{}]}"#)?.firstLine == "Match expression name not found")
        #expect(patternError(#"{"a": [{"regex": "x"}]}"#)?.firstLine == "Unrecognized match type regex")
        #expect(patternError(#"{"a": [{"prefix": "x", "suffix": "y"}]}"#)?.firstLine
            == "Only one key allowed in match expression")
    }

    @Test("operator faults")
    func operators() throws {
        #expect(patternError(#"{"a":[{"numeric":[">",5,"<=",5]}]}"#)?.firstLine == "Bottom must be less than top")
        #expect(patternError(#"{"a":[{"numeric":["=",9007199254740993]}]}"#)?.firstLine
            == "Cannot compare number : 9007199254740993")
        #expect(patternError(#"{"a":[{"numeric":[">",1,">",5]}]}"#)?.firstLine == "Bad numeric range operator: >")
        #expect(patternError(#"{"a":[{"numeric":[]}]}"#)?.firstLine == "Invalid member in numeric match: ]")
        #expect(patternError(#"{"a":[{"exists":"yes"}]}"#)?.firstLine
            == "exists match pattern must be either true or false.")
        #expect(patternError(#"{"a":[{"wildcard":"a**b"}]}"#)?.firstLine == "Consecutive wildcard characters at pos 2")
        #expect(patternError(#"{"a":[{"cidr":"10.0.0.0/32"}]}"#)?.firstLine == "IPv4 mask bits must be < 32")
        #expect(patternError(#"{"a":[{"cidr":"10.0.0.0/32"}]}"#)?.offset == nil)
        #expect(patternError(#"{"a":[{"anything-but":{"prefix":""}}]}"#)?.firstLine == "Null prefix/suffix not allowed")
        #expect(patternError(#"{"a":[{"anything-but":[]}]}"#)?.firstLine
            == "Inside anything but list, either all values are number or string, mixed type is not supported")
        #expect(patternError(#"{"a":[{"anything-but":{"exists":true}}]}"#)?.firstLine
            == "Unsupported anything-but pattern: exists")
    }

    @Test("faults inside anything-but lists repeat the location suffix, with the JSON path")
    func doubledSuffix() throws {
        let error = try #require(patternError(#"{"detail": {"state": [{"anything-but": ["stopped", null]}]}}"#))
        #expect(error.locationRepeats == 2)
        #expect(error.path == "$.detail.state[0].anything-but[1]")
        let suffix = #"\n at [Source: (String)"{"detail": {"state": [{"anything-but": ["stopped", null]}]}}"; line: 1, column: 56]"#
            .replacingOccurrences(of: "\\n", with: "\n")
        #expect(error.awsMessage
            == "Event pattern is not valid. Reason: Inside anything but list, start|null|boolean is not supported."
            + suffix + suffix)
    }

    @Test("cases that crash the reference are rejected, not accepted")
    func referenceCrashes() {
        #expect(patternError(#"{"a":[{"anything-but":{"prefix":[]}}]}"#) != nil)
        #expect(patternError(#"{"a":[{"numeric":[">=",1.7976931348623157e308]}]}"#) != nil)
        #expect(patternError(#"{"a":[{"numeric":["<",-1.7976931348623157e308]}]}"#) != nil)
    }

    @Test("$or misuse is rejected with the modern compiler's messages (AWS), never read as a field name")
    func orMisuse() {
        #expect(patternError(#"{"$or":{"a":["x"]}}"#)?.firstLine == "It must be an Array followed with $or.")
        #expect(patternError(#"{"$or":["x"]}"#)?.firstLine == "Only JSON object is allowed in array of $or relationship.")
        #expect(patternError(#"{"$or":[{"a":["x"]}]}"#)?.firstLine
            == "There must have at least 2 Objects in $or relationship.")
        #expect(patternError(#"{"$or":[{"numeric":[">",1]},{"prefix":"a"}]}"#)?.firstLine
            == "numeric is Ruler reserved fieldName which cannot be used inside $or.")
    }

    @Test("the 257th path of a sub-rule is located, though AWS's message names no place")
    func ruleSizeLocated() throws {
        let fields = (0..<257).map { "\"f\($0)\":[1]" }.joined(separator: ",")
        let plain = try #require(patternError("{\(fields)}"))
        #expect(plain.path == "$.f256")
        #expect(plain.column == "{\(fields)}".utf8.count - 10)
        #expect(plain.awsMessage == "Event pattern is not valid. Reason: Size of rule 'rule' exceeds max value of 256")
        // Inside `$or` the branch that went over is named; a repeated path does not count twice.
        let branch = (0..<256).map { "\"g\($0)\":[1]" }.joined(separator: ",")
        let text = "{\"a\":[1],\n\"$or\":[{\"b\":[1],\"a\":[2]},\n{\(branch)}]}"
        let or = try #require(patternError(text))
        #expect(or.path == "$.$or[1].g255")
        #expect((or.line, or.column) == (3, "{\(branch)}".utf8.count - 10))
        #expect(or.advice()?.hasPrefix("a pattern may test at most 256 paths, counted for each combination") == true)
        let validation = EventPattern.validate(utf8: Array(text.utf8))
        #expect(validation.errors.first?.path == "$.$or[1].g255")
    }

    @Test("limits: 256 fields per sub-rule, $or fan-out, wildcard complexity")
    func limits() throws {
        let fields = (0..<257).map { "\"f\($0)\":[1]" }.joined(separator: ",")
        #expect(patternError("{\(fields)}")?.firstLine == "Size of rule 'rule' exceeds max value of 256")
        let ok = (0..<256).map { "\"f\($0)\":[1]" }.joined(separator: ",")
        #expect(patternError("{\(ok)}") == nil)
        // 2^17 combinations: refused quickly instead of exhausting memory.
        let ors = (0..<17).map { "\"k\($0)\":{\"$or\":[{\"a\":[1]},{\"b\":[2]}]}" }.joined(separator: ",")
        #expect(patternError("{\(ors)}")?.firstLine.hasPrefix("$or multiplies out") == true)
        #expect(patternError("{\(ors)}")?.code == .implementationLimit)
        // Fields after the last $or count too, whatever the key order.
        let sixteen = (0..<16).map { "\"k\($0)\":{\"$or\":[{\"a\":[1]},{\"b\":[2]}]}" }.joined(separator: ",")
        let after = (0..<239).map { "\"z\($0)\":[1]" }.joined(separator: ",")
        #expect(patternError("{\(sixteen),\(after)}")?.code == .implementationLimit)
        #expect(patternError("{\(after),\(sixteen)}")?.code == .implementationLimit)
        let complex = #"{"EventBusArn": [{"wildcard": "*:*:*:*:*:event-bus/*"}]}"#
        #expect(patternError(complex)?.firstLine == WildcardComplexity.message)
        #expect(patternError(complex)?.path == "$.EventBusArn")
        #expect(patternError(complex, limits: PatternLimits(maxWildcardComplexity: 11)) == nil)
        #expect(patternError(#"{"a":[{"wildcard":"/Users/*/dir/dir/dir/dir/dir/doc.txt"}]}"#) == nil)
        // A repeated wildcard, or one that $or copies into several sub-rules, counts once.
        let seven = #"{"wildcard":"/Users/*/dir/dir/dir/dir/dir/doc.txt"}"#
        #expect(patternError("{\"a\":[\(seven),\(seven)]}") == nil)
        #expect(patternError("{\"a\":[\(seven)],\"$or\":[{\"b\":[1]},{\"c\":[2]}]}") == nil)
    }

    @Test("wildcard complexity matches AWS's data points")
    func complexity() throws {
        func estimate(_ text: String) throws -> Int {
            let pattern = try WildcardPattern.parse(Array(text.utf8)).get()
            return WildcardComplexity.estimate([pattern], cap: 100)
        }
        #expect(try estimate("*:*:*:*:*:event-bus/*") == 11)
        #expect(try estimate("/Users/*/dir/dir/dir/dir/dir/doc.txt") == 7)
        #expect(try estimate("arn:aws:events:us-east-1:*:event-bus/*") == 3)
        #expect(try estimate("abc") == 0)
        // Many simple wildcards on one path: each alone has complexity 0, so together they are accepted.
        let many = (0..<10_000).map { try? WildcardPattern.parse(Array("p\($0)*".utf8)).get() }.compactMap { $0 }
        #expect(WildcardComplexity.estimate(many, cap: 10) == 0)
        let two = try ["a*b*c", "x*y*z"].map { try WildcardPattern.parse(Array($0.utf8)).get() }
        #expect(WildcardComplexity.estimate(two, cap: 100) == 6)
    }

    @Test("nesting and number length limits, and deep valid patterns")
    func jacksonLimits() throws {
        // 999 objects and the matcher list: 1000 levels, Jackson's maximum.
        let deep = String(repeating: "{\"a\":", count: 999) + "[1]" + String(repeating: "}", count: 999)
        #expect(patternError(deep) == nil)
        let tooDeep = String(repeating: "{\"a\":", count: 1000) + "[1]" + String(repeating: "}", count: 1000)
        let error = try #require(patternError(tooDeep))
        #expect(error.code == .limitExceeded)
        #expect(error.firstLine.hasPrefix("Document nesting depth (1001) exceeds the maximum allowed (1000"))
        let long = "{\"a\":[" + String(repeating: "1", count: 1001) + "]}"
        #expect(patternError(long)?.code == .limitExceeded)
    }

    @Test("JSON syntax errors in Jackson's words, columns at the offending character")
    func syntax() throws {
        let token = try #require(patternError("this is valid json but not a dict"))
        #expect(token.firstLine
            == "Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')")
        #expect(token.column == 5)
        let quote = try #require(patternError("{'bad': 'quotation'}"))
        #expect(quote.firstLine == "Unexpected character (''' (code 39)): was expecting double-quote to start field name")
        #expect(quote.column == 2)
        #expect(patternError(#"{"a":[01]}"#)?.firstLine == "Invalid numeric value: Leading zeroes not allowed")
        #expect(patternError(#"{"a":["x\d"]}"#)?.firstLine == "Unrecognized character escape 'd' (code 100)")
        #expect(patternError("{\"a\":[\"x\ty\"]}")?.firstLine
            == "Illegal unquoted character ((CTRL-CHAR, code 9)): has to be escaped using backslash to be included in string value")
        #expect(patternError(#"{"a":["x"]"#)?.firstLine.hasPrefix("Unexpected end-of-input: expected close marker for Object") == true)
        let multiline = try #require(patternError("{\n  \"a\": [\n  ]\n}"))
        #expect((multiline.line, multiline.column) == (3, 4))
    }

    @Test("invalid UTF-8 in a pattern is a located error")
    func invalidUTF8() throws {
        var bytes = Array(#"{"a":["x"]}"#.utf8)
        bytes[7] = 0xFF
        let error = try #require(utf8Error(bytes))
        #expect(error.firstLine == "Invalid UTF-8 start byte 0xff")
        #expect(error.column == 8)
        // Outside strings: C1 controls are Java ISO controls; a byte that is not UTF-8 is named as a byte.
        let c1 = utf8Error(Array(#"{"a":["#.utf8) + [0xC2, 0x89] + Array("]}".utf8))
        #expect(c1?.firstLine == "Unexpected character ((CTRL-CHAR, code 137)): expected a valid value \(JSONSyntaxError.validValues)")
        let raw = utf8Error(Array(#"{"a":["#.utf8) + [0xB3] + Array("]}".utf8))
        #expect(raw?.firstLine == "Unexpected character ((invalid UTF-8 byte 0xb3)): expected a valid value \(JSONSyntaxError.validValues)")
    }
}
