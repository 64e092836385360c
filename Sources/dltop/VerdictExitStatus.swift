import DLTopMonitor

/// The exit status of `dltop watch --once` and `--exit-when-idle`: the verdict of the watched
/// run, so CI can fail a job on a bad run (0 = healthy; documented in the README).
///
/// | status | meaning |
/// |---|---|
/// | 0 | healthy (or a finding that is not one of the labels below) |
/// | 1 | error: the path cannot be read |
/// | 2 | no finished epoch yet, or too few to judge (too early to tell) |
/// | 3 | overfitting |
/// | 4 | underfitting |
/// | 5 | divergence |
/// | 6 | oscillation |
/// | 7 | plateau |
///
/// With several runs (a folder), the status is the highest of their statuses.
enum VerdictExitStatus {
  static let noEpochs: Int32 = 2

  static func status(of label: VerdictKind) -> Int32 {
    switch label {
    case .overfitting: 3
    case .underfitting: 4
    case .divergence: 5
    case .oscillation: 6
    case .plateau: 7
    case .tooEarly: noEpochs
    case .healthy, .explodingGradients, .vanishingGradients, .deadReLU: 0
    }
  }

  /// The status of a run's verdicts as diagnosis orders them: the label comes first.
  static func status(of verdicts: [Verdict], epochs: Int) -> Int32 {
    guard epochs > 0 else { return noEpochs }
    return status(of: verdicts.first?.kind ?? .healthy)
  }
}
