/// Inverted dropout: in training, each unit is zeroed with probability `rate` and the kept ones
/// are scaled by `1/(1 − rate)`, so the expected activation is unchanged and inference is the
/// identity (no rescaling at test time).
///
/// The mask comes from a `SeededGenerator` owned by the layer, so a seed repeats a run exactly.
package final class Dropout: Layer {
  package let name: String
  /// The probability of dropping a unit, in `[0, 1)`.
  package let rate: Float
  private var generator: SeededGenerator
  /// Which units the last training pass kept: bit `i % 64` of word `i / 64` for unit `i`. Bits,
  /// not a `Float` mask, because a CNN's activations are large: a float mask was 8 MB written and
  /// read back per conv layer and batch, and made dropout cost half a CNN epoch.
  private var keptBits: [UInt64] = []
  private var maskCount = 0
  private var lastWasTraining = false
  /// When set, training passes reuse the last mask instead of drawing a new one (gradient checks
  /// need the same function on every evaluation).
  var holdsMask = false

  package init(name: String, rate: Float, seed: UInt64) {
    precondition(rate >= 0 && rate < 1, "Dropout \(name): rate \(rate) must be in [0, 1)")
    self.name = name
    self.rate = rate
    self.generator = SeededGenerator(seed: seed)
  }

  /// The mask generator's state, saved and restored when a run is resumed.
  package var generatorState: UInt64 {
    get { generator.currentState }
    set { generator = SeededGenerator(seed: newValue) }
  }

  package func outputShape(forInput sampleShape: [Int]) -> [Int] { sampleShape }

  package func forward(_ x: Tensor, training: Bool) -> Tensor {
    lastWasTraining = training
    guard training && rate > 0 else { return x }
    if !(holdsMask && maskCount == x.count) { drawMask(count: x.count) }
    var out = x
    applyMask(to: &out)
    return out
  }

  package func backward(_ dout: Tensor) -> Tensor {
    guard lastWasTraining && rate > 0 else { return dout }
    precondition(
      dout.count == maskCount, "Dropout \(name): dout \(dout.shape) does not match the last input")
    var dx = dout
    applyMask(to: &dx)
    return dx
  }

  /// Draws which of `count` units to keep. Each 64-bit draw decides four units by its four 16-bit
  /// parts (kept when a part is below (1 − rate) × 2¹⁶): a quarter of the draws, and the keep
  /// probability within 2⁻¹⁶ of `1 − rate`. The generator is copied to a local for the loop:
  /// mutating the stored property there would pay a dynamic exclusivity check per draw.
  private func drawMask(count: Int) {
    let words = (count + 63) / 64
    if keptBits.count != words { keptBits = [UInt64](repeating: 0, count: words) }
    maskCount = count
    let threshold = UInt64(((1 - Double(rate)) * 65536).rounded())
    var local = generator
    keptBits.withUnsafeMutableBufferPointer { bits in
      for word in bits.indices {
        var value: UInt64 = 0
        for quarter in 0..<16 {
          let draw = local.next()
          var four: UInt64 = draw & 0xFFFF < threshold ? 1 : 0
          four |= (draw >> 16) & 0xFFFF < threshold ? 2 : 0
          four |= (draw >> 32) & 0xFFFF < threshold ? 4 : 0
          four |= draw >> 48 < threshold ? 8 : 0
          value |= four << UInt64(quarter * 4)
        }
        bits[word] = value
      }
    }
    generator = local
  }

  /// Multiplies every kept unit of `tensor` by 1/(1 − rate) and every dropped one by 0, four units
  /// at a time: each 4-bit group of the mask picks one of 16 ready-made `SIMD4` factors.
  private func applyMask(to tensor: inout Tensor) {
    let scale = 1 / (1 - rate)
    let factors: [SIMD4<Float>] = (0..<16).map { pattern in
      SIMD4((0..<4).map { pattern >> $0 & 1 == 1 ? scale : 0 })
    }
    tensor.scalars.withUnsafeMutableBufferPointer { y in
      guard let base = y.baseAddress else { return }
      let raw = UnsafeMutableRawPointer(base)
      keptBits.withUnsafeBufferPointer { bits in
        factors.withUnsafeBufferPointer { factor in
          let count = y.count
          // Lanes take ranges of whole 64-unit words (a CNN's activations are megabytes).
          let lanes = count < 65_536 ? 1 : ParallelWork.laneCount
          ParallelWork.run(lanes: lanes) { lane in
            let part = ParallelWork.range(lane: lane, of: lanes, count: count, alignment: 64)
            let whole = part.lowerBound + (part.count & ~3)
            var i = part.lowerBound
            while i < whole {
              let nibble = Int((bits[i >> 6] >> UInt64(i & 63)) & 0xF)
              let offset = i * MemoryLayout<Float>.stride
              let four = raw.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
              raw.storeBytes(
                of: four * factor[nibble], toByteOffset: offset, as: SIMD4<Float>.self)
              i += 4
            }
            while i < part.upperBound {
              base[i] *= (bits[i >> 6] >> UInt64(i & 63)) & 1 == 1 ? scale : 0
              i += 1
            }
          }
        }
      }
    }
  }
}
