/// Scans an event's UTF-8 bytes and collects the leaves on the paths of a `PathTrie`.
///
/// The scan is iterative (an explicit stack, bounded by the tokenizer's depth limit of 1000), so deep
/// documents cannot exhaust the call stack. Members whose names leave the trie are skipped, but still
/// read through the tokenizer, so the whole event is checked for well-formed JSON. Content after the
/// top-level object is ignored, as in the reference.
struct EventFlattener {
    /// What the pattern needs to know about each path's leaves.
    struct PathNeeds {
        /// Paths with numeric matchers (equality with a comparable number, ranges, anything-but numbers).
        var numbers: [Bool]
        /// Paths with IP matchers (IP-literal strings, `cidr`).
        var addresses: [Bool]
    }

    /// A container being read.
    private struct Frame {
        var isArray: Bool
        /// Object: the trie state its member names start from. Array: the state of the array's path.
        var state: Int32
        var arrayID: Int32
        var index: Int32
        /// Whether entering this container pushed a trail step (it is an element of an array).
        var pushedTrail: Bool
    }

    /// Reusable stacks.
    private var frames: [Frame] = []
    /// The innermost trail step of the container being read (-1: outside every array element).
    private var trail: Int32 = -1
    /// The tokenizer's container stack, kept between events.
    private var tokenizerStack: [Int] = []
    /// Decoded member names (only names with escapes need decoding).
    private var nameScratch: [UInt8] = []
    /// Which of the trie's first steps the current event has shown at its top level (skipping scans).
    private var firstStepSeen: [Bool] = []

    /// An empty flattener.
    init() {}

    /// Flattens `input` into `fields`. Throws on malformed JSON or when the event is not an object.
    ///
    /// With `scan: .skipping`, values on no path are passed over looking only at brackets and quotes,
    /// and reading stops once every top-level member a path starts with has been read (see `EventScan`).
    mutating func flatten(
        _ input: UnsafeBufferPointer<UInt8>, trie: PathTrie, needs: PathNeeds, scan: EventScan = .whole,
        into fields: inout EventFields
    ) throws(EventFault) {
        fields.reset(pathCount: trie.paths.count)
        frames.removeAll(keepingCapacity: true)
        trail = -1
        // Move the stack's storage into the tokenizer, so that it is uniquely owned there (no copy).
        var stack: [Int] = []
        swap(&stack, &tokenizerStack)
        var tokens = JSONTokenizer(input, stack: consume stack)
        defer { tokenizerStack = tokens.takeStack() }
        do {
            let first = try tokens.next()
            guard first == .startObject else {
                try tokens.skipChildren(of: first)
                throw EventFault.notObject
            }
            frames.append(Frame(isArray: false, state: PathTrie.root, arrayID: -1, index: 0, pushedTrail: false))
            let skipping = scan == .skipping
            var stepsLeft = trie.firstSteps.count
            if skipping {
                firstStepSeen.removeAll(keepingCapacity: true)
                firstStepSeen.append(contentsOf: repeatElement(false, count: stepsLeft))
            }
            while let frame = frames.last {
                // Every member the paths start with has been read: the rest cannot add a leaf (short of a
                // repeated member name, which skipping scans accept to miss).
                if skipping && stepsLeft == 0 && frames.count == 1 { return }
                let token = try tokens.next()
                if token == .endObject || token == .endArray || token == .end {
                    frames.removeLast()
                    if frame.pushedTrail { trail = fields.trails[Int(trail)].parent }
                    continue
                }
                if frame.isArray {
                    frames[frames.count - 1].index += 1
                    try value(
                        token, state: frame.state, element: EventFields.TrailStep(array: frame.arrayID, index: frame.index, parent: -1),
                        skipping: skipping, &tokens, trie, needs, &fields)
                } else {
                    let name = UnsafeBufferPointer(rebasing: input[tokens.text])
                    let state: Int32
                    if tokens.textHasEscapes {
                        nameScratch.removeAll(keepingCapacity: true)
                        JSONStringDecoder.decode(input, tokens.text, into: &nameScratch)
                        state = nameScratch.withUnsafeBufferPointer { trie.walk(frame.state, $0) }
                    } else {
                        state = trie.walk(frame.state, name)
                    }
                    if skipping && frames.count == 1 {
                        let step = trie.firstStep(at: state)
                        if step >= 0 && !firstStepSeen[Int(step)] {
                            firstStepSeen[Int(step)] = true
                            stepsLeft -= 1
                        }
                    }
                    try value(
                        try tokens.next(), state: state, element: nil, skipping: skipping, &tokens, trie, needs, &fields)
                }
            }
        } catch let error as JSONSyntaxError {
            throw .syntax(error)
        } catch let error as EventFault {
            throw error
        } catch {
            throw .notObject
        }
    }

