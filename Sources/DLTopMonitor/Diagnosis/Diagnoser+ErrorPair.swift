/// Diagnosis from a train/val error pair alone, as in the lecture notes' examples: train error 1%
/// vs val error 10% is overfitting (high variance); 14% vs 15% is underfitting (high bias).
extension Diagnoser {
  /// Verdicts for a train/validation error pair (fractions, 0…1). An empty result means neither
  /// bias nor variance is high.

  package static func diagnose(trainError: Double, validationError: Double) -> [Verdict] {
    [
      errorPairOverfitting(train: trainError, validation: validationError, strict: false),
      errorPairUnderfitting(train: trainError, validation: validationError),
    ].compactMap { $0 }
  }

  /// The single label for an error pair: overfitting, underfitting or healthy.
  package static func label(trainError: Double, validationError: Double) -> VerdictKind {
    diagnose(trainError: trainError, validationError: validationError).first?.kind ?? .healthy
  }

  /// High variance: a gap of at least 5 points that is at least the train error itself (val error
  /// ≥ 2× train error), or ≥ 3× when `strict` (used on whole curves, where the val loss trend is
  /// the main evidence).
  static func errorPairOverfitting(train: Double, validation: Double, strict: Bool) -> Verdict? {
    let gap = validation - train
    let factor = strict ? DiagnosisThresholds.overfitErrorFactor : 2.0
    guard
      gap
        >= (strict
          ? DiagnosisThresholds.overfitCurveErrorGap : DiagnosisThresholds.overfitErrorGap),
      validation >= factor * train
    else { return nil }
    let confidence = min(0.95, 0.5 + gap * 2 + (strict ? 0 : 0.1))
    return Verdict(
      kind: .overfitting, onsetEpoch: nil, confidence: confidence,
      evidence:
        "train error \(EvidenceFormat.accuracy(train)) vs val error \(EvidenceFormat.accuracy(validation)): a gap of \(EvidenceFormat.accuracy(gap))\(train >= 0.001 ? ", \(EvidenceFormat.value(validation / train))× the train error" : "")",
      advice: Advice.text(for: .overfitting))
  }

  /// High bias: train and val error both ≥ 10%, the val error at most 3 points (or a quarter of the
  /// train error) above the train error.
  static func errorPairUnderfitting(train: Double, validation: Double) -> Verdict? {
    let gap = validation - train
    let limits = DiagnosisThresholds.self
    guard train >= limits.underfitError, validation >= limits.underfitError,
      gap <= max(limits.underfitGap, 0.25 * train)
    else { return nil }
    let confidence = min(0.9, 0.5 + train)
    return Verdict(
      kind: .underfitting, onsetEpoch: nil, confidence: confidence,
      evidence:
        "train error \(EvidenceFormat.accuracy(train)) and val error \(EvidenceFormat.accuracy(validation)): both high, gap only \(EvidenceFormat.accuracy(gap))",
      advice: Advice.text(for: .underfitting))
  }
}
