import Foundation

/// Why a snapshot could not be written: a message for the status line, naming the folder.
package struct SnapshotExportError: Error, Sendable, Equatable, CustomStringConvertible {
  package var path: String
  package var message: String
  package var description: String { "snapshot not saved: \(path): \(message)" }
}

/// Exports a snapshot of a run as a new folder of text files:
/// `snapshot-<yyyyMMdd-HHmmss>-epoch<N>` (with `-2`, `-3`… when taken twice in a second) holding
/// `screen.txt`, `metrics.csv`, `batches.csv`, `confusion.txt`, `diagnosis.txt`, `config.txt`,
/// and `test.txt` once the run has test results.
///
/// Each file is written to a temporary name in the new folder and renamed; nothing is ever
/// overwritten and nothing is written outside the new folder. On failure the partial folder is
/// removed and the error says why; the caller shows it and training goes on.
package enum SnapshotExporter {
  /// Writes the snapshot and returns the new folder's path.
  /// - Parameters:
  ///   - screenText: the dashboard exactly as displayed, as plain UTF-8 text (terminal escape
  ///     sequences, if any slipped in, are removed).
  ///   - parent: the folder to create the snapshot folder in (created if missing).
  ///   - classificationTable: a table as the dashboard renders it, appended to `confusion.txt`.
  ///   - now: the time in the folder name (local time).
  package static func export(
    snapshot: TrainingSnapshot, screenText: String, into parent: String,
    classificationTable: String? = nil,
    now: Date = Date()
  ) throws(SnapshotExportError) -> String {
    do {
      try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    } catch {
      throw SnapshotExportError(
        path: parent, message: "cannot create the folder (\(describe(error)))")
    }
    let folder = try makeFolder(in: parent, name: folderName(snapshot: snapshot, now: now))
    var files: [(String, String)] = [
      ("screen.txt", SnapshotFiles.plainText(screenText)),
      ("metrics.csv", SnapshotFiles.metricsCSV(snapshot.everyEpoch)),
      ("batches.csv", SnapshotFiles.batchesCSV(snapshot.batchLoss)),
      (
        "confusion.txt",
        SnapshotFiles.confusionText(snapshot.confusions.last, classNames: snapshot.run.classNames)
          + (classificationTable.map { "\n" + $0 } ?? "")
      ),
      ("diagnosis.txt", SnapshotFiles.diagnosisText(snapshot)),
      ("config.txt", SnapshotFiles.configText(snapshot)),
    ]
    if !snapshot.comparisonRuns.isEmpty {
      files.append(("runs.csv", RunComparison(snapshot: snapshot).csv))
    }
    if snapshot.test != nil {
      files.append(
        ("test.txt", SnapshotFiles.testText(snapshot.test, classNames: snapshot.run.classNames)))
    }
    for (name, text) in files {
      do {
        try AtomicFile.write(
          Array(text.utf8), to: (folder as NSString).appendingPathComponent(name), exclusive: true)
      } catch {
        try? FileManager.default.removeItem(atPath: folder)
        throw SnapshotExportError(path: folder, message: "cannot write \(name) (\(error.message))")
      }
    }
    return folder
  }

  /// `snapshot-<yyyyMMdd-HHmmss>-epoch<N>`, N the last finished epoch (0 before the first).
  package static func folderName(snapshot: TrainingSnapshot, now: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    let epoch = snapshot.epochs.last?.epoch ?? snapshot.progress.epoch
    return "snapshot-\(formatter.string(from: now))-epoch\(epoch)"
  }

  /// Creates `parent/name`, or `name-2`, `name-3`… when taken: mkdir(2) fails on an existing
  /// folder, so an earlier snapshot is never touched.
  private static func makeFolder(in parent: String, name: String) throws(SnapshotExportError)
    -> String
  {
    var suffix = 1
    while suffix < 1000 {
      let candidate = (parent as NSString).appendingPathComponent(
        suffix == 1 ? name : "\(name)-\(suffix)")
      if mkdir(candidate, 0o755) == 0 { return candidate }
      guard errno == EEXIST else {
        throw SnapshotExportError(path: parent, message: String(cString: strerror(errno)))
      }
      suffix += 1
    }
    throw SnapshotExportError(path: parent, message: "too many snapshots named \(name)")
  }

  private static func describe(_ error: any Error) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let underlying, underlying.domain == NSPOSIXErrorDomain,
      let code = POSIXErrorCode(rawValue: Int32(underlying.code))
    {
      return String(cString: strerror(code.rawValue))
    }
    return (error as NSError).localizedDescription
  }
}

extension TrainingSnapshot {
  /// Every epoch this snapshot has seen: the archive's prefix for a trained run, else `epochs`.
  package var everyEpoch: [EpochRecord] {
    epochArchive.map { $0.prefix(archivedEpochs) } ?? epochs
  }
}
