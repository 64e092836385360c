/// Builds a `Sequential` from a `ModelSpec` and the model options.
///
/// Every hidden block is `affine → [BatchNorm] → activation → [Dropout]` (SPEC.md: batch norm between
/// the affine layer and the activation, dropout after it). The last layer is a Dense layer with
/// `outputs` units producing logits or raw values; the loss applies softmax or sigmoid.
package enum ModelBuilder {
  /// - Parameters:
  ///   - spec: the architecture.
  ///   - inputShape: one sample's shape, e.g. `[784]` or `[28, 28, 1]`; `cnn` needs `[h, w, c]`,
  ///     the others flatten any shape.
  ///   - outputs: units of the last Dense layer (classes, or regression targets).
  ///   - activation: the hidden activation.
  ///   - initializer: the weight initializer; `nil` picks the activation's default (He or Xavier).
  ///   - dropout: drop rate after each hidden activation, `0 ≤ p < 1`; 0 adds no Dropout layers.
  ///   - batchNorm: insert BatchNorm between each hidden affine layer and its activation.
  ///   - seed: seeds weight initialization and every dropout mask.
  /// - Throws: `ModelSpecError` when the options do not fit the input (e.g. `cnn` on flat samples).
  package static func build(
    spec: ModelSpec, inputShape: [Int], outputs: Int, activation: Activation = .relu,
    initializer: Initializer? = nil, dropout: Float = 0, batchNorm: Bool = false, seed: UInt64
  ) throws(ModelSpecError) -> Sequential {
    guard !inputShape.isEmpty, inputShape.allSatisfy({ $0 > 0 }) else {
      throw ModelSpecError(
        field: "model", value: spec.description,
        reason: "sample shape \(inputShape) must have positive dimensions", accepted: [])
    }
    guard outputs > 0 else {
      throw ModelSpecError(
        field: "model", value: spec.description,
        reason: "the model needs at least one output, got \(outputs)",
        accepted: [])
    }
    guard dropout >= 0 && dropout < 1 else {
      throw ModelSpecError(
        field: "dropout", value: "\(dropout)", reason: "the drop rate must be in [0, 1)",
        accepted: [])
    }
    var stack = LayerStack(
      activation: activation, initializer: initializer ?? activation.defaultInitializer,
      dropout: dropout, batchNorm: batchNorm, seed: seed)
    var shape = inputShape
    switch spec {
    case .linear, .mlp:
      if inputShape.count > 1 { stack.append(Flatten(name: stack.name("flatten")), shape: &shape) }
      if case .mlp(let hidden) = spec {
        for units in hidden { stack.appendDenseBlock(units: units, shape: &shape) }
      }
    case .cnn:
      guard inputShape.count == 3 else {
        throw ModelSpecError(
          field: "model", value: "cnn",
          reason: "cnn needs image samples [height, width, channels], got \(inputShape) "
            + "(CSV images need a shape HxWxC)",
          accepted: ModelSpec.acceptedForms)
      }
      guard inputShape[0] >= 4 && inputShape[1] >= 4 else {
        throw ModelSpecError(
          field: "model", value: "cnn",
          reason: "cnn pools twice by 2 and needs images of at least 4×4, got \(inputShape)",
          accepted: ModelSpec.acceptedForms)
      }
      for filters in [32, 64] {
        stack.appendConvBlock(filters: filters, shape: &shape)
        stack.append(MaxPool2D(name: stack.name("pool"), poolSize: 2), shape: &shape)
      }
      stack.append(Flatten(name: stack.name("flatten")), shape: &shape)
      stack.appendDenseBlock(units: 128, shape: &shape)
    }
    stack.appendDense(units: outputs, shape: &shape)
    return Sequential(inputShape: inputShape, layers: stack.layers)
  }
}

/// The layers of a model under construction, with unique names and the seeded generators.
private struct LayerStack {
  let activation: Activation
  let initializer: Initializer
  let dropout: Float
  let batchNorm: Bool
  var layers: [any Layer] = []
  private var counters: [String: Int] = [:]
  private var weightGenerator: SeededGenerator
  private var dropoutSeeds: SeededGenerator

  init(
    activation: Activation, initializer: Initializer, dropout: Float, batchNorm: Bool, seed: UInt64
  ) {
    self.activation = activation
    self.initializer = initializer
    self.dropout = dropout
    self.batchNorm = batchNorm
    let root = SeededGenerator(seed: seed)
    weightGenerator = root.derived(stream: 1)
    dropoutSeeds = root.derived(stream: 2)
  }

  /// The next unique name for a layer kind: `dense1`, `dense2`, …
  mutating func name(_ prefix: String) -> String {
    let next = (counters[prefix] ?? 0) + 1
    counters[prefix] = next
    return "\(prefix)\(next)"
  }

  mutating func append(_ layer: any Layer, shape: inout [Int]) {
    shape = layer.outputShape(forInput: shape)
    layers.append(layer)
  }

  /// A Dense layer with fresh weights and zero bias.
  mutating func appendDense(units: Int, shape: inout [Int]) {
    let fanIn = shape.reduce(1, *)
    let weight = initializer.makeWeights(
      shape: [fanIn, units], fanIn: fanIn, fanOut: units, using: &weightGenerator)
    append(Dense(name: name("dense"), weight: weight, bias: Tensor(zeros: [units])), shape: &shape)
  }

  mutating func appendDenseBlock(units: Int, shape: inout [Int]) {
    appendDense(units: units, shape: &shape)
    appendNormalizationAndActivation(features: units, shape: &shape)
  }

  /// A 3×3 `same` convolution with stride 1, then BatchNorm/activation/Dropout.
  mutating func appendConvBlock(filters: Int, shape: inout [Int]) {
    let channels = shape[2]
    let weight = initializer.makeWeights(
      shape: [3, 3, channels, filters], fanIn: 9 * channels, fanOut: 9 * filters,
      using: &weightGenerator)
    let conv = Conv2D(
      name: name("conv"), filters: weight, bias: Tensor(zeros: [filters]), stride: 1, padding: .same
    )
    conv.computesInputGradient = !layers.isEmpty  // the first layer's input is data
    append(conv, shape: &shape)
    appendNormalizationAndActivation(features: filters, shape: &shape)
  }

  private mutating func appendNormalizationAndActivation(features: Int, shape: inout [Int]) {
    if batchNorm { append(BatchNorm(name: name("bn"), features: features), shape: &shape) }
    append(activation.makeLayer(name: name(activation.layerPrefix)), shape: &shape)
    if dropout > 0 {
      append(
        Dropout(name: name("dropout"), rate: dropout, seed: dropoutSeeds.next()), shape: &shape)
    }
  }
}
