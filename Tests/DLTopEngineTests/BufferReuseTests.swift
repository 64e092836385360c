import Testing

@testable import DLTopEngine

/// Layers overwrite their output and gradient buffers in place on the next call; copy-on-write
/// must keep results a caller still holds intact.
struct BufferReuseTests {
  private static func layers() -> [any Layer] {
    [
      Conv2D(
        name: "conv", filters: GradientCheck.random([3, 3, 2, 8], seed: 1), bias: Tensor(zeros: [8])
      ),
      ReLU(name: "relu"),
      MaxPool2D(name: "pool", poolSize: 2),
    ]
  }

  @Test func outputsHeldByTheCallerSurviveTheNextForward() {
    for layer in Self.layers() {
      let first = layer.forward(
        GradientCheck.random([2, 4, 4, layer is Conv2D ? 2 : 8], seed: 2), training: true)
      let saved = first.scalars.map { $0 }
      _ = layer.forward(
        GradientCheck.random([2, 4, 4, layer is Conv2D ? 2 : 8], seed: 3), training: true)
      #expect(first.scalars == saved, "\(layer.name) overwrote an output its caller still held")
    }
  }

  @Test func gradientsHeldByTheCallerSurviveTheNextBackward() {
    for layer in Self.layers() {
      let x = GradientCheck.random([2, 4, 4, layer is Conv2D ? 2 : 8], seed: 4)
      let y = layer.forward(x, training: true)
      let first = layer.backward(GradientCheck.random(y.shape, seed: 5))
      let saved = first.scalars.map { $0 }
      _ = layer.forward(x, training: true)
      let second = layer.backward(GradientCheck.random(y.shape, seed: 6))
      #expect(first.scalars == saved, "\(layer.name) overwrote a gradient its caller still held")
      #expect(first.scalars != second.scalars)
    }
  }

  @Test func onlyTheFirstConvolutionSkipsItsInputGradient() throws {
    let model = try ModelBuilder.build(spec: .cnn, inputShape: [8, 8, 1], outputs: 3, seed: 1)
    let convolutions = model.layers.compactMap { $0 as? Conv2D }
    #expect(convolutions.map(\.computesInputGradient) == [false, true])
    let x = GradientCheck.random([2, 8, 8, 1], seed: 7)
    let y = convolutions[0].forward(x, training: true)
    let dx = convolutions[0].backward(GradientCheck.random(y.shape, seed: 8))
    #expect(dx.shape == x.shape)
    #expect(convolutions[0].weight.grad.norm > 0, "the weight gradient is still computed")
  }
}

struct EmptyBatchTests {
  @Test func layersPassAnEmptyBatchThrough() {
    let layers: [any Layer] = [
      Conv2D(name: "conv", filters: Tensor(zeros: [3, 3, 2, 8]), bias: Tensor(zeros: [8])),
      ReLU(name: "relu"), MaxPool2D(name: "pool", poolSize: 2), BatchNorm(name: "bn", features: 8),
      Dropout(name: "dropout", rate: 0.5, seed: 1),
    ]
    var x = Tensor(zeros: [0, 4, 4, 2])
    for layer in layers { x = layer.forward(x, training: false) }
    #expect(x.shape == [0, 2, 2, 8])
    var d = x
    for layer in layers.reversed() { d = layer.backward(d) }
    #expect(d.shape == [0, 4, 4, 2])
  }
}
