import Foundation

/// The runs of a snapshot side by side, TensorBoard's HParams table: one row per run with its
/// hyper-parameters (from the run's configuration: dltop's header, and whatever other readers
/// give) and its final and best metrics. The dashboard's comparison view and the snapshot's
/// `runs.csv` both come from here.
package struct RunComparison: Sendable, Equatable {
  /// One run.
  package struct Row: Sendable, Equatable {
    package var name: String
    package var isMain: Bool
    /// Hyper-parameter values by key.
    package var parameters: [String: String]
    package var epochs: Int
    /// The lowest val_loss (else loss) and the epoch it was reached at.
    package var bestLoss: Double?
    package var bestEpoch: Int?
    package var finalLoss: Double?
    package var finalValidationLoss: Double?
    package var finalValidationAccuracy: Double?
  }

  package var rows: [Row]
  /// Hyper-parameter keys whose values differ between runs, in first-seen order: the columns.
  package var varyingKeys: [String]
  /// Keys every run has with the same value (shown once, not as columns).
  package var sharedParameters: [(key: String, value: String)]

  package static func == (lhs: RunComparison, rhs: RunComparison) -> Bool {
    lhs.rows == rhs.rows && lhs.varyingKeys == rhs.varyingKeys
      && lhs.sharedParameters.map(\.key) == rhs.sharedParameters.map(\.key)
      && lhs.sharedParameters.map(\.value) == rhs.sharedParameters.map(\.value)
  }

  /// Keys that describe where a run came from rather than how it was trained.
  static let identityKeys: Set<String> = [
    "name", "source", "blas", "blas threads", "dltop", "started",
  ]

  package init(snapshot: TrainingSnapshot) {
    var runs: [(String, Bool, [RunDescription.KeyValue], [EpochRecord])] = [
      (snapshot.run.name, true, snapshot.run.configuration, snapshot.epochs)
    ]
    for run in snapshot.comparisonRuns {
      runs.append((run.name, false, run.configuration, run.epochs))
    }
    runs.sort { $0.0 < $1.0 }
    var keys: [String] = []
    rows = runs.map { name, isMain, configuration, epochs in
      var parameters: [String: String] = [:]
      for pair in configuration where !Self.identityKeys.contains(pair.key) {
        if parameters[pair.key] == nil { keys.append(pair.key) }
        parameters[pair.key] = pair.value
      }
      return Self.row(name: name, isMain: isMain, parameters: parameters, epochs: epochs)
    }
    var seen = Set<String>()
    keys = keys.filter { seen.insert($0).inserted }
    let rows = self.rows
    let varying = keys.filter { key in Set(rows.map { $0.parameters[key] ?? "" }).count > 1 }
    varyingKeys = varying
    sharedParameters = keys.filter { !varying.contains($0) }.compactMap { key in
      rows.first?.parameters[key].map { (key, $0) }
    }
  }

  static func row(name: String, isMain: Bool, parameters: [String: String], epochs: [EpochRecord])
    -> Row
  {
    let useValidation = epochs.contains { $0.validationLoss?.isFinite == true }
    var best: (Double, Int)?
    for record in epochs {
      guard let value = useValidation ? record.validationLoss : record.loss, value.isFinite else {
        continue
      }
      if best == nil || value < best!.0 { best = (value, record.epoch) }
    }
    let last = epochs.last
    return Row(
      name: name, isMain: isMain, parameters: parameters, epochs: epochs.count,
      bestLoss: best?.0, bestEpoch: best?.1, finalLoss: last?.loss,
      finalValidationLoss: last?.validationLoss, finalValidationAccuracy: last?.validationAccuracy)
  }

  /// The fixed metric columns after the hyper-parameters.
  package static let metricColumns = [
    "epochs", "best_loss", "best_epoch", "loss", "val_loss", "val_accuracy",
  ]

  /// The column names: `run`, the varying hyper-parameters, the metric columns.
  package var columns: [String] { ["run"] + varyingKeys + Self.metricColumns }

  /// The cells of `row` for `columns`, numbers as text (`""` when missing).
  package func cells(_ row: Row, format: (Double) -> String) -> [String] {
    var cells = [row.name]
    cells += varyingKeys.map { row.parameters[$0] ?? "" }
    cells.append(String(row.epochs))
    cells.append(row.bestLoss.map(format) ?? "")
    cells.append(row.bestEpoch.map(String.init) ?? "")
    cells.append(row.finalLoss.map(format) ?? "")
    cells.append(row.finalValidationLoss.map(format) ?? "")
    cells.append(row.finalValidationAccuracy.map(format) ?? "")
    return cells
  }

  /// The rows sorted by column `column` (numbers numerically, missing last), stable by name.
  package func sorted(byColumn column: Int, descending: Bool) -> [Row] {
    let plain: (Double) -> String = { "\($0)" }
    return rows.enumerated().sorted { a, b in
      let x = cells(a.element, format: plain)[column]
      let y = cells(b.element, format: plain)[column]
      if x == y { return a.offset < b.offset }
      if x.isEmpty || y.isEmpty { return y.isEmpty }
      let ordered: Bool
      if let p = Double(x), let q = Double(y) { ordered = p < q } else { ordered = x < y }
      return descending ? !ordered : ordered
    }.map(\.element)
  }

  /// Every run, all hyper-parameters (shared ones too) and the metrics, as CSV with a header.
  package var csv: String {
    let keys = varyingKeys + sharedParameters.map(\.key)
    var lines = [(["run"] + keys + Self.metricColumns).map(Self.csvField).joined(separator: ",")]
    let shared = Dictionary(
      sharedParameters.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
    for row in rows {
      var cells = [row.name] + keys.map { row.parameters[$0] ?? shared[$0] ?? "" }
      cells += Array(self.cells(row, format: { "\($0)" }).suffix(Self.metricColumns.count))
      lines.append(cells.map(Self.csvField).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// RFC 4180 quoting when a field holds a comma, quote or line break.
  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
