import DLTopEngine
import DLTopMonitor

/// The one look at the test split a search takes: the best trial's weights, as trained (not
/// retrained on train+validation), evaluated once through `HeldOutTestSet.evaluateOnce`.
struct SearchTestEvaluation: Sendable {
  var trialID: Int
  var loss: Double
  var accuracy: Double?
  var samples: Int

  var summary: String {
    let accuracyText = accuracy.map { String(format: ", accuracy %.4f", $0) } ?? ""
    return String(format: "test (trial %d, weights as trained): loss %.4f", trialID, loss)
      + accuracyText
      + " on \(samples) samples"
  }

  static func evaluate(_ outcome: SearchRunner.Outcome, data: PreparedData, test: HeldOutTestSet?)
    -> SearchTestEvaluation?
  {
    guard let best = outcome.best, let weights = outcome.bestWeights, let test else { return nil }
    guard
      let trainer = try? TrainerFactory.make(
        setup: best.setup, data: data, validation: nil, epochs: 1)
    else {
      return nil
    }
    trainer.model.restoreWeights(weights)
    return try? test.evaluateOnce { set in
      let evaluation = trainer.evaluate(set, batchSize: 1024)
      return SearchTestEvaluation(
        trialID: best.id, loss: evaluation.loss, accuracy: evaluation.accuracy, samples: set.count)
    }
  }
}
