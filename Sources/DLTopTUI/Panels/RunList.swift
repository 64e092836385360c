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
    /// Whether it is drawn over the charts (always true for the main run).
    package var visible: Bool
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

  /// The list for a snapshot, with the picker's visibility choices applied.
  package init(snapshot: TrainingSnapshot, overlay: [String: Bool]) {
    var all: [Entry] = [
      Entry(name: snapshot.run.name, isMain: true, epochs: snapshot.epochs, visible: true, index: 0)
    ]
    for run in snapshot.comparisonRuns {
      all.append(
        Entry(
          name: run.name, isMain: false, epochs: run.epochs,
          visible: overlay[run.name] ?? run.visible, index: 0))
    }
    // Stable for equal names: the main run first.
    all = all.enumerated().sorted { a, b in
      a.element.name != b.element.name ? a.element.name < b.element.name : a.offset < b.offset
    }.map(\.element)
    for i in all.indices { all[i].index = i }
    entries = all
    commonFolder = Self.commonFolder(of: all.map(\.name))
  }

  /// `name` without the folder all runs share: what legends call the run.
  package func shortName(_ name: String) -> String {
    name.hasPrefix(commonFolder) ? String(name.dropFirst(commonFolder.count)) : name
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
