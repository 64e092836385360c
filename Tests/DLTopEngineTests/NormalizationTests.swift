import Testing

@testable import DLTopEngine

struct BatchNormTests {
  @Test func trainingNormalizesEachFeatureOfTheBatch() {
    let layer = BatchNorm(name: "bn", features: 2)
    let x = Tensor(shape: [4, 2], scalars: [1, 10, 2, 20, 3, 30, 4, 40])
    let y = layer.forward(x, training: true)
    for feature in 0..<2 {
      let column = (0..<4).map { y[$0 * 2 + feature] }
      let mean = column.reduce(0, +) / 4
      let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4
      #expect(abs(mean) < 1e-5)
      #expect(abs(variance - 1) < 1e-3)
    }
  }

  @Test func runningStatisticsMoveWithKerasMomentum() {
    let layer = BatchNorm(name: "bn", features: 2)
    // feature 0: mean 2.5, variance 1.25; feature 1: mean 25, variance 125
    _ = layer.forward(
      Tensor(shape: [4, 2], scalars: [1, 10, 2, 20, 3, 30, 4, 40]), training: true)
    #expect(abs(layer.runningMean[0] - 0.025) < 1e-6)
    #expect(abs(layer.runningMean[1] - 0.25) < 1e-6)
    #expect(abs(layer.runningVariance[0] - (0.99 + 0.0125)) < 1e-6)
    #expect(abs(layer.runningVariance[1] - (0.99 + 1.25)) < 1e-5)
  }

  @Test func inferenceUsesRunningStatisticsNotTheBatch() {
    let layer = BatchNorm(name: "bn", features: 2)
    layer.runningMean = [1, -2]
    layer.runningVariance = [4, 0.25]
    layer.gamma.value = Tensor(shape: [2], scalars: [2, 1])
    layer.beta.value = Tensor(shape: [2], scalars: [0, 3])
    let x = Tensor(shape: [2, 2], scalars: [3, -2, 5, -1])
    let y = layer.forward(x, training: false)
    let expected: [Float] = [
      2 * (3 - 1) / (4 + 1e-5 as Float).squareRoot(),
      (-2 + 2) / (0.25 + 1e-5 as Float).squareRoot() + 3,
      2 * (5 - 1) / (4 + 1e-5 as Float).squareRoot(),
      (-1 + 2) / (0.25 + 1e-5 as Float).squareRoot() + 3,
    ]
    for (a, b) in zip(y.scalars, expected) { #expect(abs(a - b) < 1e-5) }
    #expect(layer.runningMean == [1, -2], "inference does not update the running statistics")
  }

  @Test func channelsOfImagesShareStatisticsOverBatchHeightAndWidth() {
    let layer = BatchNorm(name: "bn", features: 3)
    let x = GradientCheck.random([2, 4, 4, 3], seed: 8, scale: 5)
    let y = layer.forward(x, training: true)
    for channel in 0..<3 {
      let values = stride(from: channel, to: y.count, by: 3).map { y[$0] }
      #expect(abs(values.reduce(0, +) / Float(values.count)) < 1e-4)
    }
    #expect(layer.parameters.allSatisfy { !$0.decays })
  }
}

struct DropoutTests {
  @Test func invertedScalingKeepsTheMean() {
    let layer = Dropout(name: "dropout", rate: 0.3, seed: 1)
    let x = Tensor(repeating: 1, shape: [200, 500])
    let y = layer.forward(x, training: true)
    let mean = y.scalars.reduce(0, +) / Float(y.count)
    let dropped = Float(y.scalars.filter { $0 == 0 }.count) / Float(y.count)
    #expect(abs(mean - 1) < 0.01)
    #expect(abs(dropped - 0.3) < 0.01)
    #expect(y.scalars.allSatisfy { $0 == 0 || abs($0 - 1 / 0.7) < 1e-6 })
  }

  @Test func inferenceIsTheIdentity() {
    let layer = Dropout(name: "dropout", rate: 0.5, seed: 1)
    let x = GradientCheck.random([3, 4], seed: 2)
    #expect(layer.forward(x, training: false) == x)
    #expect(layer.backward(x) == x)
  }

  @Test func theSameSeedGivesTheSameMaskAndBackwardUsesIt() {
    let a = Dropout(name: "a", rate: 0.5, seed: 9)
    let b = Dropout(name: "b", rate: 0.5, seed: 9)
    let x = Tensor(repeating: 1, shape: [4, 8])
    let ya = a.forward(x, training: true)
    #expect(ya == b.forward(x, training: true))
    #expect(a.backward(x) == ya, "the gradient passes exactly where the units were kept")
    #expect(a.forward(x, training: true) != ya, "each training pass draws a new mask")
  }
}
