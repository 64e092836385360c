import Testing

@testable import DLTopEngine

/// One layer on a tiny input, built fresh for its gradient check.
struct LayerCase: Sendable, CustomTestStringConvertible {
  let label: String
  var training = true
  let make: @Sendable () -> (layer: any Layer, input: Tensor)
  var testDescription: String { label }
}

/// One loss on a tiny batch.
struct LossCase: Sendable, CustomTestStringConvertible {
  let label: String
  let make: @Sendable () -> (loss: any Loss, prediction: Tensor, targets: Targets)
  var testDescription: String { label }
}

private func random(_ shape: [Int], _ seed: UInt64, scale: Float = 1, gap: Float = 0) -> Tensor {
  GradientCheck.random(shape, seed: seed, scale: scale, gap: gap)
}

private func conv(
  _ label: String, input: [Int], kernel: [Int], stride: Int, padding: Padding
) -> LayerCase {
  LayerCase(label: label) {
    let filters = random(kernel, 11, scale: 0.5)
    let layer = Conv2D(
      name: "conv", filters: filters, bias: random([kernel[3]], 12), stride: stride,
      padding: padding)
    return (layer, random(input, 13))
  }
}

/// Distinct values at least 0.05 apart, so ±h never changes which input of a window is largest.
private func distinct(_ shape: [Int], _ seed: UInt64) -> Tensor {
  let count = shape.reduce(1, *)
  var generator = SeededGenerator(seed: seed)
  let values = (0..<count).map { Float($0) * 0.05 - Float(count) * 0.025 }.shuffled(
    using: &generator)
  return Tensor(shape: shape, scalars: values)
}

private let layerCases: [LayerCase] = [
  LayerCase(label: "Dense") {
    (Dense(name: "dense", weight: random([4, 3], 1), bias: random([3], 2)), random([3, 4], 3))
  },
  LayerCase(label: "Dense on NHWC input") {
    (
      Dense(name: "dense", weight: random([8, 2], 1), bias: random([2], 2)),
      random([2, 2, 2, 2], 3)
    )
  },
  LayerCase(label: "ReLU") { (ReLU(name: "relu"), random([3, 5], 4, gap: 0.05)) },
  LayerCase(label: "LeakyReLU") {
    (LeakyReLU(name: "leaky", alpha: 0.1), random([3, 5], 5, gap: 0.05))
  },
  LayerCase(label: "Sigmoid") { (Sigmoid(name: "sigmoid"), random([3, 5], 6, scale: 3)) },
  LayerCase(label: "Tanh") { (Tanh(name: "tanh"), random([3, 5], 7, scale: 2)) },
  LayerCase(label: "Swish") { (Swish(name: "swish"), random([3, 5], 8, scale: 3)) },
  LayerCase(label: "Softmax") { (Softmax(name: "softmax"), random([3, 5], 9, scale: 2)) },
  conv(
    "Conv2D stride 1 same", input: [2, 5, 5, 2], kernel: [3, 3, 2, 3], stride: 1, padding: .same),
  conv(
    "Conv2D stride 1 valid", input: [2, 5, 5, 2], kernel: [3, 3, 2, 3], stride: 1, padding: .valid),
  conv(
    "Conv2D stride 2 same", input: [2, 5, 5, 2], kernel: [3, 3, 2, 3], stride: 2, padding: .same),
  conv(
    "Conv2D stride 2 same, even input", input: [2, 6, 6, 2], kernel: [3, 3, 2, 2], stride: 2,
    padding: .same),
  conv(
    "Conv2D stride 2 valid", input: [2, 5, 5, 2], kernel: [3, 3, 2, 3], stride: 2, padding: .valid),
  conv(
    "Conv2D 2×3 kernel same", input: [1, 4, 5, 1], kernel: [2, 3, 1, 2], stride: 1, padding: .same),
  conv(
    "Conv2D one channel stride 2 same", input: [2, 6, 5, 1], kernel: [3, 3, 1, 2], stride: 2,
    padding: .same),
  conv(
    "Conv2D one channel stride 2 valid", input: [2, 6, 5, 1], kernel: [3, 3, 1, 2], stride: 2,
    padding: .valid),
  LayerCase(label: "Conv2D stride 1 same, input gradient in one-image slices") {
    let layer = Conv2D(
      name: "conv", filters: random([3, 3, 2, 3], 14, scale: 0.5), bias: random([3], 15))
    layer.sliceBudget = 1
    return (layer, random([3, 4, 4, 2], 16))
  },
  LayerCase(label: "MaxPool2D 2×2") {
    (MaxPool2D(name: "pool", poolSize: 2), distinct([2, 4, 4, 3], 21))
  },
  LayerCase(label: "MaxPool2D 2×2 tiling, 8 channels") {
    (MaxPool2D(name: "pool", poolSize: 2), distinct([2, 4, 4, 8], 20))
  },
  LayerCase(label: "MaxPool2D 2×2 tiling, 16 channels, wide") {
    (MaxPool2D(name: "pool", poolSize: 2), distinct([1, 2, 6, 16], 19))
  },
  LayerCase(label: "MaxPool2D 2×2 stride 1") {
    (MaxPool2D(name: "pool", poolSize: 2, stride: 1), distinct([2, 3, 3, 2], 22))
  },
  LayerCase(label: "MaxPool2D 3×3 on odd size") {
    (MaxPool2D(name: "pool", poolSize: 3), distinct([1, 7, 7, 2], 23))
  },
  LayerCase(label: "Flatten") { (Flatten(name: "flatten"), random([2, 3, 2, 2], 24)) },
  LayerCase(label: "Dropout with a fixed mask") {
    let layer = Dropout(name: "dropout", rate: 0.4, seed: 7)
    layer.holdsMask = true
    return (layer, random([4, 6], 25))
  },
  LayerCase(label: "BatchNorm training [batch, features]") {
    let layer = BatchNorm(name: "bn", features: 3)
    layer.gamma.value = random([3], 26, gap: 0.5)
    layer.beta.value = random([3], 27)
    return (layer, random([6, 3], 28, scale: 2))
  },
  LayerCase(label: "BatchNorm training NHWC") {
    let layer = BatchNorm(name: "bn", features: 2)
    layer.gamma.value = random([2], 29, gap: 0.5)
    layer.beta.value = random([2], 30)
    return (layer, random([2, 3, 3, 2], 31, scale: 2))
  },
  LayerCase(label: "BatchNorm inference", training: false) {
    let layer = BatchNorm(name: "bn", features: 3)
    layer.runningMean = [0.5, -0.2, 0.1]
    layer.runningVariance = [2, 0.5, 1.5]
    layer.gamma.value = random([3], 32, gap: 0.5)
    return (layer, random([4, 3], 33))
  },
]

