import DLTopMonitor
import Foundation

/// The `dltop search --json` document and the closing lines of a search.
///
/// `{"trials": [{"id", "round", "params", "epochs", "val_loss", "val_accuracy", "status"}],
/// "best": {"id", "params", "command"}, "test": {…}, "pruned_epochs_saved"}`, then extra keys.
enum SearchReport {
  static func document(
    _ snapshot: SearchSnapshot, best: TrialPlan?, test: SearchTestEvaluation?, folder: String
  ) -> JSONValue {
    let names = snapshot.space.parameters.map(\.name)
    func params(_ values: [ParameterValue]) -> JSONValue {
      .object(
        zip(names, values).map { name, value in
          switch value {
          case .number(let x): (name, .number(x))
          case .choice(let text): (name, .string(text))
          }
        })
    }
    let trials = snapshot.trials.sorted { $0.id < $1.id }.map { trial -> JSONValue in
      .object([
        ("id", .int(trial.id)), ("round", .int(trial.round)), ("params", params(trial.values)),
        ("epochs", .int(trial.epochs.count)), ("val_loss", .double(trial.validationLoss)),
        ("val_accuracy", .double(trial.validationAccuracy)),
        ("status", .string(trial.status.rawValue)),
        ("verdict", .text(trial.verdict)), ("run_dir", .text(trial.runDirectory)),
        ("note", .text(trial.note)),
      ])
    }
    let bestObject: JSONValue =
      best.map { plan in
        .object([
          ("id", .int(plan.id)), ("params", params(plan.values)),
          ("command", .string(plan.arguments.text)),
        ])
      } ?? .null
    let testObject: JSONValue =
      test.map { result in
        .object([
          ("trial", .int(result.trialID)), ("loss", .number(result.loss)),
          ("accuracy", .double(result.accuracy)),
          ("samples", .int(result.samples)),
          ("weights", .string("as trained (not retrained on train+validation)")),
        ])
      } ?? .null
    let planned = snapshot.trials.reduce(0) { $0 + $1.plannedEpochs }
    return .object([
      ("trials", .array(trials)),
      ("best", bestObject),
      ("test", testObject),
      ("pruned_epochs_saved", .int(snapshot.prunedEpochsSaved)),
      ("pruner", .string(snapshot.pruner)),
      ("trial_epochs_run", .int(snapshot.epochsRun)),
      ("trial_epochs_planned", .int(planned)),
      (
        "rounds",
        .array(
          snapshot.roundSpaces.map { space in
            .object(space.parameters.map { ($0.name, .string($0.domain.summary)) })
          })
      ),
      ("parallel", .int(snapshot.parallelTrials)),
      ("seconds", .number(snapshot.elapsedSeconds)),
      ("search_dir", .string(folder)),
    ])
  }

  static func printSummary(
    _ snapshot: SearchSnapshot, best: TrialPlan?, test: SearchTestEvaluation?, folder: String,
    printer: HeadlessPrinter
  ) {
    let counts = TrialStatus.allCases.compactMap { status -> String? in
      let n = snapshot.trials.filter { $0.status == status }.count
      return n > 0 ? "\(n) \(status.rawValue)" : nil
    }
    printer.line(
      String(
        format: "search finished in %.0f s: %d trials (%@); %d trial-epochs run",
        snapshot.elapsedSeconds,
        snapshot.trials.count, counts.joined(separator: ", "), snapshot.epochsRun))
    if snapshot.pruner != "none" {
      let planned = snapshot.trials.reduce(0) { $0 + $1.plannedEpochs }
      let saved = snapshot.prunedEpochsSaved
      printer.line(
        String(
          format: "pruning (%@) saved %d of %d planned trial-epochs (%.0f%%)", snapshot.pruner,
          saved, planned,
          planned > 0 ? 100 * Double(saved) / Double(planned) : 0))
    }
    if let trial = snapshot.best, let best {
      let values = zip(snapshot.space.parameters, trial.values).map { "\($0.name)=\($1)" }.joined(
        separator: " ")
      printer.line(
        String(
          format: "best: trial %d (round %d) val_loss %.4f", trial.id, trial.round,
          trial.validationLoss ?? .nan)
          + (trial.validationAccuracy.map { String(format: " val_accuracy %.4f", $0) } ?? "") + "  "
          + values)
      if let test { printer.line(test.summary) }
      printer.line("best command: \(best.arguments.text)")
    } else {
      printer.line("best: none (no trial finished an epoch with a finite validation loss)")
    }
    printer.line("search folder: \(folder) (trials.csv, best-command.txt, trial-NNN/run.jsonl)")
  }
}
