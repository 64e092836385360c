import DLTopMonitor
import DLTopTUI
import Foundation

/// Exports snapshot folders (key `s`, `--snapshot-on-exit`) and says what happened in one line for
/// the status line; a failure never stops training.
struct SnapshotWriter: Sendable {
  /// The folder that receives snapshot folders.
  let parent: String

  /// Writes a snapshot and returns the message to show.
  func write(screenText: String, snapshot: TrainingSnapshot) -> String {
    do {
      let folder = try SnapshotExporter.export(
        snapshot: snapshot, screenText: screenText, into: parent)
      return "snapshot written to \(folder)"
    } catch {
      return "\(error)"
    }
  }

  /// The dashboard as it would look at `width`×`height`, as text (for snapshots taken headless).
  @MainActor
  static func renderScreen(
    _ snapshot: TrainingSnapshot, theme: Theme, width: Int = 120, height: Int = 40
  ) -> String {
    let dashboard = Dashboard(snapshot: snapshot, theme: theme)
    return dashboard.render(snapshot: snapshot, size: (width, height)).lines.joined(separator: "\n")
      + "\n"
  }
}