private let lossCases: [LossCase] = [
  LossCase(label: "MeanSquaredError") {
    (MeanSquaredError(), random([3, 2], 41), .values(random([3, 2], 42)))
  },
  LossCase(label: "MeanAbsoluteError") {
    // predictions = targets ± at least 0.1, away from the kink at 0
    let targets = random([3, 2], 43)
    let offsets = random([3, 2], 44, scale: 0.5, gap: 0.1)
    let prediction = Tensor(
      shape: [3, 2], scalars: zip(targets.scalars, offsets.scalars).map { $0 + $1 })
    return (MeanAbsoluteError(), prediction, .values(targets))
  },
  LossCase(label: "BinaryCrossEntropy with 0/1 labels") {
    (BinaryCrossEntropy(), random([4, 1], 45, scale: 3), .classes([1, 0, 0, 1]))
  },
  LossCase(label: "BinaryCrossEntropy with soft targets") {
    let targets = Tensor(shape: [3, 2], scalars: [0.2, 1, 0, 0.7, 0.5, 0.9])
    return (BinaryCrossEntropy(), random([3, 2], 46, scale: 3), .values(targets))
  },
  LossCase(label: "CategoricalCrossEntropy one-hot") {
    let oneHot = Tensor(shape: [3, 4], scalars: [0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1])
    return (CategoricalCrossEntropy(), random([3, 4], 47, scale: 2), .values(oneHot))
  },
  LossCase(label: "SparseCategoricalCrossEntropy") {
    (SparseCategoricalCrossEntropy(), random([3, 4], 48, scale: 2), .classes([2, 0, 3]))
  },
  LossCase(label: "SoftmaxCrossEntropy") {
    (SoftmaxCrossEntropy(), random([3, 4], 49, scale: 2), .classes([1, 1, 0]))
  },
]

struct GradientCheckTests {
  @Test(arguments: layerCases)
  func layerBackwardMatchesNumericalGradient(_ testCase: LayerCase) {
    let (layer, input) = testCase.make()
    let results = GradientCheck.checkLayer(
      layer, input: input, training: testCase.training, label: testCase.label)
    #expect(results.count == 1 + layer.parameters.count)
    for result in results {
      #expect(result.error < GradientCheck.tolerance, "\(result.message)")
    }
  }

  @Test(arguments: lossCases)
  func lossBackwardMatchesNumericalGradient(_ testCase: LossCase) {
    let (loss, prediction, targets) = testCase.make()
    let result = GradientCheck.checkLoss(
      loss, prediction: prediction, targets: targets, label: testCase.label)
    #expect(result.error < GradientCheck.tolerance, "\(result.message)")
  }

  @Test func l2GradientMatchesNumericalGradientOfPenalty() {
    let weight = Parameter(name: "W", value: random([3, 4], 51))
    let bias = Parameter(name: "b", value: random([4], 52), decays: false)
    let l2 = L2Regularization(lambda: 0.3)
    l2.addGradient(to: [weight, bias])
    #expect(bias.grad.scalars.allSatisfy { $0 == 0 }, "biases do not decay")
    var numeric = [Float](repeating: 0, count: weight.value.count)
    let saved = weight.value
    for i in 0..<saved.count {
      weight.value[i] = saved[i] + GradientCheck.step
      let plus = l2.penalty(of: [weight, bias])
      weight.value[i] = saved[i] - GradientCheck.step
      let minus = l2.penalty(of: [weight, bias])
      weight.value = saved
      numeric[i] = (plus - minus) / (2 * GradientCheck.step)
    }
    let result = GradientCheck.compare(weight.grad, numeric, label: "L2")
    #expect(result.error < GradientCheck.tolerance, "\(result.message)")
  }
}
