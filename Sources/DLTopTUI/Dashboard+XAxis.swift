import DLTopMonitor

extension Dashboard {
  /// Puts the charts on the next x axis (epoch → step → wall time → epoch). Wall time is skipped,
  /// and the footer says why, when no record of the run carries one (Hugging Face's
  /// `trainer_state.json` logs no time per entry).
  func cycleXAxis() {
    var next = state.xAxis.next
    var note = ""
    if next == .time, !ChartXMapping.hasWallTimes(snapshot) {
      note = " (" + Self.noWallTimeReason(format: snapshot.run.format) + ")"
      next = next.next
    }
    state.xAxis = next
    show(message: "x axis: " + next.title + note)
  }

  /// Why a run has no wall-time axis.
  static func noWallTimeReason(format: String?) -> String {
    switch format {
    case LogFormat.huggingFace.rawValue:
      "no wall time: trainer_state.json logs no time per entry"
    default:
      "no wall time: this log records no time per step or epoch"
    }
  }
}
