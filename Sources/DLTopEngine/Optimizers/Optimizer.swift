/// Updates parameters from their gradients: `update` is called once per mini-batch, after
/// `backward`, with the learning rate of that step.
///
/// The rate is passed in each call (not stored) so schedules and user overrides combine freely.
/// Optimizers with state (velocity, moving averages) create it on a parameter's first update and
/// key it by the parameter's `ObjectIdentifier`; the state keeps the parameter alive, so an
/// identifier is never reused for another parameter while its state exists.
package protocol Optimizer: AnyObject {
  /// The name used on the command line and in reports (`adam`).
  var name: String { get }
  /// Applies one update to every parameter from its `grad`, with learning rate `learningRate`.
  func update(_ parameters: [Parameter], learningRate: Float)
}

/// Per-parameter state buffers of a stateful optimizer, created on first use.
///
/// A class, so the optimizer mutates the buffers in place after one dictionary lookup.
final class OptimizerSlots {
  /// Held so the `ObjectIdentifier` key cannot be reused by another parameter.
  let parameter: Parameter
  /// First buffer: velocity (momentum), squared-gradient sum (AdaGrad, RMSProp), m (Adam).
  var first: [Float]
  /// Second buffer: v (Adam); empty for the others.
  var second: [Float]
  /// Updates applied so far (Adam's t).
  var steps = 0

  init(parameter: Parameter, buffers: Int) {
    self.parameter = parameter
    first = [Float](repeating: 0, count: parameter.value.count)
    second = buffers > 1 ? [Float](repeating: 0, count: parameter.value.count) : []
  }
}

/// A table of `OptimizerSlots` keyed by parameter identity.
struct OptimizerState {
  private var slots: [ObjectIdentifier: OptimizerSlots] = [:]
  let buffers: Int

  init(buffers: Int) {
    self.buffers = buffers
  }

  /// The slots of `parameter`, created zero-filled on first use.
  mutating func slots(for parameter: Parameter) -> OptimizerSlots {
    let key = ObjectIdentifier(parameter)
    if let existing = slots[key] { return existing }
    let created = OptimizerSlots(parameter: parameter, buffers: buffers)
    slots[key] = created
    return created
  }
}
