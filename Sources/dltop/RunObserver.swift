import DLTopMonitor

/// Callbacks from the training queue for the headless printer. Called on the training queue.
struct RunObserver: Sendable {
  var epochFinished:
    @Sendable (EpochRecord, _ totalEpochs: Int, _ samplesPerSecond: Double?) -> Void = { _, _, _ in
    }
  var newVerdict: @Sendable (Verdict) -> Void = { _ in }
  var message: @Sendable (String) -> Void = { _ in }
}
