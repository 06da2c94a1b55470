/// Whether one matcher accepts one leaf, with the type rules of the spec (§4.3): each operator judges
/// only the kinds of leaf it can compare, and `anything-but` accepts every leaf it cannot judge.
extension ValueMatcher {
    /// Whether the matcher accepts `leaf`, whose value bytes are `bytes` (string contents, decoded; or
    /// the literal text of a number, `true`, `false`, `null`). `exists: false` accepts no leaf: it is
    /// decided on the absence of leaves instead.
    @inline(__always)
    func accepts(_ leaf: EventFields.Leaf, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let isString = leaf.kind == .string
        switch self {
        case .exactString(let text):
            return isString && bytes.elementsEqual(text)
        case .exactNumber(let literal, let key):
            // Reference quirk (spec §4.11, probe "cidr pass exact-number quirk"): on a path with IP matchers a
            // string leaf that is an address is also compared, as its uppercase hex, with number literals.
            if isString, let address = leaf.address { return address.hexDigitsEqual(literal) }
            guard leaf.kind == .number else { return false }
            // A comparable leaf is compared by value; any other by its exact text.
            if leaf.hasNumberKey { return key == leaf.numberKey }
            return bytes.elementsEqual(literal)
        case .literal(let literal):
            switch literal {
            case .trueValue: return leaf.kind == .trueValue
            case .falseValue: return leaf.kind == .falseValue
            case .null: return leaf.kind == .null
            }
        case .ipRange(let range):
            guard isString, let address = leaf.address else { return false }
            return range.contains(address)
        case .prefix(let text):
            return isString && bytes.starts(with: text)
        case .suffix(let text):
            return isString && bytes.count >= text.count
                && UnsafeBufferPointer(rebasing: bytes[(bytes.count - text.count)...]).elementsEqual(text)
        case .equalsIgnoreCase(let folded):
            return isString && folded.matches(bytes)
        case .prefixIgnoreCase(let folded):
            return isString && folded.isPrefix(of: bytes)
        case .suffixIgnoreCase(let folded):
            return isString && folded.isSuffix(of: bytes)
        case .wildcard(let pattern):
            return isString && pattern.matches(bytes)
        case .numeric(let range):
            return leaf.hasNumberKey && range.contains(leaf.numberKey)
        case .exists(let present):
            return present
        case .anythingBut(let exclusions):
            return !exclusions.excludes(leaf, bytes)
        }
    }

    /// Whether comparable number keys must be computed for leaves on this matcher's path.
    var needsNumberKeys: Bool {
        switch self {
        case .exactNumber(_, let key): return key != nil
        case .numeric: return true
        case .anythingBut(.numbers): return true
        default: return false
        }
    }

    /// Whether string leaves on this matcher's path must be parsed as IP addresses.
    var needsAddresses: Bool {
        if case .ipRange = self { return true }
        return false
    }
}

extension AnythingBut {
    /// Whether the leaf is excluded: only leaves of the judged type can be.
    @inline(__always)
    func excludes(_ leaf: EventFields.Leaf, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if case .numbers(let keys) = self {
            return leaf.hasNumberKey && keys.contains(leaf.numberKey)
        }
        guard leaf.kind == .string else { return false }
        switch self {
        case .strings(let texts):
            return texts.contains { bytes.elementsEqual($0) }
        case .prefixes(let texts):
            return texts.contains { bytes.starts(with: $0) }
        case .suffixes(let texts):
            return texts.contains {
                bytes.count >= $0.count
                    && UnsafeBufferPointer(rebasing: bytes[(bytes.count - $0.count)...]).elementsEqual($0)
            }
        case .equalsIgnoreCase(let folded):
            return folded.contains { $0.matches(bytes) }
        case .wildcards(let patterns):
            return patterns.contains { $0.matches(bytes) }
        case .numbers:
            return false
        }
    }
}

extension IPAddress {
    /// Whether the address written as uppercase hex digits (8 or 32 of them) is exactly `text`.
    func hexDigitsEqual(_ text: [UInt8]) -> Bool {
        guard text.count == hexDigitCount else { return false }
        for index in 0..<hexDigitCount {
            let digit = hexDigit(at: index)
            let expected = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "A") + digit - 10
            if text[index] != expected { return false }
        }
        return true
    }
}
