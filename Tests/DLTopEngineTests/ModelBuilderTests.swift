import Testing

@testable import DLTopEngine

struct ModelBuilderTests {
  @Test func mlp128OnFashionMNISTHasTheKerasParameterCount() throws {
    let model = try ModelBuilder.build(
      spec: .mlp(hidden: [128]), inputShape: [784], outputs: 10, seed: 1)
    // 784·128 + 128 + 128·10 + 10
    #expect(model.parameterCount == 101_770)
    #expect(model.description == "784→128→10 (101,770 params)")
    #expect(model.layers.map(\.name) == ["dense1", "relu1", "dense2"])
  }

  @Test func cnnOnImagesHasTheKerasParameterCount() throws {
    let model = try ModelBuilder.build(spec: .cnn, inputShape: [28, 28, 1], outputs: 10, seed: 1)
    // conv1 9·32 + 32 = 320; conv2 9·32·64 + 64 = 18,496; dense 3136·128 + 128 = 401,536; out 1,290
    #expect(model.parameterCount == 421_642)
    #expect(model.outputShape == [10])
    #expect(
      model.layers.map(\.name) == [
        "conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten1", "dense1", "relu3",
        "dense2",
      ])
    let y = model.forward(Tensor(zeros: [2, 28, 28, 1]), training: true)
    #expect(y.shape == [2, 10])
    #expect(model.description == "28×28×1→conv32→pool2→conv64→pool2→128→10 (421,642 params)")
  }

  @Test func cnnOnFlatSamplesIsRejectedWithAReason() {
    #expect {
      _ = try ModelBuilder.build(spec: .cnn, inputShape: [784], outputs: 10, seed: 1)
    } throws: { error in
      String(describing: error).contains("[height, width, channels]")
    }
  }

  @Test func mlpFlattensImageSamples() throws {
    let model = try ModelBuilder.build(
      spec: .linear, inputShape: [28, 28, 1], outputs: 10, seed: 1)
    #expect(model.parameterCount == 7_850)
    #expect(model.forward(Tensor(zeros: [3, 28, 28, 1]), training: false).shape == [3, 10])
  }

  @Test func batchNormGoesBetweenAffineAndActivationAndDropoutAfter() throws {
    let model = try ModelBuilder.build(
      spec: .mlp(hidden: [16, 8]), inputShape: [4], outputs: 3, activation: .tanh, dropout: 0.3,
      batchNorm: true, seed: 2)
    #expect(
      model.layers.map(\.name) == [
        "dense1", "bn1", "tanh1", "dropout1", "dense2", "bn2", "tanh2", "dropout2", "dense3",
      ])
    #expect(model.layers[2] is Tanh)
    #expect((model.layers[3] as? Dropout)?.rate == 0.3)
  }

  @Test func theSameSeedBuildsTheSameWeights() throws {
    let a = try ModelBuilder.build(spec: .mlp(hidden: [8]), inputShape: [5], outputs: 2, seed: 42)
    let b = try ModelBuilder.build(spec: .mlp(hidden: [8]), inputShape: [5], outputs: 2, seed: 42)
    let c = try ModelBuilder.build(spec: .mlp(hidden: [8]), inputShape: [5], outputs: 2, seed: 43)
    #expect(a.weights() == b.weights())
    #expect(a.weights() != c.weights())
  }

  @Test func defaultInitializerFollowsTheActivation() throws {
    #expect(Activation.relu.defaultInitializer == .he)
    #expect(Activation.swish.defaultInitializer == .he)
    #expect(Activation.sigmoid.defaultInitializer == .xavier)
    let model = try ModelBuilder.build(
      spec: .mlp(hidden: [300]), inputShape: [800], outputs: 2, activation: .sigmoid, seed: 5)
    let weights = model.parameters[0].value.scalars
    let std = (weights.map { $0 * $0 }.reduce(0, +) / Float(weights.count)).squareRoot()
    #expect(abs(std / (1 / Float(800).squareRoot()) - 1) < 0.03)
    #expect(model.parameters[1].value == Tensor(zeros: [300]), "biases start at 0")
  }

  @Test(arguments: [Float(-0.1), 1])
  func dropoutOutsideItsRangeIsRejected(rate: Float) {
    #expect(throws: ModelSpecError.self) {
      _ = try ModelBuilder.build(spec: .linear, inputShape: [4], outputs: 2, dropout: rate, seed: 1)
    }
  }
}
