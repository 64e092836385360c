/// Running sums over one epoch's batches, turned into an `EpochReport` by `report`.
struct EpochTally {
  var lossSum: Double = 0
  var correct = 0
  var hasAccuracy = false
  var samples = 0
  var batches = 0
  var nonFinite = 0
  var lastRate: Double?
  var seconds: Double = 0
  var gradientNormSums: [Double]
  var deadFractionSums: [Double]
  /// Per layer ‖ΔW‖² and ‖W‖² of the epoch's last update, when it ran.
  var updateRatios: [(delta: Double, weight: Double)]?

  init(groups: Int, relus: Int) {
    gradientNormSums = [Double](repeating: 0, count: groups)
    deadFractionSums = [Double](repeating: 0, count: relus)
  }

  mutating func record(
    loss: Double, correct: Int?, samples: Int, squaredNorms: [Double], deadFractions: [Double],
    finite: Bool, rate: Double, seconds: Double
  ) {
    lossSum += loss * Double(samples)
    if let correct {
      self.correct += correct
      hasAccuracy = true
    }
    self.samples += samples
    batches += 1
    if !finite { nonFinite += 1 }
    lastRate = rate
    self.seconds += seconds
    for i in squaredNorms.indices { gradientNormSums[i] += squaredNorms[i].squareRoot() }
    for i in deadFractions.indices { deadFractionSums[i] += deadFractions[i] }
  }

  /// The report's training part; validation, weight norm and rates are filled in by the trainer.
  func report(epoch: Int, groups: [ParameterGroup], relus: [ReLU]) -> EpochReport {
    let perBatch = 1 / Double(max(batches, 1))
    let dead = zip(relus, deadFractionSums).map {
      LayerStatistic(layer: $0.name, value: $1 * perBatch)
    }
    var ratios: [LayerStatistic] = []
    var ratio: Double?
    if let updateRatios {
      ratios = zip(groups, updateRatios).map {
        LayerStatistic(layer: $0.layer, value: ($1.delta / $1.weight).squareRoot())
      }
      let delta = updateRatios.reduce(0) { $0 + $1.delta }
      let weight = updateRatios.reduce(0) { $0 + $1.weight }
      ratio = (delta / weight).squareRoot()
    }
    return EpochReport(
      epoch: epoch,
      loss: batches == 0 ? .nan : lossSum / Double(samples),
      accuracy: hasAccuracy ? Double(correct) / Double(samples) : nil,
      learningRate: lastRate ?? .nan,
      nextLearningRate: .nan,
      seconds: seconds,
      trainingSeconds: seconds,
      samplesPerSecond: seconds > 0 ? Double(samples) / seconds : 0,
      samples: samples,
      batches: batches,
      nonFiniteBatches: nonFinite,
      gradientNorms: zip(groups, gradientNormSums).map {
        LayerStatistic(layer: $0.layer, value: $1 * perBatch)
      },
      weightNorm: 0,
      updateRatios: ratios,
      updateRatio: ratio,
      deadReLUFractions: dead,
      meanDeadReLUFraction: dead.isEmpty
        ? nil : dead.reduce(0) { $0 + $1.value } / Double(dead.count))
  }
}
