import Testing

@testable import DLTopEngine

/// The layers that split a batch into lanes (`ParallelWork`) give the same numbers, bit for bit,
/// whether the lanes run on several threads or one after the other: the cut depends on the
/// machine, never on the moment.
struct ParallelLanesTests {
  @Test func lanesCoverTheRangeOnceInOrder() {
    for count in [0, 1, 7, 64, 65, 1000] {
      for lanes in 1...5 {
        for alignment in [1, 8, 64] {
          let parts = (0..<lanes).map {
            ParallelWork.range(lane: $0, of: lanes, count: count, alignment: alignment)
          }
          #expect(parts.first?.lowerBound == 0)
          #expect(parts.last?.upperBound == count)
          for (left, right) in zip(parts, parts.dropFirst()) {
            #expect(left.upperBound == right.lowerBound)
            #expect(left.upperBound % alignment == 0 || left.upperBound == count)
          }
        }
      }
    }
  }

  /// One conv–ReLU–pool–dropout stack's output, input gradient, weight gradients and the ReLU's
  /// dead fraction; `fused` runs it as a `Sequential` (the ReLU inside the convolution's lanes
  /// forward and inside the pooling's pass backward), else layer by layer.
  private func passThroughStack(threads: Int, fused: Bool = false) -> [[Float]] {
    let saved = BLAS.threadCount
    BLAS.setThreadCount(threads)
    defer { BLAS.setThreadCount(saved) }
    var generator = SeededGenerator(seed: 11)
    func random(_ shape: [Int]) -> Tensor {
      let count = shape.reduce(1, *)
      return Tensor(shape: shape, scalars: (0..<count).map { _ in generator.nextGaussian() })
    }
    let conv = Conv2D(
      name: "conv", filters: random([3, 3, 3, 16]), bias: random([16]), padding: .valid)
    conv.sliceBudget = 2_000  // several slices per lane
    let relu = ReLU(name: "relu")
    let pool = MaxPool2D(name: "pool")
    let dropout = Dropout(name: "dropout", rate: 0.3, seed: 5)
    let x = random([9, 26, 26, 3])  // activations above the split threshold
    let model = Sequential(inputShape: [26, 26, 3], layers: [conv, relu, pool, dropout])
    let y =
      fused
      ? model.forward(x, training: true)
      : dropout.forward(
        pool.forward(
          relu.forward(conv.forward(x, training: true), training: true), training: true),
        training: true)
    let dout = random(y.shape)
    let dx =
      fused
      ? model.backward(dout)
      : conv.backward(relu.backward(pool.backward(dropout.backward(dout))))
    return [
      y.scalars, dx.scalars, conv.weight.grad.scalars, conv.bias.grad.scalars,
      [Float(relu.deadFraction)],
    ]
  }

  @Test func threadedLanesGiveTheNumbersOfOneThread() {
    let threaded = passThroughStack(threads: 2)
    let sequential = passThroughStack(threads: 1)
    #expect(threaded[0].count == 9 * 12 * 12 * 16)
    #expect(threaded[1].count == 9 * 26 * 26 * 3)
    for (a, b) in zip(threaded, sequential) { #expect(a == b) }
  }

  @Test func fusedPassesOnThreadedLanesGiveTheNumbersOfSeparateOnes() {
    let fused = passThroughStack(threads: 2, fused: true)
    let separate = passThroughStack(threads: 1)
    #expect(fused[0].count == 9 * 12 * 12 * 16)
    for (a, b) in zip(fused, separate) { #expect(a.map(\.bitPattern) == b.map(\.bitPattern)) }
  }

  /// Adam's update of a weight large enough to be cut into lanes, from the same state.
  private func adamSteps(threads: Int) -> [Float] {
    let saved = BLAS.threadCount
    BLAS.setThreadCount(threads)
    defer { BLAS.setThreadCount(saved) }
    var generator = SeededGenerator(seed: 3)
    let count = 70_001  // not a multiple of the lanes' alignment
    let weight = Parameter(
      name: "w",
      value: Tensor(shape: [count], scalars: (0..<count).map { _ in generator.nextGaussian() }))
    let adam = Adam()
    for _ in 0..<3 {
      weight.grad = Tensor(
        shape: [count], scalars: (0..<count).map { _ in generator.nextGaussian() })
      adam.update([weight], learningRate: 0.01)
    }
    return weight.value.scalars
  }

  @Test func adamOnLanesMatchesOneThread() {
    let threaded = adamSteps(threads: 2)
    #expect(threaded == adamSteps(threads: 1))
    #expect(threaded.count == 70_001)
  }

  /// A unit is dead when no sample of the batch makes it positive, whichever lane saw the sample.
  @Test(arguments: [1, 2])
  func reluDeadFractionSpansTheLanes(threads: Int) {
    let saved = BLAS.threadCount
    BLAS.setThreadCount(threads)
    defer { BLAS.setThreadCount(saved) }
    let (rows, units) = (8, 16_384)  // 131,072 elements: cut into lanes
    var x = [Float](repeating: -1, count: rows * units)
    for unit in stride(from: 0, to: units, by: 4) {
      x[(unit % rows) * units + unit] = 2  // alive in one sample only, in the first or last rows
    }
    let relu = ReLU(name: "relu")
    _ = relu.forward(Tensor(shape: [rows, units], scalars: x), training: true)
    #expect(relu.deadFraction == 0.75)
  }
}
