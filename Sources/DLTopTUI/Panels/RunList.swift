import DLTopMonitor

/// Every run the dashboard knows of: the main run and the comparison runs, merged and sorted by
/// name. This is the run picker's order, and the order `EngineCommand.selectRun(index:)` counts
/// in (`dltop watch` orders the runs of a folder by name, so the indices agree).
package struct RunList: Sendable {
  /// One run of the list.
  package struct Entry: Sendable, Equatable {
    package var name: String
    /// The run the dashboard shows in full (`snapshot.run`).
    package var isMain: Bool
    /// Its epochs (the snapshot's for the main run).
    package var epochs: [EpochRecord]
    /// Where its epochs ended (step, wall time), for the step and time axes.
    package var epochEnds: [EpochEnd] = []
    /// Whether it is drawn over the charts (always true for the main run).
    package var visible: Bool
    /// When its log last changed (seconds since 1970), if known.
    package var lastModification: Double? = nil
    /// Whether its log is still being read for the first time.
    package var loading = false
    /// Its place in the list, which picks its colour and marker so they stay put when runs are
    /// hidden or another run becomes the main one.
    package var index: Int

    /// The overlay colour (comparison runs).
    package var color: ThemeRole {
      ThemeRole.comparisonPalette[index % ThemeRole.comparisonPalette.count]
    }

    /// The overlay marker (comparison runs).
    package func marker(_ symbols: Symbols) -> Character {
      let markers = symbols.comparisonMarkers
      return markers[index % markers.count]
    }
  }

  package var entries: [Entry]
  /// The folder every run's name starts with (`runs/`), dropped in legends; empty if none.
  package var commonFolder: String
  /// The ending every run's name shares from a `/` or `.` on (`/metrics.csv`, `.csv`), dropped in
  /// legends; empty if none.
  package var commonEnding: String

  /// Beyond this many comparison runs, none is overlaid until the picker chooses (200 runs drawn
  /// at once are unreadable).
  package static let overlayLimit = 4

  /// The list for a snapshot, with the picker's visibility choices applied.
  package init(snapshot: TrainingSnapshot, overlay: [String: Bool]) {
    var all: [Entry] = [
      Entry(
        name: snapshot.run.name, isMain: true, epochs: snapshot.epochs,
        epochEnds: snapshot.epochEnds, visible: true,
        lastModification: snapshot.progress.lastModification, index: 0)
    ]
    let crowded = snapshot.comparisonRuns.count > Self.overlayLimit
    for run in snapshot.comparisonRuns {
      all.append(
        Entry(
          name: run.name, isMain: false, epochs: run.epochs, epochEnds: run.epochEnds,
          visible: overlay[run.name] ?? (crowded ? false : run.visible),
          lastModification: run.lastModification, loading: run.loading, index: 0))
    }
    // Stable for equal names: the main run first.
    all = all.enumerated().sorted { a, b in
      a.element.name != b.element.name ? a.element.name < b.element.name : a.offset < b.offset
    }.map(\.element)
    for i in all.indices { all[i].index = i }
    entries = all
    let folder = Self.commonFolder(of: all.map(\.name))
    commonFolder = folder
    commonEnding = Self.commonEnding(of: all.map { String($0.name.dropFirst(folder.count)) })
  }

  /// `name` without the folder and the ending all runs share: the part that tells runs apart,
  /// what legends and the picker call the run (`sweep/run_017/metrics.csv` → `run_017`).
  package func shortName(_ name: String) -> String {
    var short = Substring(name)
    if short.hasPrefix(commonFolder) { short = short.dropFirst(commonFolder.count) }
    if !commonEnding.isEmpty, short.hasSuffix(commonEnding), short.count > commonEnding.count {
      short = short.dropLast(commonEnding.count)
    }
    return String(short)
  }

  /// The longest ending every name shares that starts at a `/` or `.` and leaves something of
  /// each name.
  static func commonEnding(of names: [String]) -> String {
    guard names.count > 1, let firstName = names.first else { return "" }
    var common = Substring(firstName)
    for name in names.dropFirst() {
      let shared = zip(common.reversed(), name.reversed()).prefix { $0 == $1 }.count
      common = common.suffix(shared)
    }
    while let first = common.first, first != "/" && first != "." { common = common.dropFirst() }
    let shortest = names.map(\.count).min() ?? 0
    while !common.isEmpty && common.count >= shortest {
      // It would swallow a whole name: keep the next boundary on.
      common = common.dropFirst()
      while let first = common.first, first != "/" && first != "." { common = common.dropFirst() }
    }
    return String(common)
  }

  /// How the picker orders the runs.
  package enum Sort: String, Sendable, CaseIterable {
    case name
    /// Best first: the lowest val_loss (or loss) any epoch reached; runs without one last.
    case metric
    /// The run with the most epochs first (the one that got furthest).
    case progress
    /// The run whose log changed last first; runs without a known time last.
    case recency

    package var next: Sort {
      let all = Self.allCases
      return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
  }

  /// The positions of `entries` the picker lists: those whose name contains `filter` (any case),
  /// in `sort` order.
  package func pickerOrder(sort: Sort, filter: String) -> [Int] {
    let needle = filter.lowercased()
    var positions = entries.indices.filter {
      needle.isEmpty || entries[$0].name.lowercased().contains(needle)
    }
    switch sort {
    case .name:
      break
    case .metric:
      let best = positions.map { Self.bestLoss(entries[$0].epochs) ?? .infinity }
      positions = zip(positions, best).sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        .map(\.0)
    case .progress:
      positions.sort {
        entries[$0].epochs.count > entries[$1].epochs.count
          || (entries[$0].epochs.count == entries[$1].epochs.count && $0 < $1)
      }
    case .recency:
      let times = positions.map { entries[$0].lastModification ?? -.infinity }
      positions = zip(positions, times).sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        .map(\.0)
    }
    return positions
  }

  /// The lowest finite val_loss of `epochs`, else the lowest loss.
  package static func bestLoss(_ epochs: [EpochRecord]) -> Double? {
    let validation = epochs.compactMap(\.validationLoss).filter(\.isFinite).min()
    return validation ?? epochs.compactMap(\.loss).filter(\.isFinite).min()
  }

  /// The longest run of whole leading path components (with their `/`) that every name has
  /// before its last component.
  static func commonFolder(of names: [String]) -> String {
    guard names.count > 1 else { return "" }
    let folders = names.map {
      $0.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    }
    guard var common = folders.first.map(Array.init) else { return "" }
    for folder in folders.dropFirst() {
      common = Array(zip(common, folder).prefix { $0 == $1 }.map(\.0))
    }
    return common.isEmpty ? "" : common.joined(separator: "/") + "/"
  }

  /// Widths for `names` so that they fit `width` columns in all, each item taking `extra` more
  /// columns (marker and gap): the longest names give way first, down to 3 characters.
  package static func fittedWidths(_ names: [String], width: Int, extra: Int) -> [Int] {
    var widths = names.map(\.count)
    while widths.reduce(0, +) + extra * widths.count > width,
      let longest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[longest] > 3
    {
      widths[longest] -= 1
    }
    return widths
  }

  /// The comparison runs drawn over the charts, in list order.
  package var overlaid: [Entry] { entries.filter { !$0.isMain && $0.visible } }

  /// The position of the run named `name`, if listed.
  package func position(of name: String?) -> Int? {
    guard let name else { return nil }
    return entries.firstIndex { $0.name == name }
  }

  /// The position of the main run.
  package var mainPosition: Int { entries.firstIndex(where: \.isMain) ?? 0 }

  /// The highlighted position for a picker selection: the named run, else the main run.
  package func highlighted(_ selection: String?) -> Int { position(of: selection) ?? mainPosition }

  /// `name` shortened to `width` characters: a path keeps its last component, and what is still
  /// too long keeps a little of its start and more of its end (where `version_3` or `lr0.1`
  /// usually tell runs apart) around `…`.
  package static func abbreviate(_ name: String, to width: Int, ellipsis: Character = "…") -> String
  {
    guard name.count > width else { return name }
    guard width > 2 else { return String(name.suffix(max(0, width))) }
    var base = name
    if let last = name.split(separator: "/").last, !last.isEmpty { base = String(last) }
    guard base.count > width else { return base }
    let head = (width - 1) / 3
    return String(base.prefix(head)) + String(ellipsis) + String(base.suffix(width - 1 - head))
  }
}
