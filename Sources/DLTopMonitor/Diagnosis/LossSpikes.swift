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
    return "loss spike at step \(step)\(span): \(EvidenceFormat.value(loss)), \(EvidenceFormat.value(loss / average))× its moving average \(EvidenceFormat.value(average))"
  }

  /// What production trainers do about one.
  package static let advice = "if spikes repeat: lower the learning rate, clip gradients (e.g. max norm 1), or skip the offending batch"
}

/// Finds loss spikes in a per-step series (fine-tuning logs: few epochs, many logged steps).
///
/// A step is a spike when its loss is at least `DiagnosisThresholds.spikeFactor`× the exponential
/// moving average of the steps before it *and* that far above the average in units of the
/// series' own typical step-to-step deviation (`spikeDeviations`), so a small-batch run's ordinary
/// noise — a batch at 5× a tiny converged loss is common — is not reported. The average skips
/// spiked steps; consecutive spiked steps, and spiked steps within `spikeAftermathSteps` of one,
/// make one spike (`length` counts the steps it spans).
///
/// - Complexity: O(n) in the number of steps.
package enum LossSpikeDetector {
  package static func spikes(in steps: [ParsedLog.Step], metric: String = MetricName.loss) -> [LossSpike] {
    let limits = DiagnosisThresholds.self
    let alpha = 2 / (Double(limits.spikeAverageSteps) + 1)
    var average: Double?
    var deviation = 0.0
    var seen = 0
    var found: [LossSpike] = []
    var open: LossSpike?
    for step in steps {
      guard let loss = step.metrics[metric], loss.isFinite else { continue }
      guard let mean = average else {
        average = loss
        seen = 1
        continue
      }
      let isSpike = seen >= limits.spikeWarmUpSteps && mean > 0 && loss >= limits.spikeFactor * mean
        && loss - mean >= limits.spikeDeviations * deviation
      if isSpike {
        // The steps right after a bad batch are its aftermath, not a new spike.
        if open == nil, let last = found.last, step.step - (last.step + last.length - 1) <= limits.spikeAftermathSteps {
          open = found.removeLast()
          open?.length = step.step - last.step + 1
          open?.loss = max(last.loss, loss)
          continue
        }
        if var current = open {
          current.length = step.step - current.step + 1
          current.loss = max(current.loss, loss)
          open = current
        } else {
          open = LossSpike(step: step.step, epoch: step.epoch, loss: loss, average: mean, length: 1)
        }
        continue
      }
      if let current = open {
        found.append(current)
        open = nil
      }
      deviation = seen == 1 ? abs(loss - mean) : deviation + alpha * (abs(loss - mean) - deviation)
      average = mean + alpha * (loss - mean)
      seen += 1
    }
    if let current = open { found.append(current) }
    return found
  }
}
