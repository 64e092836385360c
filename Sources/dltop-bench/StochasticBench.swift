import DLTopEngine

/// Stochastic mode (batch 1, the notes' SGD setting): samples per second of `Trainer.trainBatch`
/// with one sample per step, Adam, after 20 untimed steps. Per-sample overhead (layer calls,
/// small allocations, statistics) is what this shows; the matrix products are tiny.
enum StochasticBench {
  static func measure(makeModel: () -> Sequential, data: LabeledSet, samples: Int) -> [String: Any]
  {
    let warmUp = 20
    let subset = data.subset(0..<min(data.count, samples + warmUp))
    let trainer = Trainer(
      model: makeModel(), loss: SoftmaxCrossEntropy(), optimizer: Adam(),
      schedule: ConstantRate(rate: 1e-3),
      configuration: TrainerConfiguration(batchSize: .samples(1), epochs: 1, seed: 1),
      train: subset)
    for _ in 0..<warmUp { _ = trainer.trainBatch() }
    let (done, timing) = BenchClock.time { () -> Int in
      var steps = 0
      while steps < samples, trainer.trainBatch() != nil { steps += 1 }
      return steps
    }
    return [
      "batch1_samples_per_s": Double(done) / timing.wallSeconds,
      "batch1_cpu_s_per_sample": timing.cpuSeconds / Double(max(1, done)),
      "batch1_samples": done,
    ]
  }
}
