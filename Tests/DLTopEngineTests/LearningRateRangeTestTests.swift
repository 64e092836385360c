import Foundation
import Testing

@testable import DLTopEngine

struct LearningRateRangeTestTests {
  @Test func ratesGrowExponentiallyFromStartToEnd() {
    let test = LearningRateRangeTest(startRate: 1e-7, endRate: 10, iterations: 100)
    #expect(test.rate(at: 0) == 1e-7)
    #expect(abs(test.rate(at: 100) / 10 - 1) < 1e-12)
    // Equal ratio between neighbours: 10^(8/100).
    let ratio = test.rate(at: 51) / test.rate(at: 50)
    #expect(abs(ratio - pow(10, 0.08)) < 1e-9)
  }

  /// The curve and the expected indices come from fastai 2.8.12's own `valley` and `steep`
  /// (`fastai.callback.schedule`) run on these 40 values with these rates.
  @Test func suggestionsMatchFastaiOnTheSameCurve() {
    let losses = [
      2.2981, 2.3469, 2.2835, 2.2485, 2.3175, 2.3299, 2.251, 2.2497, 2.316, 2.2825, 2.2003, 2.2214,
      2.2525,
      2.162, 2.0726, 2.0796, 2.0311, 1.8673, 1.7547, 1.7125, 1.5765, 1.3807, 1.2941, 1.2527, 1.1149,
      0.9885,
      0.9896, 0.9796, 0.8745, 0.83, 0.8852, 0.8699, 0.7851, 0.8165, 0.9364, 0.9882, 1.0573, 1.2773,
      1.5277,
      1.7054,
    ]
    let rates = (0..<40).map { 1e-7 * pow(1e8, Double($0) / 40) }
    #expect(LearningRateRangeResult.valleyIndex(losses) == 21)
    #expect(LearningRateRangeResult.steepestIndex(losses: losses, rates: rates) == 20)
  }

  @Test func suggestionSkipsTheFirstTenthAndTheLastFivePoints() {
    // A curve that falls fastest in its first points: fastai's cut hides that fall.
    var losses = (0..<50).map { 2.0 - 0.01 * Double($0) }
    losses[0] = 9
    losses[1] = 5
    let rates = (0..<50).map { 1e-6 * pow(10, Double($0) / 10) }
    let result = LearningRateRangeResult(
      rates: rates, losses: losses, rawLosses: losses, iterations: 50, stopReason: .completed)
    let index = result.suggestionIndex(.steep)
    #expect(index != nil && index! >= 5 && index! < 45)
  }

  @Test func stopsWhenTheLossBlowsUpAndPutsTheWeightsBack() {
    let trainer = TrainingFixtures.blobTrainer(batch: .samples(8), epochs: 1)
    let before = trainer.model.weights()
    let result = LearningRateRangeTest(startRate: 1e-5, endRate: 1e4, iterations: 300).run(
      on: trainer)
    #expect(result.stopReason != .completed, "a rate of 1e4 must blow the loss up")
    #expect(result.rates.count < 300)
    #expect(result.rates.count == result.losses.count)
    let after = trainer.model.weights()
    #expect(zip(before, after).allSatisfy { $0.scalars == $1.scalars })
    let suggested = result.suggestion(.valley)
    #expect(
      suggested != nil && suggested! > 1e-5 && suggested! < 1e2,
      "valley \(String(describing: suggested))")
  }

  @Test func smoothedLossIsTheDebiasedMovingAverage() {
    let trainer = TrainingFixtures.blobTrainer(batch: .samples(8), epochs: 1)
    let result = LearningRateRangeTest(startRate: 1e-6, endRate: 1e-5, iterations: 12).run(
      on: trainer)
    var average = 0.0
    for (index, raw) in result.rawLosses.enumerated() {
      average = 0.98 * average + 0.02 * raw
      #expect(abs(result.losses[index] - average / (1 - pow(0.98, Double(index + 1)))) < 1e-12)
    }
    // 60 samples at batch 8 are 8 batches: the test crossed an epoch boundary to run 12.
    #expect(result.rates.count == 12)
  }

  @Test func theObserverSeesTheCurveGrowAndCanEndTheTest() {
    let trainer = TrainingFixtures.blobTrainer(batch: .samples(8), epochs: 1)
    let before = trainer.model.weights()
    var seen: [Int] = []
    let result = LearningRateRangeTest(startRate: 1e-6, endRate: 1, iterations: 50).run(
      on: trainer
    ) { partial in
      seen.append(partial.rates.count)
      return partial.rates.count < 7
    }
    #expect(seen == Array(1...7))
    #expect(result.stopReason == .cancelled)
    #expect(result.rates.count == 7)
    #expect(zip(before, trainer.model.weights()).allSatisfy { $0.scalars == $1.scalars })
  }
}
