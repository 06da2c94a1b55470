/// An open-addressing hash table from (path id, kind, bytes) to a run of values (anchor group ids),
/// looked up with a buffer of bytes so that matching allocates nothing.
///
/// Keys live in one byte arena; each slot holds a key's place in the arena and its run in `values`.
struct ByteStringTable: Sendable {
    private struct Slot: Sendable {
        var hash: UInt64 = 0
        var keyStart: Int32 = -1
        var keyCount: Int32 = 0
        var path: Int32 = 0
        var kind: UInt8 = 0
        var valueStart: Int32 = 0
        var valueCount: Int32 = 0
    }

    private var slots: [Slot]
    private var arena: [UInt8] = []
    /// The runs of values, one per key.
    private(set) var values: [Int32] = []
    private let mask: Int

    /// Whether the table holds no key.
    var isEmpty: Bool { values.isEmpty }

    /// A table of `entries`: (path, kind, bytes) → values (a key may appear several times).
    init(_ entries: [(path: Int32, kind: UInt8, bytes: [UInt8], value: Int32)]) {
        // Group the ids by key first, then lay the groups out.
        var groups: [[UInt8]: [Int32]] = [:]
        var order: [[UInt8]] = []
        for entry in entries {
            var key = withUnsafeBytes(of: entry.path.littleEndian) { Array($0) }
            key.append(entry.kind)
            key += entry.bytes
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(entry.value)
        }
        var capacity = 16
        while capacity < order.count * 2 { capacity <<= 1 }
        slots = Array(repeating: Slot(), count: capacity)
        mask = capacity - 1
        for key in order {
            let path = key.withUnsafeBytes { Int32(littleEndian: $0.loadUnaligned(as: Int32.self)) }
            let kind = key[4]
            let bytes = Array(key[5...])
            let hash = bytes.withUnsafeBufferPointer { Self.hash(path, kind, $0) }
            var i = Int(hash & UInt64(mask))
            while slots[i].keyStart >= 0 { i = (i + 1) & mask }
            let ids = groups[key] ?? []
            slots[i] = Slot(
                hash: hash, keyStart: Int32(arena.count), keyCount: Int32(bytes.count), path: path, kind: kind,
                valueStart: Int32(values.count), valueCount: Int32(ids.count))
            arena += bytes
            values += ids
        }
    }

    /// The run of `values` for a key, or an empty run.
    @inline(__always)
    func lookup(path: Int32, kind: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        guard !values.isEmpty else { return 0..<0 }
        let hash = Self.hash(path, kind, bytes)
        var i = Int(hash & UInt64(mask))
        while true {
            let slot = slots[i]
            if slot.keyStart < 0 { return 0..<0 }
            if slot.hash == hash && slot.path == path && slot.kind == kind && Int(slot.keyCount) == bytes.count
                && arena.withUnsafeBufferPointer({ arena in
                    UnsafeBufferPointer(rebasing: arena[Int(slot.keyStart)..<Int(slot.keyStart + slot.keyCount)])
                        .elementsEqual(bytes)
                })
            {
                return Int(slot.valueStart)..<Int(slot.valueStart + slot.valueCount)
            }
            i = (i + 1) & mask
        }
    }

    /// FNV-1a over the path, the kind and the bytes, finished with a multiply-shift mix.
    @inline(__always)
    static func hash(_ path: Int32, _ kind: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(UInt32(bitPattern: path)) ^ (UInt64(kind) << 40)
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
    }
}
