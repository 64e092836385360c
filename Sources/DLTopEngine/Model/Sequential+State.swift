/// A model's tensors by name, for saving and loading weights: every trainable parameter and the
/// inference state that is not trained by gradients (BatchNorm's running mean and variance).
package struct NamedTensor: Sendable, Equatable {
  /// `dense1.W`, `bn1.gamma`, `bn1.running_mean`…
  package var name: String
  package var tensor: Tensor
  /// Whether the tensor is a trainable parameter (else inference state).
  package var isParameter: Bool

  package init(name: String, tensor: Tensor, isParameter: Bool) {
    self.name = name
    self.tensor = tensor
    self.isParameter = isParameter
  }
}

/// Why saved tensors do not fit a model: a name missing or a shape different.
package struct ModelStateError: Error, Sendable, Equatable, CustomStringConvertible {
  package var message: String
  package var description: String { message }
}

extension BatchNorm {
  /// The running statistics, named `<layer>.running_mean` and `<layer>.running_variance`.
  package var stateTensors: [NamedTensor] {
    [
      NamedTensor(
        name: "\(name).running_mean", tensor: Tensor(shape: [features], scalars: runningMean),
        isParameter: false),
      NamedTensor(
        name: "\(name).running_variance",
        tensor: Tensor(shape: [features], scalars: runningVariance), isParameter: false),
    ]
  }
}

extension Sequential {
  /// Every parameter, then after each BatchNorm layer's parameters its running statistics, in
  /// layer order.
  package var namedTensors: [NamedTensor] {
    layers.flatMap { layer -> [NamedTensor] in
      let parameters = layer.parameters.map {
        NamedTensor(name: $0.name, tensor: $0.value, isParameter: true)
      }
      guard let norm = layer as? BatchNorm else { return parameters }
      return parameters + norm.stateTensors
    }
  }

  /// The inference state alone (BatchNorm running statistics), to keep with the best weights.
  package func inferenceState() -> [NamedTensor] { namedTensors.filter { !$0.isParameter } }

  /// Sets every tensor of the model from `tensors`, matched by name.
  /// - Throws: `ModelStateError` when a tensor of the model is missing or has another shape, or
  ///   when `tensors` holds a name the model does not have; the model is unchanged then.
  package func load(_ tensors: [NamedTensor]) throws(ModelStateError) {
    let given = Dictionary(
      tensors.map { ($0.name, $0.tensor) }, uniquingKeysWith: { _, last in last })
    let expected = namedTensors
    for tensor in expected {
      guard let value = given[tensor.name] else {
        throw ModelStateError(
          message: "\(tensor.name) is missing (the model has \(expected.count) tensors)")
      }
      guard value.shape == tensor.tensor.shape else {
        throw ModelStateError(
          message: "\(tensor.name) has shape \(value.shape), the model needs \(tensor.tensor.shape)"
        )
      }
    }
    let known = Set(expected.map(\.name))
    if let extra = tensors.first(where: { !known.contains($0.name) }) {
      throw ModelStateError(message: "\(extra.name) is not a tensor of this model")
    }
    restore(given)
  }

  /// Sets the state tensors (and parameters) present in `values`; names must already be checked.
  package func restore(_ values: [String: Tensor]) {
    for layer in layers {
      for parameter in layer.parameters {
        if let value = values[parameter.name] { parameter.value = value }
      }
      if let norm = layer as? BatchNorm {
        if let mean = values["\(norm.name).running_mean"] { norm.runningMean = mean.scalars }
        if let variance = values["\(norm.name).running_variance"] {
          norm.runningVariance = variance.scalars
        }
      }
    }
  }
}
