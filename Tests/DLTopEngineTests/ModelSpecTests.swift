import Testing

@testable import DLTopEngine

struct ModelSpecTests {
  @Test(arguments: [
    ("linear", ModelSpec.linear), ("mlp:128", .mlp(hidden: [128])),
    ("mlp:256,128", .mlp(hidden: [256, 128])),
    ("cnn", .cnn), (" MLP:64, 32 ", .mlp(hidden: [64, 32])),
  ])
  func goodSpecsParse(text: String, expected: ModelSpec) throws {
    #expect(try ModelSpec.parse(text) == expected)
  }

  @Test(arguments: [
    "", "mlp", "mlp:", "mlp:0", "mlp:128,", "mlp:12,x", "mlp:-5", "resnet", "cnn:3",
  ])
  func badSpecsNameTheAcceptedForms(text: String) {
    #expect {
      _ = try ModelSpec.parse(text)
    } throws: { error in
      let message = String(describing: error)
      return message.contains("model") && message.contains("\"\(text)\"")
        && message.contains("linear")
        && message.contains("mlp:<units>") && message.contains("cnn")
    }
  }

  @Test func specDescriptionRoundTrips() throws {
    for text in ["linear", "mlp:256,128", "cnn"] {
      #expect(try ModelSpec.parse(text).description == text)
    }
  }

  @Test func activationsParseFromTheirFlagNames() throws {
    #expect(try Activation.parse("leaky-relu") == .leakyReLU)
    #expect(try Activation.parse("Swish") == .swish)
    #expect(throws: ModelSpecError.self) { try Activation.parse("gelu") }
    do {
      _ = try Activation.parse("gelu")
    } catch {
      #expect(error.description.contains("relu, leaky-relu, sigmoid, tanh, swish"))
    }
  }
}

struct InitializerTests {
  @Test func goodInitializersParse() throws {
    #expect(try Initializer.parse("he") == .he)
    #expect(try Initializer.parse("xavier") == .xavier)
    #expect(try Initializer.parse("normal:0.01") == .normal(0.01))
    #expect(try Initializer.parse("zeros") == .zeros)
  }

  @Test(arguments: ["glorot", "normal:", "normal:abc", "normal:-1", "normal:0", ""])
  func badInitializersListWhatIsAccepted(text: String) {
    #expect {
      _ = try Initializer.parse(text)
    } throws: { error in
      let message = String(describing: error)
      return message.contains("init") && message.contains("he") && message.contains("xavier")
        && message.contains("normal:<σ>") && message.contains("zeros")
    }
  }

  private func standardDeviation(_ tensor: Tensor) -> Float {
    let mean = tensor.scalars.reduce(0, +) / Float(tensor.count)
    let variance =
      tensor.scalars.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(tensor.count)
    return variance.squareRoot()
  }

  @Test(arguments: [
    (Initializer.he, (2.0 / 400.0 as Float).squareRoot()),
    (.xavier, (1.0 / 400.0 as Float).squareRoot()),
    (.normal(0.05), 0.05),
  ])
  func weightsHaveTheTargetStandardDeviation(initializer: Initializer, target: Float) {
    var generator = SeededGenerator(seed: 3)
    let weights = initializer.makeWeights(
      shape: [400, 500], fanIn: 400, fanOut: 500, using: &generator)
    #expect(weights.shape == [400, 500])
    #expect(abs(standardDeviation(weights) / target - 1) < 0.02)
    #expect(abs(weights.scalars.reduce(0, +) / Float(weights.count)) < target * 0.01)
  }

  @Test func zerosAreZeros() {
    var generator = SeededGenerator(seed: 3)
    let weights = Initializer.zeros.makeWeights(
      shape: [3, 4], fanIn: 3, fanOut: 4, using: &generator)
    #expect(weights == Tensor(zeros: [3, 4]))
  }
}
