import DLTopNumbers
import Foundation

/// Reads a CSV file with a header row into a `LabeledSet`.
///
/// Rules: the file must be UTF-8 text; the first line is the header; cells are separated by
/// commas, or by `;` or tabs when the header has more of those, and may be double-quoted
/// (`""` inside quotes is a quote; a quoted cell may not span lines); blank lines are ignored but
/// still counted, so line numbers match an editor (header = line 1). Every feature cell must be a
/// finite number. Class names are the distinct labels in sorted order — numerically when every
/// label is a number (`"2" < "10"`), otherwise by string — so the class indices do not depend on
/// the row order. Any bad cell throws a `DataFileError` naming file, line and column, unless
/// `skipBadRows` is set, in which case the row is dropped and counted in `CSVData.skippedRows`
/// and the notes.
package enum CSVLoader {
  /// Loads the CSV file at `path`.
  package static func load(path: String, options: CSVOptions = CSVOptions()) throws -> CSVData {
    // An empty file is said so without reading it: Foundation's reader leaks its 4 KB buffer on a
    // file of size 0 (found by AddressSanitizer's leak check, scripts/sanitizers.sh).
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
      size.intValue == 0
    {
      throw DataFileError(path: path, line: 1, column: "(header)", kind: .emptyFile)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DataFileError(
        path: path, line: 1, column: "(file)",
        kind: .unreadable(reason: "no such file or unreadable"))
    }
    return try parse([UInt8](data), path: path, options: options)
  }

  /// Parses CSV bytes; `path` is only used in messages.
  package static func parse(_ bytes: [UInt8], path: String, options: CSVOptions = CSVOptions())
    throws -> CSVData
  {
    if let problem = CSVEncodingCheck.problem(in: bytes) {
      throw DataFileError(path: path, line: 1, column: "(file)", kind: .notText(encoding: problem))
    }
    var lines = CSVLineReader(bytes: bytes)
    guard let (headerNumber, headerRange) = lines.nextLine() else {
      throw DataFileError(path: path, line: 1, column: "(header)", kind: .emptyFile)
    }
    lines.delimiter = CSVLineReader.detectDelimiter(in: bytes[headerRange])
    let header = CSVLine(number: headerNumber, cells: lines.split(headerRange))
    let names = header.cells.enumerated().map { $1.isEmpty ? "column \($0 + 1)" : $1 }
    let labelIndex = try resolveLabelColumn(
      options.labelColumn, names: names, path: path, line: header.number)
    let featureNames = names.enumerated().filter { $0.offset != labelIndex }.map(\.element)
    guard !featureNames.isEmpty else {
      let hint = ["|", ":", " "].first { names[0].contains($0) }
      throw DataFileError(
        path: path, line: header.number, column: names[labelIndex],
        kind: .noFeatureColumns(delimiterHint: hint))
    }
    if let shape = options.shape, shape.reduce(1, *) != featureNames.count {
      throw DataFileError(
        path: path, line: header.number, column: "(shape)",
        kind: .badShape(
          shape: shape.map(String.init).joined(separator: "x"), features: featureNames.count))
    }

    var features: [Float] = []
    var labels: [String] = []
    var labelLines: [Int] = []
    var skipped = 0
    var firstSkip: DataFileError?
    var skippedLines: [Int] = []
    var ranges: [Range<Int>] = []
    while let (number, range) = lines.nextLine() {
      let mark = features.count
      do {
        let label: String
        if lines.plainCells(range, into: &ranges) {
          label = try readPlainRow(
            ranges, of: lines, line: number, names: names, labelIndex: labelIndex, path: path,
            into: &features)
        } else {
          let line = CSVLine(number: number, cells: lines.split(range))
          let row = try readRow(line, names: names, labelIndex: labelIndex, path: path)
          features.append(contentsOf: row.features)
          label = row.label
        }
        labels.append(label)
        labelLines.append(number)
      } catch let error as DataFileError where options.skipBadRows {
        features.removeSubrange(mark...)
        skipped += 1
        if firstSkip == nil { firstSkip = error }
        if skippedLines.count < CSVOptions.skippedLinesShown { skippedLines.append(number) }
      }
    }
    guard !labels.isEmpty else {
      throw DataFileError(
        path: path, line: header.number + 1, column: names[labelIndex], kind: .headerOnly)
    }

    var notes: [String] = []
    if skipped > 0, let firstSkip {
      let shown = skippedLines.map(String.init).joined(separator: ", ")
      let more = skipped > skippedLines.count ? ", …" : ""
      notes.append(
        "skipped \(skipped) bad row\(skipped == 1 ? "" : "s") of \(path) "
          + "(line\(skipped == 1 ? "" : "s") \(shown)\(more); first: \(firstSkip))")
    }
    let labelName = names[labelIndex]
    let sampleShape = options.shape ?? [featureNames.count]
    let tensor = Tensor(shape: [labels.count] + sampleShape, scalars: features)
    let (task, targets) = try makeTargets(
      labels, lines: labelLines, kind: options.labelKind, labelName: labelName, path: path,
      notes: &notes)
    return CSVData(
      set: LabeledSet(features: tensor, targets: targets), task: task, featureNames: featureNames,
      labelName: labelName, skippedRows: skipped, notes: notes)
  }

  /// The index of the label column: a header name first, else a 0-based (or negative) index.
  private static func resolveLabelColumn(
    _ requested: String?, names: [String], path: String, line: Int
  )
    throws -> Int
  {
    guard let requested else { return names.count - 1 }
    if let index = names.firstIndex(of: requested) { return index }
    if let index = Int(requested) {
      let resolved = index < 0 ? names.count + index : index
      if names.indices.contains(resolved) { return resolved }
    }
    throw DataFileError(
      path: path, line: line, column: requested,
      kind: .labelColumnMissing(requested: requested, available: names))
  }

  /// Reads an unquoted row straight from the bytes (no `String` per numeric cell), appending
  /// its features; returns the label.
  private static func readPlainRow(
    _ cells: [Range<Int>], of reader: CSVLineReader, line: Int, names: [String],
    labelIndex: Int, path: String, into features: inout [Float]
  ) throws -> String {
    guard cells.count == names.count else {
      throw raggedRow(found: cells.count, names: names, line: line, path: path)
    }
    for (index, cell) in cells.enumerated() where index != labelIndex {
      let fast = reader.bytes.withUnsafeBufferPointer {
        DecimalNumber.parse(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[cell])))
      }
      if let fast, Float(fast).isFinite {
        features.append(Float(fast))
      } else {
        // Not a number, or not a finite Float: `number` names the cell and says which.
        features.append(
          try number(reader.string(cell), path: path, line: line, column: names[index]))
      }
    }
    let label = reader.string(cells[labelIndex])
    guard !label.isEmpty else {
      throw DataFileError(path: path, line: line, column: names[labelIndex], kind: .emptyCell)
    }
    return label
  }

  /// The error for a row of `found` cells; it names the first missing or first extra cell.
  private static func raggedRow(found: Int, names: [String], line: Int, path: String)
    -> DataFileError
  {
    let column =
      found < names.count ? names[found] : "(cell \(names.count + 1), beyond the header)"
    return DataFileError(
      path: path, line: line, column: column,
      kind: .raggedRow(expected: names.count, found: found))
  }

  private static func readRow(_ line: CSVLine, names: [String], labelIndex: Int, path: String)
    throws -> (features: [Float], label: String)
  {
    guard line.cells.count == names.count else {
      throw raggedRow(found: line.cells.count, names: names, line: line.number, path: path)
    }
    var features: [Float] = []
    features.reserveCapacity(names.count - 1)
    for (index, cell) in line.cells.enumerated() where index != labelIndex {
      features.append(try number(cell, path: path, line: line.number, column: names[index]))
    }
    let label = line.cells[labelIndex]
    guard !label.isEmpty else {
      throw DataFileError(
        path: path, line: line.number, column: names[labelIndex], kind: .emptyCell)
    }
    return (features, label)
  }

  /// A finite number from a cell, or an error naming the cell.
  static func number(_ cell: String, path: String, line: Int, column: String) throws -> Float {
    guard !cell.isEmpty else {
      throw DataFileError(path: path, line: line, column: column, kind: .emptyCell)
    }
    guard let value = DecimalNumber.parse(cell) else {
      throw DataFileError(path: path, line: line, column: column, kind: .nonNumeric(value: cell))
    }
    let single = Float(value)
    guard single.isFinite else {
      throw DataFileError(path: path, line: line, column: column, kind: .notFinite(value: cell))
    }
    return single
  }

  private static func makeTargets(
    _ labels: [String], lines: [Int], kind: CSVOptions.LabelKind, labelName: String, path: String,
    notes: inout [String]
  ) throws -> (Task, Targets) {
    let numeric = labels.map { Double($0) }
    let allNumeric = numeric.allSatisfy { $0 != nil }
    let distinct = Set(labels)
    var resolved = kind
    if kind == .auto {
      let integers = allNumeric && numeric.allSatisfy { $0! == $0!.rounded() && $0!.isFinite }
      if !allNumeric || (integers && distinct.count <= CSVOptions.autoClassLimit) {
        resolved = .classification
        notes.append(
          "label column '\(labelName)': \(distinct.count) distinct "
            + "\(allNumeric ? "integer " : "")values → classification"
        )
      } else {
        resolved = .regression
        notes.append("label column '\(labelName)': real values → regression")
      }
    }
    if resolved == .regression {
      var values: [Float] = []
      values.reserveCapacity(labels.count)
      for (label, line) in zip(labels, lines) {
        values.append(try number(label, path: path, line: line, column: labelName))
      }
      return (.regression(outputs: 1), .values(Tensor(shape: [values.count, 1], scalars: values)))
    }
    let names =
      allNumeric
      ? distinct.sorted { (Double($0)!, $0) < (Double($1)!, $1) }
      : distinct.sorted()
    guard names.count >= 2 else {
      throw DataFileError(
        path: path, line: lines[0], column: labelName, kind: .oneClassOnly(className: names[0]))
    }
    let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    return (.classification(classNames: names), .classes(labels.map { index[$0]! }))
  }
}
