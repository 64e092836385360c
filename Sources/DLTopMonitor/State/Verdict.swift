/// What diagnosis can say about a run.
package enum VerdictKind: String, Sendable, Equatable, CaseIterable, Codable {
  case healthy
  case overfitting
  case underfitting
  case divergence
  case oscillation
  case plateau
  case explodingGradients = "exploding_gradients"
  case vanishingGradients = "vanishing_gradients"
  case deadReLU = "dead_relu"
  /// Fewer epochs than a judgement needs, and nothing decisive (a blow-up) yet.
  case tooEarly = "too_early"
}

/// One finding of diagnosis, in words, with the numbers behind it.
package struct Verdict: Sendable, Equatable, Codable {
  package var kind: VerdictKind
  /// The epoch (as the source numbers it) where the condition began, when it has one.
  package var onsetEpoch: Int?
  /// 0…1: how sure the rule is.
  package var confidence: Double
  /// Numbers a person can check, e.g. "val_loss up 18% from its minimum at epoch 12 while loss fell 30%".
  package var evidence: String
  /// What to do about it, e.g. "raise dropout toward 0.5, raise L2 λ, augment the data".
  package var advice: String

  package init(
    kind: VerdictKind, onsetEpoch: Int?, confidence: Double, evidence: String, advice: String
  ) {
    self.kind = kind
    self.onsetEpoch = onsetEpoch
    self.confidence = confidence
    self.evidence = evidence
    self.advice = advice
  }
}
