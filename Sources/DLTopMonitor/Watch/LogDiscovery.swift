import Foundation

/// Finds the training runs under a path.
///
/// A run is
/// - a TensorBoard log folder: the folder holding `events.out.tfevents.*` files, or, for Keras's
///   TensorBoard callback layout, the parent of its `train/` and `validation/` folders (both halves
///   become files of one run, with their split as context);
/// - a Lightning `CSVLogger` version folder (`lightning_logs/version_N/metrics.csv`);
/// - a Hugging Face `Trainer` output folder (its `trainer_state.json` or a `checkpoint-N/` one);
/// - an MLflow file-store run folder (`mlruns/<experiment>/<run>/` with `meta.yaml` and `metrics/`);
/// - each run inside an MLflow `mlflow.db` or a trackio project database (`runKey` tells which);
/// - a W&B offline run folder (`wandb/offline-run-*/run-*.wandb`), an Ultralytics run folder
///   (`results.csv`);
/// - any other log file on its own (Keras CSV, JSON lines, a dltop run log).
/// Files whose format cannot be told yet (an empty file just created) are skipped and found by a
/// later scan; hidden folders, dltop's own `snapshot-*` export folders and folders deeper than
/// `maximumDepth` are not searched. Inside a searched folder a CSV counts only with an `epoch` or
/// `step` column, so data files (`train.csv`) are not taken for runs; a file named explicitly is
/// read with `FormatDetector`'s looser rules.
package enum LogDiscovery {
  /// One log file of a run.
  package struct File: Sendable, Equatable {
    package var path: String
    package var format: LogFormat
    /// The split the file's folder stands for (TensorBoard's `train`/`validation`).
    package var context: MetricNameMapping.Context?
    /// Which run inside the file, for files holding many (a run id of `mlflow.db`, a run name of
    /// a trackio database).
    package var runKey: String?

    package init(
      path: String, format: LogFormat, context: MetricNameMapping.Context? = nil,
      runKey: String? = nil
    ) {
      self.path = path
      self.format = format
      self.context = context
      self.runKey = runKey
    }
  }

  /// One run: a name to show, its root (folder or file) and its files.
  package struct Run: Sendable, Equatable {
    /// The root relative to the watched path (the root's own name when it is the watched path).
    package var name: String
    package var root: String
    package var files: [File]
  }

  package static let maximumDepth = 8

  /// Every run under `path` (a file or a folder), sorted by name.
  /// - Parameter known: files found by an earlier scan, by path; they are not opened again, so a
  ///   rescan of a large folder costs one directory listing per folder.
  package static func runs(at path: String, known: [String: File] = [:]) -> [Run] {
    let base = standardized(path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory) else { return [] }
    var files: [File] = []
    if isDirectory.boolValue {
      collect(folder: base, depth: 0, known: known, into: &files)
    } else if let file = known[base] {
      files.append(file)
    } else {
      files += filesOfNamedFile(at: base)
    }
    files = unique(files)
    var runs: [String: Run] = [:]
    for file in files {
      let root = root(of: file)
      let name = displayName(root: root, base: base)
      runs[root, default: Run(name: name, root: root, files: [])].files.append(file)
    }
    return runs.values.map { run in
      var sorted = run
      sorted.files.sort { $0.path < $1.path }
      return sorted
    }.sorted { $0.name < $1.name }
  }

  private static func collect(
    folder: String, depth: Int, known: [String: File], into files: inout [File]
  ) {
    guard depth <= maximumDepth,
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
    else { return }
    if names.contains("meta.yaml") && names.contains("metrics") {
      files.append(File(path: folder, format: .mlflowFileStore))
      return
    }
    for name in names.sorted() where !name.hasPrefix(".") && !name.hasPrefix("snapshot-") {
      let path = folder + "/" + name
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        continue
      }
      if isDirectory.boolValue {
        // A link to a sibling folder (W&B's `latest-run`) would list that run twice.
        if isSiblingLink(path) { continue }
        collect(folder: path, depth: depth + 1, known: known, into: &files)
      } else if let file = known[path] {
        files.append(file)
      } else if let special = ExternalRunFiles.files(named: name, at: path) {
        files += special
      } else if isCandidate(name), let file = file(at: path),
        file.format != .kerasCSV || hasEpochColumn(path)
      {
        files.append(file)
      }
    }
  }

  /// Whether `path` is a symbolic link to a folder next to it (`latest-run -> offline-run-…`).
  private static func isSiblingLink(_ path: String) -> Bool {
    guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else {
      return false
    }
    return !target.contains("/")
  }

  /// Names worth opening: event files and the text logs dltop reads.
  private static func isCandidate(_ name: String) -> Bool {
    let lower = name.lowercased()
    // TensorFlow's profiler leaves `events.out.tfevents.*.profile-empty` files without scalars.
    if lower.hasSuffix(".profile-empty") { return false }
    return lower.hasPrefix("events.out.tfevents.") || lower.hasSuffix(".csv")
      || lower.hasSuffix(".jsonl")
      || lower.hasSuffix(".ndjson") || lower.hasSuffix(".log.json") || lower.hasSuffix(".wandb")
  }

  /// Whether the CSV at `path` has an `epoch` column in its header.
  private static func hasEpochColumn(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: FormatDetector.headLength)) ?? Data()
    let firstLine = [UInt8](head).prefix { $0 != 0x0A }
    return String(decoding: firstLine, as: UTF8.self).lowercased()
      .split(whereSeparator: { ",;\t".contains($0) })
      .contains { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(["\""])) == "epoch" }
  }

  /// The files of a path named on the command line: a database's runs, a `trainer_state.json`'s
  /// output folder, or the file itself.
  private static func filesOfNamedFile(at path: String) -> [File] {
    let name = (path as NSString).lastPathComponent
    if let special = ExternalRunFiles.files(named: name, at: path, named: true) { return special }
    return file(at: path).map { [$0] } ?? []
  }

  /// `files` without repeats (every `checkpoint-N/` of an output folder names the same run).
  private static func unique(_ files: [File]) -> [File] {
    var seen: Set<String> = []
    return files.filter { seen.insert($0.path + "#" + ($0.runKey ?? "")).inserted }
  }

  private static func file(at path: String) -> File? {
    guard let format = FormatDetector.detect(path: path) else { return nil }
    let folder = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
    let context = format == .tensorBoard ? TensorBoardTagMapping.context(ofFolder: folder) : nil
    return File(path: path, format: format, context: context)
  }

  /// The run a file belongs to.
  private static func root(of file: File) -> String {
    let folder = (file.path as NSString).deletingLastPathComponent
    switch file.format {
    case .tensorBoard:
      return file.context == nil ? folder : (folder as NSString).deletingLastPathComponent
    case .lightningCSV:
      return folder
    case .kerasCSV, .jsonLines, .dltopRunLog:
      return file.path
    case .huggingFace, .mlflowFileStore:
      return file.path
    case .mlflowSQLite, .trackio:
      return file.path + "#" + (file.runKey ?? "")
    case .wandb, .ultralyticsCSV:
      return folder
    }
  }

  private static func displayName(root: String, base: String) -> String {
    if root == base { return (base as NSString).lastPathComponent }
    if root.hasPrefix(base + "/") { return String(root.dropFirst(base.count + 1)) }
    return (root as NSString).lastPathComponent
  }

  private static func standardized(_ path: String) -> String {
    var result = (path as NSString).standardizingPath
    while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
    return result
  }
}
