/// One parameter's optimizer state as plain values, for saving a run and resuming it exactly.
package struct OptimizerSlotRecord: Sendable, Equatable {
  /// The parameter's name (`dense1.W`).
  package var parameter: String
  /// Velocity (momentum), squared-gradient sum (AdaGrad, RMSProp), m (Adam).
  package var first: [Float]
  /// v (Adam); empty for the others.
  package var second: [Float]
  /// Updates applied so far (Adam's t).
  package var steps: Int

  package init(parameter: String, first: [Float], second: [Float], steps: Int) {
    self.parameter = parameter
    self.first = first
    self.second = second
    self.steps = steps
  }
}

extension OptimizerState {
  /// The slots of `parameters` that exist (a parameter never updated has none), in their order.
  func records(of parameters: [Parameter]) -> [OptimizerSlotRecord] {
    parameters.compactMap { parameter in
      existingSlots(for: parameter).map {
        OptimizerSlotRecord(
          parameter: parameter.name, first: $0.first, second: $0.second, steps: $0.steps)
      }
    }
  }

  /// Replaces the table with `records`, matched to `parameters` by name.
  /// - Throws: `ModelStateError` naming the record that fits no parameter; the table is unchanged.
  mutating func restore(_ records: [OptimizerSlotRecord], of parameters: [Parameter])
    throws(ModelStateError)
  {
    let byName = Dictionary(
      parameters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    var restored: [(Parameter, OptimizerSlotRecord)] = []
    for record in records {
      guard let parameter = byName[record.parameter] else {
        throw ModelStateError(message: "optimizer state for \(record.parameter), not a parameter")
      }
      let count = parameter.value.count
      guard record.first.count == count, record.second.count == (buffers > 1 ? count : 0),
        record.steps >= 0
      else {
        throw ModelStateError(
          message:
            "optimizer state for \(record.parameter) has \(record.first.count)+\(record.second.count) values, the parameter \(count)"
        )
      }
      restored.append((parameter, record))
    }
    removeAll()
    for (parameter, record) in restored {
      let slots = slots(for: parameter)
      slots.first = record.first
      slots.second = record.second
      slots.steps = record.steps
    }
  }
}
