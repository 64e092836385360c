import Foundation

/// A parsed `--schedule` value; `makeSchedule` turns it into a schedule once the run's base rate,
/// steps per epoch and total steps are known.
///
/// Accepted forms (keys in any order, `[…]` optional, defaults after `=`):
///
///     constant
///     step:every=E[,factor=0.1]                 ×factor every E epochs
///     exp:k=K                                   α0·e^(−K·epoch), epoch fractional
///     exp-staircase:rate=R,steps=S              α0·R^⌊step/S⌋, batch steps
///     inverse-time:k=K                          α0/(1 + K·epoch)
///     cosine[:min=M]                            cosine from α0 to M over the run's total steps
///     warmup:steps=N[,start=0][,then=SPEC]      linear ramp over N steps, then SPEC (default
///                                               constant) shifted by N; `then=` must come last and
///                                               takes the rest of the text, e.g.
///                                               `warmup:steps=500,then=step:every=8,factor=0.1`
///     plateau[:factor=0.1,patience=10,cooldown=0,min_delta=1e-4,min_lr=0,mode=min]
///                                               constant α0, lowered by `ReduceLROnPlateau`
package indirect enum ScheduleSpec: Sendable, Equatable, CustomStringConvertible {
  case constant
  case step(everyEpochs: Int, factor: Double)
  case exponential(k: Double)
  case staircaseExponential(rate: Double, steps: Int)
  case inverseTime(k: Double)
  case cosine(minimumRate: Double)
  case warmup(steps: Int, startRate: Double, then: ScheduleSpec)
  case plateau(PlateauSettings)

  /// The settings of a `plateau:` spec (Keras `ReduceLROnPlateau` defaults).
  package struct PlateauSettings: Sendable, Equatable {
    package var factor = 0.1
    package var patience = 10
    package var cooldown = 0
    package var minDelta = 1e-4
    package var minRate = 0.0
    package var mode = ReduceLROnPlateau.Mode.min

    package init() {}
  }

  /// The accepted forms, one per line, for help texts and error messages.
  package static let acceptedForms = [
    "constant", "step:every=E[,factor=F]", "exp:k=K", "exp-staircase:rate=R,steps=S",
    "inverse-time:k=K", "cosine[:min=M]", "warmup:steps=N[,start=R][,then=SPEC]",
    "plateau[:factor=F,patience=P,cooldown=C,min_delta=D,min_lr=M,mode=min|max]",
  ]

  /// Parses a `--schedule` value.
  ///
  /// - Throws: `ScheduleSpecError` naming the bad kind, key or value and the accepted forms.
  package static func parse(_ text: String) throws -> ScheduleSpec {
    var parser = ScheduleSpecParser(text: text.trimmingCharacters(in: .whitespacesAndNewlines))
    return try parser.parse()
  }

  /// The schedule for a run.
  ///
  /// - Parameters:
  ///   - baseRate: α0, the `--lr` value.
  ///   - stepsPerEpoch: mini-batches per epoch (⌈N / batch⌉), for epoch-based decays.
  ///   - totalSteps: mini-batches in the whole run (epochs × stepsPerEpoch), for cosine.
  package func makeSchedule(baseRate: Double, stepsPerEpoch: Int, totalSteps: Int)
    -> any LearningRateSchedule
  {
    let perEpoch = max(stepsPerEpoch, 1)
    switch self {
    case .constant, .plateau:
      return ConstantRate(rate: baseRate)
    case .step(let every, let factor):
      return StepDecay(
        initialRate: baseRate, factor: factor, everyEpochs: every, stepsPerEpoch: perEpoch)
    case .exponential(let k):
      return ExponentialDecay(initialRate: baseRate, k: k, stepsPerEpoch: perEpoch)
    case .staircaseExponential(let rate, let steps):
      return StaircaseExponentialDecay(initialRate: baseRate, decayRate: rate, decaySteps: steps)
    case .inverseTime(let k):
      return InverseTimeDecay(initialRate: baseRate, k: k, stepsPerEpoch: perEpoch)
    case .cosine(let minimum):
      return CosineDecay(
        initialRate: baseRate, totalSteps: max(totalSteps, 1), minimumRate: minimum)
    case .warmup(let steps, let start, let then):
      let rest = then.makeSchedule(
        baseRate: baseRate, stepsPerEpoch: perEpoch, totalSteps: max(totalSteps - steps, 1))
      return LinearWarmup(warmupSteps: steps, startRate: start, then: rest)
    }
  }

  /// The plateau controller this spec asks for (`plateau:…`, also after a warmup), else nil.
  package func makePlateau(baseRate: Double) -> ReduceLROnPlateau? {
    switch self {
    case .plateau(let s):
      ReduceLROnPlateau(
        learningRate: baseRate, factor: s.factor, patience: s.patience, cooldown: s.cooldown,
        minDelta: s.minDelta, minRate: s.minRate, mode: s.mode)
    case .warmup(_, _, let then): then.makePlateau(baseRate: baseRate)
    default: nil
    }
  }

  /// The canonical `--schedule` text of this spec (parses back to an equal spec).
  package var description: String {
    switch self {
    case .constant: "constant"
    case .step(let every, let factor): "step:every=\(every),factor=\(factor)"
    case .exponential(let k): "exp:k=\(k)"
    case .staircaseExponential(let rate, let steps): "exp-staircase:rate=\(rate),steps=\(steps)"
    case .inverseTime(let k): "inverse-time:k=\(k)"
    case .cosine(let minimum): minimum == 0 ? "cosine" : "cosine:min=\(minimum)"
    case .warmup(let steps, let start, let then):
      "warmup:steps=\(steps),start=\(start),then=\(then)"
    case .plateau(let s):
      "plateau:factor=\(s.factor),patience=\(s.patience),cooldown=\(s.cooldown)"
        + ",min_delta=\(s.minDelta),min_lr=\(s.minRate),mode=\(s.mode.rawValue)"
    }
  }
}
