import DLTopMonitor

/// What the run loop must do after the dashboard handled a key.
package enum DashboardEffect: Sendable, Equatable {
  /// Send a command to the training loop.
  case send(EngineCommand)
  /// Write a snapshot folder (the run loop calls its `onSnapshotRequest`).
  case requestSnapshot
  case quit
  /// Repaint every cell (Ctrl-L).
  case redraw
  /// Give the terminal back and stop the process (Ctrl-Z).
  case suspend
}
