import DLTopMonitor

/// What a key in the search dashboard asks the executable to do.
package enum SearchEffect: Sendable, Equatable {
  case send(SearchCommand)
  /// Open the trial's run folder in the normal dashboard (as `dltop watch` would).
  case openTrial(directory: String)
  case requestSnapshot
  case quit
  case redraw
}

/// The search dashboard's view state and key handling; drawing is in `SearchView+Render`.
///
/// A value, drawn from a `SearchSnapshot` into a `CellGrid`, so golden-screen tests need no
/// terminal.
package struct SearchView: Sendable {
  package var theme: Theme
  /// The trial the cursor is on (by id).
  package var selectedID: Int?
  /// true: trials ranked by validation loss; false: by id.
  package var sortByLoss = true
  package var message: String?

  package init(theme: Theme) {
    self.theme = theme
  }

  /// The table's rows in display order.
  package func rows(_ snapshot: SearchSnapshot) -> [TrialSummary] {
    sortByLoss ? snapshot.ranked() : snapshot.trials.sorted { $0.id < $1.id }
  }

  /// Applies a key; returns what the executable must do, if anything.
  package mutating func handle(_ key: Key, snapshot: SearchSnapshot) -> SearchEffect? {
    let rows = rows(snapshot)
    let index = rows.firstIndex { $0.id == selectedID }
    message = nil
    switch key {
    case .char("q"), .char("Q"):
      return .quit
    case .char(" "), .char("p"):
      guard case .finished = snapshot.status else {
        let paused = snapshot.status == .paused
        message = paused ? "resumed" : "paused: running trials wait at their next batch"
        return .send(paused ? .resume : .pause)
      }
      message = "the search has finished"
      return nil
    case .up, .char("k"):
      if let index, index > 0 {
        selectedID = rows[index - 1].id
      } else {
        selectedID = rows.first?.id
      }
    case .down, .char("j"):
      if let index {
        selectedID = rows[min(rows.count - 1, index + 1)].id
      } else {
        selectedID = rows.first?.id
      }
    case .char("o"):
      sortByLoss.toggle()
      message = sortByLoss ? "sorted by validation loss" : "sorted by trial id"
    case .char("x"):
      guard
        let trial = rows.first(where: { $0.id == selectedID })
          ?? rows.first(where: { $0.status == .running })
      else {
        message = "no trial selected (↑ ↓)"
        return nil
      }
      guard !trial.status.isFinal else {
        message = "trial \(trial.id) has already ended (\(trial.status.rawValue))"
        return nil
      }
      selectedID = trial.id
      message = "stopping trial \(trial.id)"
      return .send(.stopTrial(id: trial.id))
    case .char("\r"), .char("\n"), .char("w"):
      guard let trial = rows.first(where: { $0.id == selectedID }) ?? rows.first else { return nil }
      guard let directory = trial.runDirectory else {
        message = "trial \(trial.id) has not started yet"
        return nil
      }
      return .openTrial(directory: directory)
    case .char("s"):
      return .requestSnapshot
    case .control("l"), .resize:
      return .redraw
    default:
      break
    }
    return nil
  }
}
