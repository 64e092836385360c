import Foundation

/// Ticks and labels for a wall-time axis in seconds: steps of whole seconds, minutes and hours
/// (`30s`, `1m`, `1m30s`, `2h`), not the 1-2-5 steps of a number axis (100 s says less than `1m40s`).
extension AxisTicks {
  /// Tick steps in seconds, smallest first.
  static let durationSteps: [Double] = [
    1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
  ]

  /// Ticks inside `low…high` seconds on the smallest duration step that gives at most `maxCount`.
  package static func durations(low: Double, high: Double, maxCount: Int) -> [Double] {
    guard low.isFinite, high.isFinite, maxCount >= 1 else { return [] }
    guard high > low else { return [low.rounded()] }
    let span = high - low
    let step =
      durationSteps.first { span / $0 < Double(maxCount) }
      ?? (span / Double(maxCount) / 86_400).rounded(.up) * 86_400
    var ticks: [Double] = []
    var tick = (low / step).rounded(.up) * step
    while tick <= high + step * 1e-9 {
      ticks.append(tick)
      tick += step
    }
    return ticks
  }

  /// `0`, `45s`, `2m`, `1m30s`, `1h`, `1h30m`, `2d`: the largest two units of a whole number of
  /// seconds (negative ones with a `-`).
  package static func durationLabel(_ seconds: Double) -> String {
    guard seconds.isFinite else { return "?" }
    let total = Int(abs(seconds).rounded())
    let sign = seconds < 0 && total > 0 ? "-" : ""
    let (days, hours, minutes, rest) =
      (total / 86_400, total % 86_400 / 3600, total % 3600 / 60, total % 60)
    let parts: [(Int, String)] = [(days, "d"), (hours, "h"), (minutes, "m"), (rest, "s")]
    guard let first = parts.firstIndex(where: { $0.0 > 0 }) else { return "0" }
    var text = "\(parts[first].0)\(parts[first].1)"
    if first + 1 < parts.count, parts[first + 1].0 > 0 {
      text += "\(parts[first + 1].0)\(parts[first + 1].1)"
    }
    return sign + text
  }
}
