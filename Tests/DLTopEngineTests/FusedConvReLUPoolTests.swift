import Testing

@testable import DLTopEngine

/// `Sequential` runs a ReLU after a convolution, and a max pooling after that ReLU, inside the
/// convolution's forward pass, and a ReLU that feeds a max pooling inside the pooling's backward
/// pass. Outputs, dead fractions, the input
/// gradient and the convolution's weight gradients must equal, bit for bit, those of the layers'
/// own passes one after the other.
struct FusedConvReLUPoolTests {
  private struct Case: Sendable, CustomStringConvertible {
    let size: Int
    let channels: Int
    let pool: Int
    let stride: Int
    var description: String { "\(size)×\(size)×\(channels) pool \(pool) stride \(stride)" }
  }

  /// conv → ReLU → pool; returns dx, dW and db of the conv and the pooled output, fused (Sequential) or layer by layer.
  private func gradients(_ shape: Case, fused: Bool) -> [[Float]] {
    var generator = SeededGenerator(seed: 3)
    func values(_ count: Int) -> [Float] {
      (0..<count).map { _ in generator.nextUnitFloat() - 0.5 }
    }
    let conv = Conv2D(
      name: "conv",
      filters: Tensor(shape: [3, 3, 2, shape.channels], scalars: values(18 * shape.channels)),
      bias: Tensor(shape: [shape.channels], scalars: values(shape.channels)))
    conv.sliceBudget = 1  // one image per slice: the in-place ReLU runs slice by slice
    let model = Sequential(
      inputShape: [shape.size, shape.size, 2],
      layers: [
        conv, ReLU(name: "relu"),
        MaxPool2D(name: "pool", poolSize: shape.pool, stride: shape.stride),
      ])
    let x = Tensor(
      shape: [3, shape.size, shape.size, 2], scalars: values(3 * shape.size * shape.size * 2))
    let y =
      fused
      ? model.forward(x, training: true)
      : model.layers.reduce(x) { activation, layer in layer.forward(activation, training: true) }
    let dout = Tensor(shape: y.shape, scalars: values(y.count))
    let dx: Tensor
    if fused {
      dx = model.backward(dout)
    } else {
      dx = model.layers.reversed().reduce(dout) { gradient, layer in layer.backward(gradient) }
    }
    let relu = model.layers[1] as? ReLU
    return [
      dx.scalars, conv.weight.grad.scalars, conv.bias.grad.scalars, y.scalars,
      [Float(relu?.deadFraction ?? -1)],
    ]
  }

  @Test(arguments: [
    Case(size: 10, channels: 8, pool: 2, stride: 2),  // windows tile the input, SIMD path
    Case(size: 11, channels: 8, pool: 2, stride: 2),  // an odd side: a row and column left out
    Case(size: 10, channels: 5, pool: 2, stride: 2),  // channels not a multiple of 8
    Case(size: 10, channels: 8, pool: 3, stride: 2),  // overlapping windows
  ])
  private func fusedBackwardEqualsTheTwoPasses(_ shape: Case) {
    let fused = gradients(shape, fused: true)
    let separate = gradients(shape, fused: false)
    for (a, b) in zip(fused, separate) {
      #expect(a.map(\.bitPattern) == b.map(\.bitPattern), "\(shape)")
    }
    // The ReLU's mask mattered: some windows' maxima were 0 (all inputs ≤ 0), so the winner of
    // the window got no gradient; others were positive.
    #expect(fused[3].contains(0) && fused[3].contains { $0 > 0 })
    #expect(fused[4][0] >= 0 && fused[4][0] < 1)
  }
}
