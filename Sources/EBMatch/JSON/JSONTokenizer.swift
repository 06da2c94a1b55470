/// What `JSONTokenizer.next()` found.
enum JSONToken: UInt8, Sendable {
    case startObject, endObject, startArray, endArray
    /// An object member name; `JSONTokenizer.text` holds its range.
    case fieldName
    /// A string value; its contents are read lazily (see `JSONTokenizer.completeString()`).
    case string
    /// A number; `JSONTokenizer.text` holds the literal.
    case number
    case trueLiteral, falseLiteral, nullLiteral
    /// Nothing more at the top level (the document ended, or the root value is complete).
    case end
}

/// A pull tokenizer over UTF-8 bytes that behaves like Jackson's streaming parser, because AWS's
/// error messages and their columns depend on exactly how far Jackson has read when a fault shows:
///
/// - after a member name it also reads the start of the value (a number or literal entirely);
/// - a string value is returned with only its opening quote consumed, and finished on demand;
/// - close markers are checked before commas; content after the root value is never read.
///
/// `position` is Jackson's input pointer: one past the last byte consumed.
struct JSONTokenizer {
    /// The document.
    let input: UnsafeBufferPointer<UInt8>
    /// One past the last byte consumed.
    private(set) var position = 0
    /// Byte range of the current name, number or literal, or of a completed string's contents.
    private(set) var text: Range<Int> = 0..<0
    /// Whether the current string or name holds backslash escapes (then it must be decoded).
    private(set) var textHasEscapes = false
    /// Byte offset where the current token starts.
    private(set) var tokenStart = 0
    /// Nesting limit (Jackson's StreamReadConstraints default).
    static let maxDepth = 1000
    /// Number length limit (Jackson's StreamReadConstraints default).
    static let maxNumberLength = 1000
    /// String length limit in characters (Jackson 2.15.1 and later).
    static let maxStringLength = 20_000_000
    /// Member name length limit in characters (Jackson 2.16 and later).
    static let maxNameLength = 50_000

    /// Open containers: start offset * 2 + 1 for an object, + 0 for an array.
    private var containers: [Int] = []
    private var afterValue = false
    private var stringPending = false
    private var pending: JSONToken? = nil
    private var pendingStart = 0
    private var rootDone = false

    /// A tokenizer at the start of `input`. `stack` lends the storage of an earlier tokenizer's container
    /// stack (see `takeStack()`), so that reading many documents does not allocate.
    init(_ input: UnsafeBufferPointer<UInt8>, stack: consuming [Int] = []) {
        self.input = input
        containers = consume stack
        containers.removeAll(keepingCapacity: true)
    }

    /// Hands back the container stack's storage for the next tokenizer.
    mutating func takeStack() -> [Int] {
        defer { containers = [] }
        return containers
    }

    /// Current nesting depth (number of open objects and arrays).
    var depth: Int { containers.count }
    /// Whether the innermost open container is an object.
    var inObject: Bool { (containers.last ?? 0) & 1 == 1 }

    // MARK: - Tokens

