import DLTopMonitor
import Foundation

/// The files a search leaves in its folder besides the trials' run logs (`trial-NNN/run.jsonl`):
/// `trials.csv` (one row per trial) and `best-command.txt` (the best trial's `dltop train` line).
struct SearchFiles {
  var folder: String

  func write(_ snapshot: SearchSnapshot, best: TrialPlan?, test: SearchTestEvaluation?) throws {
    try writeFile("trials.csv", Self.csv(snapshot))
    if let best {
      var text = best.arguments.text + "\n"
      if let test { text += "# " + test.summary + "\n" }
      try writeFile("best-command.txt", text)
    }
  }

  /// `id,round,status,epochs,val_loss,val_accuracy,<parameters…>,verdict,note,run_dir,command`.
  static func csv(_ snapshot: SearchSnapshot) -> String {
    let names = snapshot.space.parameters.map(\.name)
    var lines = [
      (["id", "round", "status", "epochs", "val_loss", "val_accuracy"] + names + [
        "verdict", "note", "run_dir", "command",
      ]).joined(separator: ",")
    ]
    for trial in snapshot.trials.sorted(by: { $0.id < $1.id }) {
      var fields = [
        "\(trial.id)", "\(trial.round)", trial.status.rawValue, "\(trial.epochs.count)",
        trial.validationLoss.map { "\($0)" } ?? "", trial.validationAccuracy.map { "\($0)" } ?? "",
      ]
      fields += trial.values.map(\.description)
      fields += [trial.verdict ?? "", trial.note ?? "", trial.runDirectory ?? "", trial.command]
      lines.append(fields.map(quoted).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func quoted(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private func writeFile(_ name: String, _ text: String) throws {
    let path = (folder as NSString).appendingPathComponent(name)
    do {
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw CommandFailure("\(path): cannot write: \(error.localizedDescription)")
    }
  }
}
