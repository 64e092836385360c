import Testing

@testable import DLTopEngine

/// llm.c-style golden losses: a fixed tiny problem (60 blob samples, 2-8-3 MLP seeded 7, Adam
/// 0.01, batch 8, seed 7) must reproduce its first 10 batch losses. Regenerate on purpose (print
/// the `losses` the failure message shows) when the maths of a layer, loss, optimizer or the shuffle changes.
struct GoldenLossTests {
  static let expected: [Double] = [
    2.3396661281585693, 3.5287835597991943, 2.348083019256592, 2.3731789588928223,
    0.7627174258232117,
    1.761218786239624, 1.8891818523406982, 2.3483433723449707, 1.6398028135299683,
    1.4528452157974243,
  ]

  @Test func firstTenLossesMatchTheRecordedRun() {
    let trainer = TrainingFixtures.blobTrainer()
    var losses: [Double] = []
    while losses.count < 10 {  // 8 batches per epoch: crosses into epoch 2 (reshuffled)
      if let report = trainer.trainBatch() {
        losses.append(report.loss)
      } else {
        _ = trainer.finishEpoch()
      }
    }
    #expect(losses.count == 10)
    for (loss, expected) in zip(losses, Self.expected) {
      #expect(abs(loss - expected) < 1e-4, "\(losses)")
    }
  }
}
