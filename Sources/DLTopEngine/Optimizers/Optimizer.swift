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
  /// The per-parameter state (velocity, moments, update counts) of `parameters`, by name, for
  /// resuming a run; empty for a stateless optimizer.
  func savedSlots(of parameters: [Parameter]) -> [OptimizerSlotRecord]
  /// Puts back state saved by `savedSlots(of:)`, matched by parameter name.
  /// - Throws: `ModelStateError` when a record names no parameter or has another size; the
  ///   optimizer is unchanged then.
  func restoreSlots(_ records: [OptimizerSlotRecord], of parameters: [Parameter])
    throws(ModelStateError)
}

extension Optimizer {
  /// A stateless optimizer (SGD) saves nothing.
  package func savedSlots(of parameters: [Parameter]) -> [OptimizerSlotRecord] { [] }

  /// A stateless optimizer takes no state; any record is an error.
  package func restoreSlots(_ records: [OptimizerSlotRecord], of parameters: [Parameter])
    throws(ModelStateError)
  {
    if let record = records.first {
      throw ModelStateError(
        message: "\(name) keeps no state, but state for \(record.parameter) was given")
    }
  }
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

  /// The slots of `parameter` when it was updated before.
  func existingSlots(for parameter: Parameter) -> OptimizerSlots? {
    slots[ObjectIdentifier(parameter)]
  }

  /// Forgets every slot.
  mutating func removeAll() { slots.removeAll() }

  /// The slots of `parameter`, created zero-filled on first use.
  mutating func slots(for parameter: Parameter) -> OptimizerSlots {
    let key = ObjectIdentifier(parameter)
    if let existing = slots[key] { return existing }
    let created = OptimizerSlots(parameter: parameter, buffers: buffers)
    slots[key] = created
    return created
  }
}
