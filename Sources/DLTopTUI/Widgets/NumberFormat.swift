import Foundation

/// Short number formats for axes and status lines.
package enum NumberFormat {
  /// At most about 6 characters: `0.0123`, `1.23`, `12.3`, `1234`, `12.3k`, `1.2e-4`, `nan`.
  package static func compact(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    let sign = value < 0 ? "-" : ""
    if magnitude >= 99_999.5 {
      let units: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
      for (scale, suffix) in units where magnitude >= scale {
        let scaled = magnitude / scale
        return sign + (scaled >= 99.95 ? fixed(scaled, 0) : fixed(scaled, 1)) + suffix
      }
    }
    if magnitude >= 99.95 { return sign + fixed(magnitude, 0) }
    if magnitude >= 9.995 { return sign + fixed(magnitude, 1) }
    if magnitude >= 0.9995 { return sign + fixed(magnitude, 2) }
    if magnitude >= 0.00995 {
      return sign + trimmed(fixed(magnitude, 3 - Int(log10(magnitude).rounded(.down)) - 1))
    }
    return sign + scientific(magnitude)
  }

  /// A count or speed: whole numbers up to 9999, then `48.3k`, `1.2M`.
  package static func count(_ value: Double) -> String {
    guard value.isFinite else { return compact(value) }
    let magnitude = abs(value)
    let sign = value < 0 ? "-" : ""
    if magnitude < 9_999.5 { return sign + fixed(magnitude, 0) }
    for (scale, suffix) in [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
    where magnitude >= scale * 0.99995 {
      let scaled = magnitude / scale
      return sign + (scaled >= 99.95 ? fixed(scaled, 0) : fixed(scaled, 1)) + suffix
    }
    return sign + fixed(magnitude, 0)
  }

  /// A learning rate or other small positive number: `1e-3`, `2.5e-4`, `0.1`.
  package static func rate(_ value: Double) -> String {
    if !value.isFinite || value == 0 { return compact(value) }
    if abs(value) >= 0.01 && abs(value) < 1000 { return trimmed(fixed(value, 4)) }
    return scientific(value)
  }

  /// `1.2e-4`, `1e-3`: the mantissa with at most `decimals` decimals (trailing zeros dropped).
  package static func scientific(_ value: Double, decimals: Int = 1) -> String {
    guard value.isFinite, value != 0 else { return compact(value) }
    var exponent = Int(log10(abs(value)).rounded(.down))
    var mantissa = value / pow10(exponent)
    let scale = pow10(decimals)
    if abs((mantissa * scale).rounded() / scale) >= 10 {
      exponent += 1
      mantissa /= 10
    }
    return trimmed(fixed(mantissa, decimals)) + "e" + String(exponent)
  }

  /// `h:mm:ss` or `m:ss`.
  /// `812 KB`, `4.2 MB`, `45 MB`, `1.3 GB` (powers of 1000, as file managers show them).
  package static func bytes(_ count: Int) -> String {
    let value = Double(max(0, count))
    for (unit, size) in [("GB", 1e9), ("MB", 1e6)] where value >= size {
      let scaled = value / size
      return fixed(scaled, scaled < 10 ? 1 : 0) + " " + unit
    }
    return fixed(value / 1e3, 0) + " KB"
  }

  package static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "--:--" }
    let total = Int(seconds.rounded())
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
  }

  /// `97%` (rounded to whole percent) or `97.3%` with `decimals`.
  package static func percent(_ fraction: Double, decimals: Int = 0) -> String {
    guard fraction.isFinite else { return "nan" }
    return fixed(fraction * 100, decimals) + "%"
  }

  /// Fixed decimals without Foundation's locale-dependent formatting.
  package static func fixed(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return compact(value) }
    let decimals = max(0, min(9, decimals))
    let scale = pow10(decimals)
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    let fraction = Int(scaled - Double(whole) * scale)
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard decimals > 0 else { return sign + String(whole) }
    var digits = String(fraction)
    while digits.count < decimals { digits = "0" + digits }
    return sign + String(whole) + "." + digits
  }

  /// Drops trailing zeros after a decimal point ("0.100" → "0.1", "2.0" → "2").
  private static func trimmed(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var out = Substring(text)
    while out.last == "0" { out = out.dropLast() }
    if out.last == "." { out = out.dropLast() }
    return String(out)
  }

  private static func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
  }
}
