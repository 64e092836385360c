import DLTopEngine
import DLTopMonitor

/// The JSON object inside `resume.bin` (documented on `ResumeFile`).
extension ResumeFile {
  static func metadata(_ state: ResumeState) -> JSONValue {
    let checkpoint = state.checkpoint
    let stopping = state.earlyStopping
    return .object([
      ("epoch", .int(checkpoint.completedEpochs)),
      ("global_step", .int(checkpoint.globalStep)),
      ("optimizer", .string(checkpoint.optimizer)),
      (
        "optimizer_steps", .object(checkpoint.optimizerSlots.map { ($0.parameter, .int($0.steps)) })
      ),
      (
        "rng",
        .object([
          ("shuffle", .string(String(checkpoint.shuffleState))),
          ("augmentation", .string(String(checkpoint.augmentationState))),
          (
            "dropout",
            .array(
              checkpoint.dropoutStates.map {
                .object([("layer", .string($0.layer)), ("state", .string(String($0.state)))])
              })
          ),
        ])
      ),
      (
        "lr_override",
        checkpoint.rateOverride.map {
          .object([("rate", .number($0.rate)), ("from_step", .int($0.fromStep))])
        } ?? .null
      ),
      (
        "plateau",
        checkpoint.plateau.map {
          .object([
            ("learning_rate", .number($0.learningRate)), ("best", .number($0.best)),
            ("wait", .int($0.wait)), ("cooldown", .int($0.cooldownRemaining)),
          ])
        } ?? .null
      ),
      (
        "early_stopping",
        .object([
          ("enabled", .bool(stopping.enabled)), ("monitor", .string(stopping.monitor)),
          ("best", .double(stopping.best)), ("best_epoch", .integer(stopping.bestEpoch)),
          ("wait", .int(stopping.wait)),
        ])
      ),
      (
        "run_log",
        .object([("bytes", .int(state.logBytes)), ("batch_stride", .int(state.logBatchStride))])
      ),
      ("elapsed_seconds", .number(state.elapsedSeconds)),
      ("arguments", .array(state.arguments.map(JSONValue.string))),
      ("dltop", .string(DLTop.configuration.version)),
    ])
  }

  /// Rebuilds the state from the metadata and the tensors read.
  static func state(
    _ meta: JSONValue, model: [NamedTensor], best: [NamedTensor], firsts: [(String, [Float])],
    seconds: [String: [Float]], order: [Int], fail: (String) -> ReadError
  ) throws(ReadError) -> ResumeState {
    func integer(_ value: JSONValue?, _ field: String) throws(ReadError) -> Int {
      guard let number = value?.intValue else { throw fail("metadata: \(field) is missing") }
      return number
    }
    func generator(_ value: JSONValue?, _ field: String) throws(ReadError) -> UInt64 {
      guard let text = value?.stringValue, let state = UInt64(text) else {
        throw fail("metadata: \(field) is missing")
      }
      return state
    }
    let rng = meta["rng"]
    var dropout: [(layer: String, state: UInt64)] = []
    if case .array(let items)? = rng?["dropout"] {
      for item in items {
        guard let layer = item["layer"]?.stringValue else { throw fail("metadata: rng.dropout") }
        dropout.append((layer, try generator(item["state"], "rng.dropout.state")))
      }
    }
    var slots: [OptimizerSlotRecord] = []
    for (name, first) in firsts {
      let steps = try integer(meta["optimizer_steps"]?[name], "optimizer_steps.\(name)")
      slots.append(
        OptimizerSlotRecord(
          parameter: name, first: first, second: seconds[name] ?? [], steps: steps)
      )
    }
    var rateOverride: TrainerCheckpoint.RateOverride?
    if let value = meta["lr_override"], value != .null {
      guard let rate = value["rate"]?.doubleValue else { throw fail("metadata: lr_override.rate") }
      rateOverride = .init(rate: rate, fromStep: try integer(value["from_step"], "lr_override"))
    }
    var plateau: ReduceLROnPlateau.State?
    if let value = meta["plateau"], value != .null {
      guard let rate = value["learning_rate"]?.doubleValue, let best = value["best"]?.doubleValue
      else { throw fail("metadata: plateau") }
      plateau = .init(
        learningRate: rate, best: best, wait: try integer(value["wait"], "plateau.wait"),
        cooldownRemaining: try integer(value["cooldown"], "plateau.cooldown"))
    }
    guard let optimizer = meta["optimizer"]?.stringValue else { throw fail("metadata: optimizer") }
    let checkpoint = TrainerCheckpoint(
      completedEpochs: try integer(meta["epoch"], "epoch"),
      globalStep: try integer(meta["global_step"], "global_step"), sampleOrder: order,
      shuffleState: try generator(rng?["shuffle"], "rng.shuffle"),
      augmentationState: try generator(rng?["augmentation"], "rng.augmentation"),
      dropoutStates: dropout, model: model, bestWeights: best.isEmpty ? nil : best,
      optimizer: optimizer, optimizerSlots: slots, rateOverride: rateOverride, plateau: plateau)
    let stopping = meta["early_stopping"]
    guard case .array(let arguments)? = meta["arguments"],
      let monitor = stopping?["monitor"]?.stringValue
    else { throw fail("metadata: arguments or early_stopping missing") }
    let bestValue = stopping?["best"]
    return ResumeState(
      checkpoint: checkpoint, arguments: arguments.compactMap(\.stringValue),
      logBytes: try integer(meta["run_log"]?["bytes"], "run_log.bytes"),
      logBatchStride: try integer(meta["run_log"]?["batch_stride"], "run_log.batch_stride"),
      elapsedSeconds: meta["elapsed_seconds"]?.doubleValue ?? 0,
      earlyStopping: .init(
        enabled: stopping?["enabled"] != .bool(false), monitor: monitor,
        best: bestValue == .null ? nil : bestValue?.doubleValue,
        bestEpoch: stopping?["best_epoch"]?.intValue, wait: stopping?["wait"]?.intValue ?? 0))
  }
}
