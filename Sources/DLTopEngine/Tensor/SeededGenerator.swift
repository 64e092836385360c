import Foundation

/// A SplitMix64 random number generator: the one source of randomness in the engine.
///
/// Initialization, shuffling, dropout masks and augmentation all draw from generators seeded from
/// `--seed`, so the same seed gives the same run bit for bit.
package struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  package init(seed: UInt64) {
    state = seed
  }

  /// The generator's whole state: `SeededGenerator(seed: generator.state)` continues exactly
  /// where `generator` is (a resumed run draws the numbers the uninterrupted one would have).
  package var currentState: UInt64 { state }

  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform `Float` in `[0, 1)`.
  package mutating func nextUnitFloat() -> Float {
    Float(next() >> 40) * (1.0 / Float(1 << 24))
  }

  /// A standard normal sample (Box–Muller).
  package mutating func nextGaussian() -> Float {
    var u1 = nextUnitFloat()
    if u1 < 1e-7 { u1 = 1e-7 }
    let u2 = nextUnitFloat()
    return (-2 * logf(u1)).squareRoot() * cosf(2 * Float.pi * u2)
  }

  /// A generator derived from this one's seed and a stream number, for independent streams
  /// (init, shuffle, dropout) that do not disturb each other.
  package func derived(stream: UInt64) -> SeededGenerator {
    var copy = SeededGenerator(seed: state ^ (stream &* 0xD1B5_4A32_D192_ED03))
    _ = copy.next()
    return copy
  }
}
