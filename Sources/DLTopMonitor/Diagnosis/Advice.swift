/// The advice of SPEC.md's diagnosis table (from the lecture notes), one text per verdict kind.
package enum Advice {
  package static func text(for kind: VerdictKind) -> String {
    switch kind {
    case .healthy:
      "keep training until improvement stops; early stopping will end the run at the best epoch"
    case .overfitting:
      "raise dropout toward 0.5, raise L2 λ, augment the data, get more data, use a smaller network, or stop early at the best epoch"
    case .underfitting:
      "use a bigger network (more units or layers), train more epochs, or try another architecture; more data will not help"
    case .divergence:
      "lower the learning rate (e.g. ÷10) and restart; check the input scaling and the weight initialization"
    case .oscillation:
      "the learning rate is too large: lower it (e.g. ÷3) or add a decay schedule"
    case .plateau:
      "the learning rate is too small or the model is stuck: raise the learning rate, check the initialization (He for ReLU), or switch to Adam"
    case .explodingGradients:
      "lower the learning rate, clip gradients, add batch normalization, or use a smaller initialization (Xavier/He)"
    case .vanishingGradients:
      "use ReLU instead of sigmoid/tanh, He initialization, batch normalization, or fewer layers"
    case .deadReLU:
      "lower the learning rate, use He initialization, or try leaky ReLU"
    case .tooEarly:
      "wait a few epochs: it is too early to tell how this run is going"
    }
  }

  /// The advice for `kind`, naming only what the run is not already doing (as far as `options`
  /// knows its configuration): no "He initialization" for a run that already uses it, no "switch
  /// to Adam" for an Adam run, no "use ReLU" for a ReLU network.
  package static func text(for kind: VerdictKind, given options: Diagnoser.Options) -> String {
    let he = options.usesHeInitialization
    let activation = options.activation ?? ""
    let reluLike = activation.contains("relu") || activation == "swish"
    switch kind {
    case .plateau:
      var steps = [
        "the learning rate is too small or the model is stuck: raise the learning rate (e.g. ×10)"
      ]
      if !he { steps.append("check the initialization (He for ReLU)") }
      if options.optimizer != "adam" { steps.append("switch to Adam") }
      steps.append("and check that the labels match the inputs")
      return steps.joined(separator: ", ")
    case .deadReLU:
      var steps = ["lower the learning rate"]
      if !he { steps.append("use He initialization") }
      if !activation.contains("leaky") { steps.append("try leaky ReLU") }
      return steps.count == 1
        ? steps[0] : steps.dropLast().joined(separator: ", ") + ", or " + steps[steps.count - 1]
    case .vanishingGradients:
      var steps: [String] = []
      if !reluLike { steps.append("ReLU instead of sigmoid/tanh") }
      if !he { steps.append("He initialization") }
      steps += ["batch normalization", "fewer layers"]
      return "use " + steps.dropLast().joined(separator: ", ") + ", or " + steps[steps.count - 1]
    default:
      return text(for: kind)
    }
  }

  /// `verdict` with advice for a run that has ended: "keep training" no longer applies.
  package static func forFinishedRun(_ verdict: Verdict) -> Verdict {
    var finished = verdict
    switch verdict.kind {
    case .healthy:
      finished.advice =
        "the run ended healthy; use the best epoch's weights, or train longer if val_loss was still falling"
    case .overfitting:
      finished.advice = "use the best epoch's weights; next run: " + text(for: .overfitting)
    case .underfitting, .plateau, .oscillation, .divergence:
      finished.advice = "next run: " + text(for: verdict.kind)
    default:
      break
    }
    return finished
  }
}
