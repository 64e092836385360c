import Testing

@testable import DLTopEngine

/// Inverted dropout as the notes define it, on counts that are not a multiple of the four units a
/// draw decides nor of the 64 a mask word holds.
struct DropoutMaskTests {
  private func input(_ count: Int) -> Tensor {
    Tensor(shape: [1, count], scalars: (0..<count).map { Float($0 % 7) + 1 })
  }

  @Test(arguments: [1, 3, 63, 65, 1_001, 200_003])
  func keptUnitsAreScaledDroppedOnesZeroAndBackwardUsesTheSameMask(count: Int) {
    let layer = Dropout(name: "d", rate: 0.25, seed: 3)
    let x = input(count)
    let y = layer.forward(x, training: true)
    let dx = layer.backward(
      Tensor(shape: [1, count], scalars: [Float](repeating: 1, count: count)))
    for i in 0..<count {
      let kept = y.scalars[i] != 0
      #expect(y.scalars[i] == (kept ? x.scalars[i] * (1 / Float(0.75)) : 0), "unit \(i)")
      #expect(dx.scalars[i] == (kept ? 1 / 0.75 : 0), "unit \(i)")
    }
  }

  @Test func theKeptShareMatchesOneMinusTheRate() {
    for rate: Float in [0.1, 0.25, 0.5, 0.9] {
      let layer = Dropout(name: "d", rate: rate, seed: 11)
      let count = 400_000
      let y = layer.forward(input(count), training: true)
      let kept = Double(y.scalars.filter { $0 != 0 }.count) / Double(count)
      // Binomial standard deviation is below 0.0008 here; 5 of them.
      #expect(abs(kept - Double(1 - rate)) < 0.004, "rate \(rate): kept \(kept)")
    }
  }
}
