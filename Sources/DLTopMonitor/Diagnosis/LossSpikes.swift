/// A step whose loss jumped far above the steps before it: a bad batch, or a step η too large for
/// the curvature there. Reported as an event, not a verdict: one spike the run recovers from is
/// not a condition of the run.
package struct LossSpike: Sendable, Equatable {
  package var step: Int
  package var epoch: Int?
  package var loss: Double
  /// The moving average of the steps before it.
  package var average: Double
  /// How many steps the spike spans, its aftermath included (1 for a single bad batch).
  package var length: Int

  /// The event text, e.g. "loss spike at step 812: 4.2, 6.1× its moving average 0.69".
  package var description: String {
    let span = length > 1 ? " (\(length) steps)" : ""
    return
      "loss spike at step \(step)\(span): \(EvidenceFormat.value(loss)), \(EvidenceFormat.value(loss / average))× its moving average \(EvidenceFormat.value(average))"
  }

  /// What production trainers do about one.
  package static let advice =
    "if spikes repeat: lower the learning rate, clip gradients (e.g. max norm 1), or skip the offending batch"
}

/// Finds loss spikes in a per-step series (fine-tuning logs: few epochs, many logged steps), step
/// by step as a recorder sees them (`observe`) or over a whole log (`spikes(in:)`).
///
/// A step is a spike when its loss is at least `DiagnosisThresholds.spikeFactor`× the exponential
/// moving average of the steps before it *and* that far above the average in units of the
/// series' own typical step-to-step deviation (`spikeDeviations`), so a small-batch run's ordinary
/// noise — a batch at 5× a tiny converged loss is common — is not reported. The average skips
/// spiked steps; consecutive spiked steps, and spiked steps within `spikeAftermathSteps` of one,
/// make one spike (`length` counts the steps it spans).
///
/// - Complexity: O(1) per step.
package struct LossSpikeDetector: Sendable {
  private var average: Double?
  private var deviation = 0.0
  private var seen = 0
  /// Spikes found so far, the last one possibly still growing.
  package private(set) var spikes: [LossSpike] = []
  private var lastSpikeStep: Int?

  package init() {}

  /// Takes one step's loss. - Returns: the spike, when this step starts a new one (not the
  /// aftermath of the last).
  package mutating func observe(step: Int, epoch: Int?, loss: Double) -> LossSpike? {
    let limits = DiagnosisThresholds.self
    guard loss.isFinite else { return nil }
    guard let mean = average else {
      average = loss
      seen = 1
      return nil
    }
    let isSpike =
      seen >= limits.spikeWarmUpSteps && mean > 0 && loss >= limits.spikeFactor * mean
      && loss - mean >= limits.spikeDeviations * deviation
    if isSpike {
      defer { lastSpikeStep = step }
      if let last = lastSpikeStep, step - last <= limits.spikeAftermathSteps,
        var current = spikes.popLast()
      {
        current.length = step - current.step + 1
        current.loss = max(current.loss, loss)
        spikes.append(current)
        return nil
      }
      let spike = LossSpike(step: step, epoch: epoch, loss: loss, average: mean, length: 1)
      spikes.append(spike)
      return spike
    }
    let alpha = 2 / (Double(limits.spikeAverageSteps) + 1)
    deviation = seen == 1 ? abs(loss - mean) : deviation + alpha * (abs(loss - mean) - deviation)
    average = mean + alpha * (loss - mean)
    seen += 1
    return nil
  }

  /// The spikes of a whole per-step series.
  package static func spikes(in steps: [ParsedLog.Step], metric: String = MetricName.loss.rawValue)
    -> [LossSpike]
  {
    var detector = LossSpikeDetector()
    for step in steps {
      if let loss = step.metrics[metric] {
        _ = detector.observe(step: step.step, epoch: step.epoch, loss: loss)
      }
    }
    return detector.spikes
  }
}
