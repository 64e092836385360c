import Testing

@testable import DLTopEngine

/// Each optimizer takes two steps on a tiny parameter with fixed gradients; the expected values
/// are worked by hand in the comments.
struct OptimizerTests {
  /// Runs `optimizer` with gradient `gradients[i]` for step i and returns the values after each step.
  private func steps(_ optimizer: any Optimizer, start: [Float], gradients: [[Float]], rate: Float)
    -> [[Float]]
  {
    let parameter = Parameter(name: "p", value: Tensor(shape: [start.count], scalars: start))
    return gradients.map { g in
      parameter.grad = Tensor(shape: [g.count], scalars: g)
      optimizer.update([parameter], learningRate: rate)
      return parameter.value.scalars
    }
  }

  private func close(_ a: [Float], _ b: [Float], tolerance: Float = 1e-6) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
  }

  @Test func sgdSubtractsRateTimesGradient() {
    // η 0.1, W [1, −2]. g [0.5, 0.25]: W = [1 − 0.05, −2 − 0.025] = [0.95, −2.025].
    // g [−1, 2]: W = [0.95 + 0.1, −2.025 − 0.2] = [1.05, −2.225].
    let values = steps(SGD(), start: [1, -2], gradients: [[0.5, 0.25], [-1, 2]], rate: 0.1)
    #expect(close(values[0], [0.95, -2.025]))
    #expect(close(values[1], [1.05, -2.225]))
  }

  @Test func momentumAccumulatesVelocity() {
    // α 0.9, η 0.1, W 1, g 0.5 twice. v1 = −0.05, W = 0.95; v2 = 0.9·(−0.05) − 0.05 = −0.095,
    // W = 0.95 − 0.095 = 0.855.
    let values = steps(Momentum(), start: [1], gradients: [[0.5], [0.5]], rate: 0.1)
    #expect(close(values[0], [0.95]))
    #expect(close(values[1], [0.855]))
  }

  @Test func adaGradDividesBySquareRootOfSummedSquares() {
    // η 0.1, W [1, 1], g [2, −0.5] twice. h1 = [4, 0.25]: W −= 0.1·[2/2, −0.5/0.5] → [0.9, 1.1].
    // h2 = [8, 0.5]: W −= 0.1·[2/√8, −0.5/√0.5] = [0.0707107, −0.0707107] → [0.8292893, 1.1707107].
    let values = steps(AdaGrad(), start: [1, 1], gradients: [[2, -0.5], [2, -0.5]], rate: 0.1)
    #expect(close(values[0], [0.9, 1.1]))
    #expect(close(values[1], [0.8292893, 1.1707107]))
  }

  @Test func rmsPropUsesMovingAverageOfSquares() {
    // ρ 0.9, η 0.01, W 1, g 2 twice. h1 = 0.1·4 = 0.4: W = 1 − 0.02/√0.4 = 0.9683772.
    // h2 = 0.9·0.4 + 0.4 = 0.76: W = 0.9683772 − 0.02/√0.76 = 0.9454357.
    let values = steps(RMSProp(), start: [1], gradients: [[2], [2]], rate: 0.01)
    #expect(close(values[0], [0.9683772]))
    #expect(close(values[1], [0.9454357]))
  }

  @Test func adamCorrectsBiasOfBothMoments() {
    // β1 0.9, β2 0.999, η 0.1, W 1. t=1, g 2: m = 0.2, v = 0.004, m̂ = 0.2/0.1 = 2,
    // v̂ = 0.004/0.001 = 4, W = 1 − 0.1·2/(2 + 1e-7) = 0.9.
    // t=2, g −1: m = 0.18 − 0.1 = 0.08, v = 0.003996 + 0.001 = 0.004996,
    // m̂ = 0.08/0.19 = 0.4210526, v̂ = 0.004996/0.001999 = 2.4992496, √v̂ = 1.5809015,
    // W = 0.9 − 0.1·0.4210526/1.5809015 = 0.8733663.
    let values = steps(Adam(), start: [1], gradients: [[2], [-1]], rate: 0.1)
    #expect(close(values[0], [0.9]))
    #expect(close(values[1], [0.8733663], tolerance: 2e-6))
  }

  @Test func stateIsKeptPerParameter() {
    // Two parameters with different gradients must not share Adam moments: each moves by η on
    // its first step whatever the gradient's size (m̂/√v̂ = ±1).
    let a = Parameter(name: "a", value: Tensor(shape: [1], scalars: [0]))
    let b = Parameter(name: "b", value: Tensor(shape: [1], scalars: [0]))
    a.grad = Tensor(shape: [1], scalars: [100])
    b.grad = Tensor(shape: [1], scalars: [-0.001])
    let adam = Adam()
    adam.update([a, b], learningRate: 0.01)
    #expect(abs(a.value[0] + 0.01) < 1e-6)
    #expect(abs(b.value[0] - 0.01) < 1e-4)
  }

  @Test func optimizerNamesParseAndUnknownNamesListTheAccepted() throws {
    #expect(try OptimizerKind.parse("adam").make().name == "adam")
    #expect(try OptimizerKind.parse(" RMSProp ").make().name == "rmsprop")
    for kind in OptimizerKind.allCases { #expect(kind.make().name == kind.rawValue) }
    do {
      _ = try OptimizerKind.parse("adamw")
      Issue.record("adamw should not parse")
    } catch {
      #expect("\(error)".contains("'adamw'"))
      #expect("\(error)".contains("sgd|momentum|adagrad|rmsprop|adam"))
    }
  }
}
