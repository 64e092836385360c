import DLTopNumbers

extension LightningCSVParser {
  /// Reads the header and gives each column its role (see the table on `LightningCSVParser`).
  mutating func readHeader(_ bytes: UnsafeRawBufferPointer) {
    header = Array(bytes)
    columns = CSVRow.split(String(decoding: bytes, as: UTF8.self), separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    roles = columns.map { column in
      let lower = column.lowercased()
      if lower == "epoch" { return .epoch }
      if lower == "step" { return .step }
      let name = MetricNameMapping.canonicalName(column)
      if name == MetricName.learningRate.rawValue { return .learningRate }
      if lower.hasSuffix("_step") { return .stepMetric(name) }
      if lower.hasSuffix("_epoch") || name.hasPrefix("val_") || lower.hasPrefix("val")
        || lower.hasPrefix("test")
      {
        return .epochMetric(name)
      }
      return .mixed(name)
    }
    for role in roles {
      switch role {
      case .stepMetric(let name), .epochMetric(let name), .mixed(let name): metricNames.insert(name)
      case .learningRate: metricNames.insert(MetricName.learningRate.rawValue)
      case .epoch, .step: break
      }
    }
  }

  /// Reads one data row: its per-step metrics become a `.step` item at once, its epoch-level
  /// metrics are merged into the open epoch.
  mutating func row(_ cells: [UnsafeRawBufferPointer], into items: inout [LogItem]) {
    guard cells.count == roles.count else {
      items.append(
        .issue(
          LogIssue(
            path: path, line: lineNumber,
            message: "expected \(roles.count) cells as in the header, found \(cells.count)")))
      return
    }
    var epoch: Int?
    var step: Int?
    var stepMetrics = StepMetrics()
    var epochMetrics: [(String, Double)] = []
    var means: [(String, Double)] = []
    var learningRate: Double?
    for (index, cell) in cells.enumerated() where !isBlank(cell) {
      guard let value = DecimalNumber.parse(cell) else {
        let text = String(decoding: cell, as: UTF8.self)
        items.append(
          .issue(
            LogIssue(
              path: path, line: lineNumber, field: columns[index],
              message: "column \(index + 1): '\(text)' is not a number")))
        return
      }
      switch roles[index] {
      case .epoch, .step:
        guard value.isFinite, value == value.rounded(), abs(value) < 1e15 else {
          items.append(
            .issue(
              LogIssue(
                path: path, line: lineNumber, field: columns[index],
                message: "column \(index + 1): '\(value)' is not a whole number")))
          return
        }
        if roles[index] == .epoch { epoch = Int(value) } else { step = Int(value) }
      case .learningRate:
        learningRate = value
        stepMetrics.add(MetricName.learningRate.rawValue, value, capacity: roles.count)
      case .stepMetric(let name):
        stepMetrics.add(name, value, capacity: roles.count)
      case .epochMetric(let name):
        epochMetrics.append((name, value))
      case .mixed(let name):
        stepMetrics.add(name, value, capacity: roles.count)
        means.append((name, value))
      }
    }
    rowsRead += 1
    if let learningRate { latestLearningRate = learningRate }
    if let metrics = stepMetrics.dictionary {
      items.append(.step(step: step ?? rowsRead - 1, epoch: epoch, metrics: metrics))
    }
    guard let epoch else { return }
    if let open = openEpoch, open != epoch { emitOpenEpoch(into: &items) }
    openEpoch = epoch
    if let step {
      openEndStep = max(openEndStep ?? step, step)
      items.append(.epochEnd(EpochEnd(epoch: epoch, step: openEndStep, wallTime: nil)))
    }
    openLearningRate = latestLearningRate
    for (name, value) in epochMetrics { openValues[name] = value }
    for (name, value) in means {
      let sum = openSums[name] ?? (0, 0)
      openSums[name] = (sum.sum + value, sum.count + 1)
    }
  }

  mutating func emitOpenEpoch(into items: inout [LogItem]) {
    if let record = takeOpenEpoch() { items.append(.epoch(record)) }
  }

  /// The open epoch as a record (clearing it), or nil when no epoch is open.
  mutating func takeOpenEpoch() -> EpochRecord? {
    guard let epoch = openEpoch else { return nil }
    var metrics = openValues
    for (name, sum) in openSums where metrics[name] == nil {
      metrics[name] = sum.sum / Double(sum.count)
    }
    if let openLearningRate, metrics[MetricName.learningRate.rawValue] == nil {
      metrics[MetricName.learningRate.rawValue] = openLearningRate
    }
    openEpoch = nil
    openValues = [:]
    openSums = [:]
    openLearningRate = nil
    openEndStep = nil
    return metrics.isEmpty ? nil : EpochRecord(epoch: epoch, metrics: metrics)
  }

  private func isBlank(_ cell: UnsafeRawBufferPointer) -> Bool {
    cell.allSatisfy { $0 == 0x20 }
  }
}

/// A row's per-step metrics. Most rows hold one, which is kept aside and turned into a
/// one-element dictionary at the end, so the common row hashes once and allocates once.
private struct StepMetrics {
  private var first: (name: String, value: Double)?
  private var more: [String: Double]?

  mutating func add(_ name: String, _ value: Double, capacity: Int) {
    if more != nil {
      more?[name] = value
    } else if let first {
      var all = [String: Double](minimumCapacity: capacity)
      all[first.name] = first.value
      all[name] = value
      more = all
    } else {
      first = (name, value)
    }
  }

  var dictionary: [String: Double]? {
    if let more { return more }
    if let first { return [first.name: first.value] }
    return nil
  }
}
