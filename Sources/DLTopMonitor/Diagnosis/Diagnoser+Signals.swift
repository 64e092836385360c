import Foundation

/// The rules that read the engine's extra per-epoch signals: `grad_norm`, `grad_norm/<layer>`,
/// `dead_relu` (fraction of ReLU units that never fire), `update_ratio`.
extension Diagnoser {
  func signals(_ curves: Curves) -> [Verdict] {
    [explodingGradients(curves), vanishingGradients(curves), deadReLU(curves)].compactMap { $0 }
  }

  private func explodingGradients(_ curves: Curves) -> Verdict? {
    let norms = curves.gradientNorm
    if let bad = norms.firstNonFinite {
      return Verdict(
        kind: .explodingGradients, onsetEpoch: bad.epoch, confidence: 1,
        evidence: "grad_norm became \(JSONText.number(bad.value)) at epoch \(bad.epoch)",
        advice: advice(for: .explodingGradients))
    }
    guard norms.count >= 4 else { return nil }
    let early = Array(norms.values.prefix(max(1, norms.count / 4))).sorted()
    let baseline = early[early.count / 2]
    guard baseline > 0, let last = norms.values.last,
      last >= DiagnosisThresholds.explodingGrowth * baseline
    else { return nil }
    let onset = norms.values.firstIndex { $0 >= DiagnosisThresholds.explodingGrowth * baseline }.map
    { norms.epochs[$0] }
    return Verdict(
      kind: .explodingGradients, onsetEpoch: onset,
      confidence: min(0.95, 0.6 + 0.1 * log10(last / baseline)),
      evidence:
        "grad_norm grew to \(EvidenceFormat.value(last)), \(EvidenceFormat.value(last / baseline))× its early level \(EvidenceFormat.value(baseline))",
      advice: advice(for: .explodingGradients))
  }

  private func vanishingGradients(_ curves: Curves) -> Verdict? {
    let layers = curves.layerGradientNorms.filter { !$0.value.isEmpty }
    if layers.count >= 2 {
      let last = layers.map { ($0.key, $0.value.values[$0.value.count - 1]) }
      if let weakest = last.min(by: { $0.1 < $1.1 }), let strongest = last.max(by: { $0.1 < $1.1 }),
        strongest.1 > 0, weakest.1 < DiagnosisThresholds.vanishingSpread * strongest.1
      {
        return Verdict(
          kind: .vanishingGradients, onsetEpoch: layers[weakest.0]?.epochs.last, confidence: 0.8,
          evidence: "grad_norm of \(weakest.0) is \(EvidenceFormat.value(weakest.1)), "
            + (weakest.1 > 0 && (strongest.1 / weakest.1).isFinite
              ? "\(EvidenceFormat.value(strongest.1 / weakest.1))× smaller than" : "against")
            + " \(strongest.0)'s \(EvidenceFormat.value(strongest.1))",
          advice: advice(for: .vanishingGradients))
      }
    }
    let norms = curves.gradientNorm
    let loss = curves.loss
    guard norms.count >= 4, loss.count >= 4, let first = norms.values.first, first > 0,
      let last = norms.values.last, last < DiagnosisThresholds.vanishingSpread * first,
      let firstLoss = loss.values.first, let lastLoss = loss.values.last, firstLoss > 0,
      lastLoss > 0.5 * firstLoss
    else { return nil }
    return Verdict(
      kind: .vanishingGradients,
      onsetEpoch: norms.values.firstIndex { $0 < DiagnosisThresholds.vanishingSpread * first }.map {
        norms.epochs[$0]
      },
      confidence: 0.75,
      evidence:
        "grad_norm fell from \(EvidenceFormat.value(first)) to \(EvidenceFormat.value(last)) while loss is still \(EvidenceFormat.percent(lastLoss / firstLoss)) of its start",
      advice: advice(for: .vanishingGradients))
  }

  private func deadReLU(_ curves: Curves) -> Verdict? {
    let dead = curves.deadReLU
    guard let last = dead.values.last else { return nil }
    let scale = (dead.values.max() ?? 0) > 1 ? 100.0 : 1.0
    let fraction = last / scale
    let limits = DiagnosisThresholds.self
    guard fraction >= limits.deadReLUFraction else { return nil }
    // A network that learns well lost units it did not need (common in wide, healthy nets).
    if let accuracy = curves.validationAccuracy.values.last ?? curves.accuracy.values.last {
      let chance = curves.chanceAccuracy ?? 0
      if accuracy >= chance + limits.deadReLULearnsWell * (1 - chance) { return nil }
    }
    let onset = dead.values.firstIndex { $0 / scale >= limits.deadReLUFraction }.map {
      dead.epochs[$0]
    }
    return Verdict(
      kind: .deadReLU, onsetEpoch: onset, confidence: min(0.95, 0.4 + fraction * 0.6),
      evidence:
        "\(EvidenceFormat.percent(fraction)) of ReLU units never fire (dead_relu at epoch \(dead.epochs[dead.count - 1]))",
      advice: advice(for: .deadReLU))
  }
}
