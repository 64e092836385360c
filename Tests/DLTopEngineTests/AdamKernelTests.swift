import Foundation
import Testing

@testable import DLTopEngine

/// Adam's vector kernels (AVX2, AVX-512) give the scalar loop's weights and moments bit for bit, so
/// a seeded run repeats exactly on machines with different vector units.
struct AdamKernelTests {
  /// Runs `steps` updates at `level` on seeded values of `count` elements and returns w, m and v.
  private func run(level: Int, count: Int, steps: Int) -> [[Float]] {
    var generator = SeededGenerator(seed: 7)
    func uniform(_ scale: Float) -> Float {
      Float(Double(generator.next() >> 11) / Double(1 << 53) * 2 - 1) * scale
    }
    var w = (0..<count).map { _ in uniform(1) }
    var m = [Float](repeating: 0, count: count)
    var v = [Float](repeating: 0, count: count)
    for step in stride(from: 1, through: steps, by: 1) {
      // Gradients across many magnitudes, some exactly zero, as a real network's are.
      let g: [Float] = (0..<count).map { i in
        i % 11 == 0 ? 0 : uniform(1) * Float([1e-6, 1e-3, 1, 30][i % 4])
      }
      let t = Double(step)
      let c = AdamKernel.Coefficients(
        b1: 0.9, keep1: 1 - 0.9, b2: 0.999, keep2: 1 - 0.999,
        correction1: Float(1 / (1 - pow(0.9, t))), correction2: Float(1 / (1 - pow(0.999, t))),
        eta: 1e-3, epsilon: 1e-7)
      w.withUnsafeMutableBufferPointer { wb in
        m.withUnsafeMutableBufferPointer { mb in
          v.withUnsafeMutableBufferPointer { vb in
            g.withUnsafeBufferPointer { gb in
              AdamKernel.update(
                weights: wb.baseAddress!, first: mb.baseAddress!, second: vb.baseAddress!,
                gradient: gb.baseAddress!, count: count, c, level: level)
            }
          }
        }
      }
    }
    return [w, m, v]
  }

  @Test func everyLevelMatchesTheScalarLoopBitForBit() {
    // Lengths below, at and between the vector widths, so the scalar tail runs too.
    for count in [1, 7, 8, 15, 16, 17, 1000, 4099] {
      let scalar = run(level: 0, count: count, steps: 5)
      #expect(scalar[0].allSatisfy { $0.isFinite })
      for level in 0...AdamKernel.widestLevel {
        let vector = run(level: level, count: count, steps: 5)
        for (expected, got) in zip(scalar, vector) {
          #expect(expected.map(\.bitPattern) == got.map(\.bitPattern), "level \(level), \(count)")
        }
      }
    }
  }

  @Test func theFirstStepMovesEachWeightByTheRateAgainstItsGradient() {
    // From zero moments, m̂ = g and v̂ = g² after one step, so a weight moves by η·sign(g) (less
    // for gradients near ε) and stays where its gradient is zero.
    let before = run(level: AdamKernel.widestLevel, count: 64, steps: 0)[0]
    let after = run(level: AdamKernel.widestLevel, count: 64, steps: 1)
    for i in 0..<64 {
      let g = after[1][i] * 10  // m = 0.1·g after one step
      let moved = before[i] - after[0][i]
      if g == 0 {
        #expect(moved == 0)
      } else if abs(g) > 1e-4 {
        #expect(abs(moved - 1e-3 * (g > 0 ? 1 : -1)) < 1e-6, "element \(i)")
      }
    }
  }
}