    /// Reads the next token.
    mutating func next() throws(JSONSyntaxError) -> JSONToken {
        if let token = pending {
            pending = nil
            tokenStart = pendingStart
            if token != .string { text = pendingText }
            try open(token, at: pendingStart)
            afterValue = token != .startObject && token != .startArray
            return token
        }
        if stringPending { try skipStringRest() }
        if rootDone { return .end }
        guard let c = try skipWhitespace() else {
            if let top = containers.last {
                throw JSONSyntaxError(
                    message: "Unexpected end-of-input: expected close marker for "
                        + (top & 1 == 1 ? "Object" : "Array") + " (start marker at \u{0})",
                    offset: input.count, relatedOffset: top >> 1)
            }
            return .end
        }
        if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
            return try close(c)
        }
        if afterValue {
            if containers.isEmpty { rootDone = true; return .end }
            guard c == UInt8(ascii: ",") else {
                throw .unexpectedCharacter(input, at: position, "was expecting comma to separate "
                    + (inObject ? "Object" : "Array") + " entries")
            }
            position += 1
            guard let next = try skipWhitespace() else {
                throw JSONSyntaxError(
                    message: "Unexpected end-of-input within/between "
                        + (inObject ? "Object" : "Array") + " entries", offset: input.count)
            }
            _ = next
        }
        tokenStart = position
        if inObject { return try readFieldName() }
        let token = try readValueStart()
        try open(token, at: tokenStart)
        afterValue = token != .startObject && token != .startArray
        return token
    }

    /// Finishes the current string value (Jackson's `getText()`): consumes it up to the closing quote and
    /// sets `text` to its contents.
    mutating func completeString() throws(JSONSyntaxError) {
        guard stringPending else { return }
        try skipStringRest()
    }

    /// Skips the value whose first token was just returned (a container is skipped to its end).
    mutating func skipChildren(of token: JSONToken) throws(JSONSyntaxError) {
        guard token == .startObject || token == .startArray else { return }
        let target = depth - 1
        while depth > target {
            if try next() == .end { return }
        }
    }

    /// Skips the string value whose opening quote was just read, looking only for its closing quote
    /// (escapes, control characters and UTF-8 are not checked). For values no pattern reads.
    mutating func skipStringUnchecked() throws(JSONSyntaxError) {
        guard stringPending else { return }
        stringPending = false
        var i = position
        let count = input.count
        while i < count {
            let c = input[i]
            if c == UInt8(ascii: "\"") {
                position = i + 1
                return
            }
            i += c == UInt8(ascii: "\\") ? 2 : 1
        }
        throw JSONSyntaxError(
            message: "Unexpected end-of-input: was expecting closing quote for a string value", offset: count)
    }

    /// Skips the rest of the container whose start token was just returned, looking only at brackets
    /// and string quotes: nothing inside is validated (not the JSON grammar, not UTF-8, not the limits).
    /// For values no pattern reads, when speed matters more than rejecting every malformed event.
    mutating func skipContainerUnchecked() throws(JSONSyntaxError) {
        guard let top = containers.last else { return }
        var depth = 1
        var i = position
        let count = input.count
        while i < count {
            let c = input[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                while i < count {
                    let d = input[i]
                    if d == UInt8(ascii: "\\") {
                        i += 2
                    } else if d == UInt8(ascii: "\"") {
                        break
                    } else {
                        i += 1
                    }
                }
            } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                depth += 1
            } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 {
                    position = i + 1
                    containers.removeLast()
                    afterValue = true
                    if containers.isEmpty { rootDone = true }
                    return
                }
            }
            i += 1
        }
        throw JSONSyntaxError(
            message: "Unexpected end-of-input: expected close marker for " + (top & 1 == 1 ? "Object" : "Array")
                + " (start marker at \u{0})",
            offset: count, relatedOffset: top >> 1)
    }

    // MARK: - Structure

    private mutating func open(_ token: JSONToken, at offset: Int) throws(JSONSyntaxError) {
        guard token == .startObject || token == .startArray else { return }
        if containers.count >= Self.maxDepth {
            throw JSONSyntaxError(
                message: "Document nesting depth (\(containers.count + 1)) exceeds the maximum allowed "
                    + "(\(Self.maxDepth), from `StreamReadConstraints.getMaxNestingDepth()`)",
                offset: offset, isLimit: true)
        }
        containers.append(offset * 2 + (token == .startObject ? 1 : 0))
    }

    private mutating func close(_ c: UInt8) throws(JSONSyntaxError) -> JSONToken {
        let isObjectEnd = c == UInt8(ascii: "}")
        guard let top = containers.last else {
            throw .unexpectedCharacter(input, at: position, "expected a valid value \(JSONSyntaxError.validValues)")
        }
        let openIsObject = top & 1 == 1
        if openIsObject != isObjectEnd {
            throw JSONSyntaxError(
                message: "Unexpected close marker '\(isObjectEnd ? "}" : "]")': expected '"
                    + (openIsObject ? "}" : "]") + "' (for " + (openIsObject ? "Object" : "Array")
                    + " starting at \u{0})",
                offset: position, relatedOffset: top >> 1)
        }
        tokenStart = position
        position += 1
        containers.removeLast()
        afterValue = true
        if containers.isEmpty { rootDone = true }
        return isObjectEnd ? .endObject : .endArray
    }

    // MARK: - Members and values

    private mutating func readFieldName() throws(JSONSyntaxError) -> JSONToken {
        guard input[position] == UInt8(ascii: "\"") else {
            throw .unexpectedCharacter(input, at: position, "was expecting double-quote to start field name")
        }
        position += 1
        let start = position
        let escapes = try scanStringBody()
        text = start..<(position - 1)
        textHasEscapes = escapes
        try checkLength(text, limit: Self.maxNameLength, "Name length", "getMaxNameLength")
        guard let colon = try skipWhitespace() else {
            throw JSONSyntaxError(message: "Unexpected end-of-input within/between Object entries", offset: input.count)
        }
        guard colon == UInt8(ascii: ":") else {
            throw .unexpectedCharacter(input, at: position, "was expecting a colon to separate field name and value")
        }
        position += 1
        guard try skipWhitespace() != nil else {
            throw JSONSyntaxError(message: "Unexpected end-of-input within/between Object entries", offset: input.count)
        }
        // Jackson reads the value's start right away; its range must not clobber the name's.
        let name = text
        pendingStart = position
        let value = try readValueStart()
        if value == .number || value == .trueLiteral || value == .falseLiteral || value == .nullLiteral {
            pendingText = text
        }
        text = name
        textHasEscapes = escapes
        pending = value
        afterValue = false
        return .fieldName
    }

    private var pendingText: Range<Int> = 0..<0


    /// Reads the start of a value at `position` (known not to be whitespace or end of input).
    private mutating func readValueStart() throws(JSONSyntaxError) -> JSONToken {
        let c = input[position]
        switch c {
        case UInt8(ascii: "\""):
            position += 1
            stringPending = true
            return .string
        case UInt8(ascii: "{"):
            position += 1
            return .startObject
        case UInt8(ascii: "["):
            position += 1
            return .startArray
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
            pendingText = text
            return .number
        case UInt8(ascii: "t"):
            try matchLiteral("true")
            return .trueLiteral
        case UInt8(ascii: "f"):
            try matchLiteral("false")
            return .falseLiteral
        case UInt8(ascii: "n"):
            try matchLiteral("null")
            return .nullLiteral
        default:
            throw oddValue(c)
        }
    }

    /// Jackson's `_handleOddValue`: the error for a character that cannot start a value.
    private mutating func oddValue(_ c: UInt8) -> JSONSyntaxError {
        switch c {
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            return .unexpectedCharacter(input, at: position, "expected a value")
        case UInt8(ascii: "+"):
            return .unexpectedCharacter(input, at: position,
                "JSON spec does not allow numbers to have plus signs: enable "
                    + "`JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow", inNumber: true)
        case UInt8(ascii: "N"):
            if hasLiteral("NaN") { return nonStandard("NaN") }
        case UInt8(ascii: "I"):
            if hasLiteral("Infinity") { return nonStandard("Infinity") }
        default:
            break
        }
        if isIdentifierStart(at: position) { return invalidToken(from: position) }
        return .unexpectedCharacter(input, at: position, "expected a valid value \(JSONSyntaxError.validValues)")
    }

    private mutating func nonStandard(_ token: String) -> JSONSyntaxError {
        position += token.utf8.count
        return JSONSyntaxError(
            message: "Non-standard token '\(token)': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow",
            offset: position)
    }

    private func hasLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= input.count else { return false }
        let bytes = literal.utf8Start
        for i in 0..<count where input[position + i] != bytes[i] { return false }
        return true
    }

    private mutating func matchLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let start = position
        let count = literal.utf8CodeUnitCount
        let bytes = literal.utf8Start
        var i = 0
        while i < count {
            guard position + i < input.count, input[position + i] == bytes[i] else {
                throw invalidToken(from: start)
            }
            i += 1
        }
        // `truex` is one bad token to Jackson, not `true` followed by junk.
        if position + count < input.count, isIdentifierPart(at: position + count) {
            throw invalidToken(from: start)
        }
        position += count
        text = start..<position
    }

    /// `Unrecognized token '<word>': …`, reading the word as Jackson does (identifier characters).
    private mutating func invalidToken(from start: Int) -> JSONSyntaxError {
        position = start
        var length = 0
        while position < input.count, length < 256, isIdentifierPart(at: position) {
            let step = UTF8Decoding.sequenceLength(in: input, at: position) ?? 1
            position += step
            length += 1
        }
        if position == start { position += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: input[start..<position]), as: UTF8.self)
        return JSONSyntaxError(
            message: "Unrecognized token '\(word)': was expecting \(JSONSyntaxError.validValues)",
            offset: position)
    }

    private func isIdentifierStart(at offset: Int) -> Bool {
        guard let s = UTF8Decoding.scalar(in: input, at: offset) else { return false }
        if s == "$" || s == "_" { return true }
        return s.properties.isAlphabetic || s.properties.generalCategory == .letterNumber
    }

    private func isIdentifierPart(at offset: Int) -> Bool {
        guard let s = UTF8Decoding.scalar(in: input, at: offset) else { return false }
        if isIdentifierStart(at: offset) { return true }
        switch s.properties.generalCategory {
        case .decimalNumber, .connectorPunctuation, .spacingMark, .nonspacingMark: return true
        default: return false
        }
    }

    // MARK: - Scalars

    /// Skips whitespace; returns the next byte (not consumed) or nil at end of input.
    @inline(__always)
    private mutating func skipWhitespace() throws(JSONSyntaxError) -> UInt8? {
        // The common cases, a token right here or after one space, without a call.
        if position < input.count {
            let c = input[position]
            if c > 0x20 && c != UInt8(ascii: "/") { return c }
            if c == 0x20 && position + 1 < input.count {
                let d = input[position + 1]
                if d > 0x20 && d != UInt8(ascii: "/") {
                    position += 1
                    return d
                }
            }
        }
        return try skipWhitespaceSlowly()
    }

    private mutating func skipWhitespaceSlowly() throws(JSONSyntaxError) -> UInt8? {
        while position < input.count {
            let c = input[position]
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                position += 1
            case UInt8(ascii: "/"):
                throw .unexpectedCharacter(input, at: position,
                    "maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)")
            case 0..<32:
                throw JSONSyntaxError(
                    message: "Illegal character ((CTRL-CHAR, code \(c))): only regular white space (\\r, \\n, \\t) is allowed between tokens",
                    offset: position)
            default:
                return c
            }
        }
        return nil
    }

    private mutating func skipStringRest() throws(JSONSyntaxError) {
        stringPending = false
        let start = position
        textHasEscapes = try scanStringBody()
        text = start..<(position - 1)
        try checkLength(text, limit: Self.maxStringLength, "String value length", "getMaxStringLength")
    }

    /// Jackson's length limits count characters (UTF-16 units) of the decoded text; the count is only
    /// needed when the raw bytes exceed the limit, since a character takes at least one byte.
    @inline(__always)
    private func checkLength(
        _ range: Range<Int>, limit: Int, _ what: String, _ getter: String
    ) throws(JSONSyntaxError) {
        guard range.count > limit else { return }
        try checkLengthSlowly(range, limit: limit, what, getter)
    }

    private func checkLengthSlowly(
        _ range: Range<Int>, limit: Int, _ what: String, _ getter: String
    ) throws(JSONSyntaxError) {
        var length = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let c = input[i]
            if c == UInt8(ascii: "\\") {
                i += input[i + 1] == UInt8(ascii: "u") ? 6 : 2
            } else {
                if c >= 0xF0 { length += 1 }  // a surrogate pair: two units
                i += 1
                while i < range.upperBound, input[i] & 0xC0 == 0x80 { i += 1 }
            }
            length += 1
        }
        guard length > limit else { return }
        throw JSONSyntaxError(
            message: "\(what) (\(length)) exceeds the maximum allowed (\(limit), from `StreamReadConstraints.\(getter)()`)",
            offset: range.upperBound, isLimit: true)
    }

    /// Scans a string body from `position` (just after the opening quote) through the closing quote,
    /// validating escapes, control characters and UTF-8. Returns whether it held escapes.
    private mutating func scanStringBody() throws(JSONSyntaxError) -> Bool {
        var escapes = false
        let count = input.count
        while position < count {
            let c = input[position]
            if c == UInt8(ascii: "\"") {
                position += 1
                return escapes
            }
            if c == UInt8(ascii: "\\") {
                escapes = true
                try scanEscape()
                continue
            }
            if c < 32 {
                throw JSONSyntaxError(
                    message: "Illegal unquoted character ((CTRL-CHAR, code \(c))): has to be escaped using backslash to be included in string value",
                    offset: position)
            }
            if c < 0x80 {
                position += 1
                continue
            }
            guard let length = UTF8Decoding.sequenceLength(in: input, at: position) else {
                throw invalidUTF8(at: position)
            }
            position += length
        }
        throw JSONSyntaxError(
            message: "Unexpected end-of-input: was expecting closing quote for a string value", offset: count)
    }

    /// Names the first byte that breaks the UTF-8 sequence starting at `offset` (a bad lead byte, or a
    /// continuation byte out of the range the lead allows: overlongs, surrogates, above U+10FFFF).
    private func invalidUTF8(at offset: Int) -> JSONSyntaxError {
        let lead = input[offset]
        guard let (length, low, high) = UTF8Decoding.sequenceShape(lead: lead) else {
            return JSONSyntaxError(message: "Invalid UTF-8 start byte 0x\(String(lead, radix: 16))", offset: offset)
        }
        for i in offset + 1..<offset + length {
            guard i < input.count else {
                return JSONSyntaxError(message: "Unexpected end-of-input in a UTF-8 sequence", offset: input.count)
            }
            let byte = input[i]
            let (lo, hi) = i == offset + 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            if byte < lo || byte > hi {
                return JSONSyntaxError(message: "Invalid UTF-8 middle byte 0x\(String(byte, radix: 16))", offset: i)
            }
        }
        return JSONSyntaxError(message: "Invalid UTF-8 start byte 0x\(String(lead, radix: 16))", offset: offset)
    }

    private mutating func scanEscape() throws(JSONSyntaxError) {
        position += 1
        guard position < input.count else {
            throw JSONSyntaxError(
                message: "Unexpected end-of-input in character escape sequence", offset: input.count)
        }
        let e = input[position]
        position += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return
        case UInt8(ascii: "u"):
            for _ in 0..<4 {
                guard position < input.count else {
                    throw JSONSyntaxError(
                        message: "Unexpected end-of-input in character escape sequence", offset: input.count)
                }
                guard JSONStringDecoder.hexValue(input[position]) != nil else {
                    throw .unexpectedCharacter(input, at: position, "expected a hex-digit for character escape sequence")
                }
                position += 1
            }
        default:
            position -= 1
            let description = JSONSyntaxError.describeCharacter(input, at: position)
            position += UTF8Decoding.sequenceLength(in: input, at: position) ?? 1
            throw JSONSyntaxError(message: "Unrecognized character escape \(description)", offset: position - 1)
        }
    }

    /// Scans a number at `position`, validating it as Jackson does, and sets `text`.
    private mutating func scanNumber() throws(JSONSyntaxError) {
        let start = position
        let count = input.count
        if input[position] == UInt8(ascii: "-") {
            position += 1
            guard position < count, isDigit(input[position]) else {
                if position < count, input[position] == UInt8(ascii: "I"), hasLiteral("Infinity") {
                    position += 8
                    throw JSONSyntaxError(
                        message: "Non-standard token '-Infinity': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow",
                        offset: position)
                }
                throw numberFault("expected digit (0-9) to follow minus sign, for valid numeric value")
            }
        }
        let intStart = position
        if input[position] == UInt8(ascii: "0"), position + 1 < count, isDigit(input[position + 1]) {
            position += 1
            throw JSONSyntaxError(message: "Invalid numeric value: Leading zeroes not allowed", offset: position)
        }
        while position < count, isDigit(input[position]) { position += 1 }
        let intDigits = position - intStart
        var isFloat = false
        if position < count, input[position] == UInt8(ascii: ".") {
            isFloat = true
            position += 1
            guard position < count, isDigit(input[position]) else {
                throw numberFault("Decimal point not followed by a digit")
            }
            while position < count, isDigit(input[position]) { position += 1 }
        }
        if position < count, input[position] == UInt8(ascii: "e") || input[position] == UInt8(ascii: "E") {
            isFloat = true
            position += 1
            if position < count, input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < count, isDigit(input[position]) else {
                throw numberFault("Exponent indicator not followed by a digit")
            }
            while position < count, isDigit(input[position]) { position += 1 }
        }
        let length = isFloat ? position - start : intDigits
        if length > Self.maxNumberLength {
            throw JSONSyntaxError(
                message: "Number value length (\(length)) exceeds the maximum allowed "
                    + "(\(Self.maxNumberLength), from `StreamReadConstraints.getMaxNumberLength()`)",
                offset: position, isLimit: true)
        }
        text = start..<position
        if containers.isEmpty, position < count {
            let c = input[position]
            if c != UInt8(ascii: " ") && c != UInt8(ascii: "\n") && c != UInt8(ascii: "\r") && c != UInt8(ascii: "\t") {
                throw .unexpectedCharacter(input, at: position, "Expected space separating root-level values")
            }
        }
    }

    private func numberFault(_ why: String) -> JSONSyntaxError {
        guard position < input.count else {
            return JSONSyntaxError(message: "Unexpected end-of-input in a Number value", offset: input.count)
        }
        return JSONSyntaxError.unexpectedCharacter(input, at: position, why, inNumber: true)
    }

    @inline(__always)
    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
}
