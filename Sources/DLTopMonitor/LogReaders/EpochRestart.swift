/// A log file whose epoch numbers go back: more than one `fit()` appended to one file, as Keras's
/// `CSVLogger(append=True)` does. Its epochs are never merged by number silently:
///
/// - back to the file's first epoch number (`0,1,2,0,1`): a new run; only the last run is kept.
/// - back to a later epoch (`0,1,2,3,2,3,4`): a resumed run (`initial_epoch=2`); the resumed epochs
///   replace the earlier attempt's from that epoch on.
///
/// Either way an issue says what was found and what was kept.
package enum EpochRestart {
  /// The epochs as one run, and an issue for each restart found.
  package static func resolve(_ epochs: [EpochRecord], path: String) -> (
    epochs: [EpochRecord], issues: [LogIssue]
  ) {
    guard let first = epochs.first?.epoch else { return (epochs, []) }
    var kept: [EpochRecord] = []
    var issues: [LogIssue] = []
    for record in epochs {
      guard let last = kept.last?.epoch, record.epoch < last else {
        kept.append(record)
        continue
      }
      if record.epoch <= first {
        issues.append(
          LogIssue(
            path: path, field: "epoch",
            message:
              "epochs restart at \(record.epoch) after epoch \(last): another run was appended to "
              + "this file (Keras CSVLogger(append=True)); reading it as a new run, the earlier run's "
              + "\(kept.count) epoch\(kept.count == 1 ? "" : "s") are left out"))
        kept.removeAll()
      } else {
        let replaced = kept.count { $0.epoch >= record.epoch }
        issues.append(
          LogIssue(
            path: path, field: "epoch",
            message:
              "epochs go back to \(record.epoch) after epoch \(last): a resumed run; its epochs "
              + "replace the \(replaced) earlier epoch\(replaced == 1 ? "" : "s") from \(record.epoch) on"
          ))
        kept.removeAll { $0.epoch >= record.epoch }
      }
      kept.append(record)
    }
    return (kept, issues)
  }
}