    /// Handles one value whose path ends at trie `state` (`element` set when it is an array element).
    private mutating func value(
        _ token: JSONToken, state: Int32, element: EventFields.TrailStep?, skipping: Bool,
        _ tokens: inout JSONTokenizer, _ trie: PathTrie, _ needs: PathNeeds, _ fields: inout EventFields
    ) throws {
        switch token {
        case .startObject:
            let inner = state >= 0 ? trie.step(state, UInt8(ascii: ".")) : PathTrie.dead
            guard inner >= 0 else {
                return skipping ? try tokens.skipContainerUnchecked() : try tokens.skipChildren(of: token)
            }
            if let element { enter(element, &fields) }
            frames.append(Frame(isArray: false, state: inner, arrayID: -1, index: 0, pushedTrail: element != nil))
        case .startArray:
            guard state >= 0 else {
                return skipping ? try tokens.skipContainerUnchecked() : try tokens.skipChildren(of: token)
            }
            if let element { enter(element, &fields) }
            frames.append(
                Frame(isArray: true, state: state, arrayID: fields.arrayCount, index: 0, pushedTrail: element != nil))
            fields.arrayCount += 1
        default:
            let pathID = trie.pathID(at: state)
            guard pathID >= 0 else {
                if skipping && token == .string { try tokens.skipStringUnchecked() }
                return
            }
            try emit(token, pathID: pathID, &tokens, needs, &fields)
        }
    }

    /// Enters a container that is element `step.index` of array `step.array`: a new innermost trail step.
    private mutating func enter(_ step: EventFields.TrailStep, _ fields: inout EventFields) {
        fields.trails.append(EventFields.TrailStep(array: step.array, index: step.index, parent: trail))
        trail = Int32(fields.trails.count - 1)
    }

    /// Records a scalar leaf with the current trail.
    private func emit(
        _ token: JSONToken, pathID: Int32, _ tokens: inout JSONTokenizer, _ needs: PathNeeds,
        _ fields: inout EventFields
    ) throws {
        let kind: EventFields.Kind
        switch token {
        case .string:
            try tokens.completeString()
            kind = .string
        case .number: kind = .number
        case .trueLiteral: kind = .trueValue
        case .falseLiteral: kind = .falseValue
        default: kind = .null
        }
        var range = tokens.text
        var isDecoded = false
        if kind == .string && tokens.textHasEscapes {
            let start = fields.decoded.count
            JSONStringDecoder.decode(tokens.input, range, into: &fields.decoded)
            range = start..<fields.decoded.count
            isDecoded = true
        }
        var leaf = EventFields.Leaf(
            pathID: pathID, kind: kind, isDecoded: isDecoded, hasNumberKey: false, start: Int32(range.lowerBound),
            end: Int32(range.upperBound), trail: trail,
            nextOnPath: -1, numberKey: 0, address: nil)
        let path = Int(pathID)
        if kind == .number && needs.numbers[path] {
            if let key = ComparableNumber.key(literal: UnsafeBufferPointer(rebasing: tokens.input[range])) {
                leaf.numberKey = key
                leaf.hasNumberKey = true
            }
        } else if kind == .string && needs.addresses[path] {
            leaf.address =
                isDecoded
                ? fields.decoded.withUnsafeBufferPointer { IPAddress.parse(UnsafeBufferPointer(rebasing: $0[range])) }
                : IPAddress.parse(UnsafeBufferPointer(rebasing: tokens.input[range]))
        }
        fields.append(leaf)
    }
}

/// How much of an event is read when matching.
public enum EventScan: Sendable {
    /// Every byte, as EventBridge reads it: a malformed event is always rejected, and a member name
    /// repeated at the top level is seen again.
    case whole
    /// Only what the patterns need. Values on no pattern path are passed over looking only at brackets
    /// and string quotes (their grammar, UTF-8 and limits are not checked), and reading stops once every
    /// top-level member a pattern path starts with has been read: faults after that point go unseen, and
    /// so does a later repetition of such a member (EventBridge would read it). Everything read is
    /// validated as in `.whole`.
    case skipping
}

/// Why an event could not be flattened.
enum EventFault: Error {
    /// Malformed JSON (or a Jackson limit).
    case syntax(JSONSyntaxError)
    /// Well-formed, but the top level is not an object.
    case notObject
}
