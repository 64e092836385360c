/// A 24-bit colour, as theme files write it (`#rrggbb`).
package struct RGB: Sendable, Hashable, CustomStringConvertible {
  package var r: UInt8
  package var g: UInt8
  package var b: UInt8

  package init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
    self.r = r
    self.g = g
    self.b = b
  }

  /// Parses `#rrggbb` or `#rgb` (btop also accepts the short form); nil for anything else.
  package init?(hex: String) {
    var digits = Substring(hex)
    guard digits.first == "#" else { return nil }
    digits = digits.dropFirst()
    if digits.count == 3 { digits = Substring(digits.flatMap { [$0, $0] }) }
    guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
    self.init(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
  }

  package var description: String {
    "#"
      + [r, g, b].map { byte in
        let text = String(byte, radix: 16)
        return text.count == 1 ? "0" + text : text
      }.joined()
  }

  /// Linear interpolation towards `other`; `t` is clamped to 0…1.
  package func mixed(with other: RGB, _ t: Double) -> RGB {
    let t = Swift.min(1, Swift.max(0, t))
    func lerp(_ a: UInt8, _ b: UInt8) -> UInt8 {
      UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded())
    }
    return RGB(lerp(r, other.r), lerp(g, other.g), lerp(b, other.b))
  }

  /// Relative luminance 0…1 (sRGB weights), for choosing readable text on a coloured cell.
  package var luminance: Double {
    (0.2126 * Double(r) + 0.7152 * Double(g) + 0.0722 * Double(b)) / 255
  }
}
