/// An optimizer with per-parameter state (velocity, moving averages) in an `OptimizerState`:
/// saving and restoring that state for resume, and walking the parameters with their buffers,
/// are the same for all of them.
protocol SlotOptimizer: Optimizer {
  var state: OptimizerState { get set }
}

extension SlotOptimizer {
  package func savedSlots(of parameters: [Parameter]) -> [OptimizerSlotRecord] {
    state.records(of: parameters)
  }

  package func restoreSlots(_ records: [OptimizerSlotRecord], of parameters: [Parameter])
    throws(ModelStateError)
  {
    try state.restore(records, of: parameters)
  }

  /// Counts one more update of every parameter and calls `body` with its gradient, its first
  /// state buffer and its values, for an elementwise rule.
  func updateEach(
    _ parameters: [Parameter],
    _ body: (
      _ g: UnsafeBufferPointer<Float>, _ first: UnsafeMutableBufferPointer<Float>,
      _ w: UnsafeMutableBufferPointer<Float>
    ) -> Void
  ) {
    for parameter in parameters {
      let slots = state.slots(for: parameter)
      slots.steps += 1
      parameter.grad.scalars.withUnsafeBufferPointer { g in
        slots.first.withUnsafeMutableBufferPointer { first in
          parameter.value.scalars.withUnsafeMutableBufferPointer { w in body(g, first, w) }
        }
      }
    }
  }
}
