/// A tiny deterministic generator (SplitMix64), so that pseudo-random tests are reproducible and a
/// failure can be replayed from its seed.
struct SplitMix {
    /// Current state.
    private var state: UInt64

    /// Starts from `seed`.
    init(seed: UInt64) { state = seed }

    /// The next pseudo-random 64-bit value.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A value in `0 ..< n`.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// One of `items`.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
