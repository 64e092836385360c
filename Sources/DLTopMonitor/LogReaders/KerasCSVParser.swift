import Foundation

/// Reads the CSV that Keras's `CSVLogger` writes: a header `epoch,accuracy,loss,…` then one row per
/// epoch, epochs counted from 0.
///
/// Column names are mapped with `MetricNameMapping`. `nan`, `NaN`, `inf`, `-inf` cells are kept as
/// non-finite values (NaN is data); empty and `NA` cells mean "not logged this epoch". A cell that
/// is not a number, or a row with the wrong number of cells, becomes a `LogIssue` naming the file,
/// line and column, and parsing goes on. The separator (`,`, `;` or tab) is taken from the header.
package struct KerasCSVParser: IncrementalLogParser {
  package let format = LogFormat.kerasCSV
  /// The file name used in issues.
  package let path: String
  private var lines = LineBuffer()
  private var headerLine: String?
  private var columns: [String] = []
  private var separator: Character = ","
  private var epochColumn: Int?
  private var rowsRead = 0

  package init(path: String) {
    self.path = path
  }

  package mutating func feed(_ bytes: ArraySlice<UInt8>) -> [LogItem] {
    lines.feed(bytes).compactMap { parse(line: $0.text, number: $0.number) }
  }

  package mutating func finish() -> [LogItem] {
    guard let last = lines.finish() else { return [] }
    return parse(line: last.text, number: last.number).map { [$0] } ?? []
  }

  private mutating func parse(line: String, number: Int) -> LogItem? {
    if line.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
    guard let headerLine else {
      readHeader(line)
      return nil
    }
    if line == headerLine { return nil }
    let cells = CSVRow.split(line, separator: separator)
    guard cells.count == columns.count else {
      return .issue(
        LogIssue(
          path: path, line: number,
          message: "expected \(columns.count) cells as in the header, found \(cells.count)"))
    }
    var epoch = rowsRead
    var metrics: [String: Double] = [:]
    for (index, cell) in cells.enumerated() {
      let text = cell.trimmingCharacters(in: .whitespaces)
      if index == epochColumn {
        guard let value = JSONNumberText.parse(text), value.isFinite, value == value.rounded(),
          abs(value) < 1e15
        else {
          return .issue(
            cellIssue(line: number, column: index, text: text, expected: "an epoch number"))
        }
        epoch = Int(value)
        continue
      }
      if text.isEmpty || text == "NA" || text == "None" { continue }
      guard let value = JSONNumberText.parse(text) else {
        return .issue(cellIssue(line: number, column: index, text: text, expected: "a number"))
      }
      metrics[MetricNameMapping.canonicalName(columns[index])] = value
    }
    rowsRead += 1
    return .epoch(EpochRecord(epoch: epoch, metrics: metrics))
  }

  private mutating func readHeader(_ line: String) {
    headerLine = line
    for candidate in [",", "\t", ";"] as [Character] where line.contains(candidate) {
      separator = candidate
      break
    }
    columns = CSVRow.split(line, separator: separator).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    epochColumn = columns.firstIndex { $0.lowercased() == "epoch" }
  }

  private func cellIssue(line: Int, column: Int, text: String, expected: String) -> LogIssue {
    LogIssue(
      path: path, line: line, field: columns[column],
      message: "column \(column + 1): '\(text)' is not \(expected)")
  }
}

/// Splits one CSV row, honouring double quotes as Python's `csv` module writes them.
package enum CSVRow {
  package static func split(_ line: String, separator: Character) -> [String] {
    var cells: [String] = []
    var current = ""
    var quoted = false
    var iterator = line.makeIterator()
    var pendingQuote = false
    while let character = iterator.next() {
      if pendingQuote {
        pendingQuote = false
        if character == "\"" {
          current.append("\"")
          continue
        }
        quoted = false
      }
      if quoted {
        if character == "\"" { pendingQuote = true } else { current.append(character) }
      } else if character == "\"" && current.isEmpty {
        quoted = true
      } else if character == separator {
        cells.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    cells.append(current)
    return cells
  }
}
