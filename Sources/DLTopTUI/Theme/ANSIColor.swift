/// The 16 standard terminal colours, with the xterm RGB values used to map colours onto them.
package enum ANSIColor: Int, Sendable, CaseIterable {
  case black, red, green, yellow, blue, magenta, cyan, white
  case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan,
    brightWhite

  package var rgb: RGB {
    switch self {
    case .black: RGB(0, 0, 0)
    case .red: RGB(205, 0, 0)
    case .green: RGB(0, 205, 0)
    case .yellow: RGB(205, 205, 0)
    case .blue: RGB(0, 0, 238)
    case .magenta: RGB(205, 0, 205)
    case .cyan: RGB(0, 205, 205)
    case .white: RGB(229, 229, 229)
    case .brightBlack: RGB(127, 127, 127)
    case .brightRed: RGB(255, 0, 0)
    case .brightGreen: RGB(0, 255, 0)
    case .brightYellow: RGB(255, 255, 0)
    case .brightBlue: RGB(92, 92, 255)
    case .brightMagenta: RGB(255, 0, 255)
    case .brightCyan: RGB(0, 255, 255)
    case .brightWhite: RGB(255, 255, 255)
    }
  }

  /// The nearest of the first `count` colours (8 or 16) by squared RGB distance.
  package static func nearest(to color: RGB, among count: Int) -> ANSIColor {
    var best = ANSIColor.black
    var bestDistance = Int.max
    for candidate in allCases.prefix(count) {
      let c = candidate.rgb
      let dr = Int(c.r) - Int(color.r)
      let dg = Int(c.g) - Int(color.g)
      let db = Int(c.b) - Int(color.b)
      let distance = dr * dr + dg * dg + db * db
      if distance < bestDistance {
        best = candidate
        bestDistance = distance
      }
    }
    return best
  }

  /// The nearest index in the xterm 256-colour palette (6×6×6 cube or grey ramp).
  package static func xterm256Index(for color: RGB) -> Int {
    let levels = [0, 95, 135, 175, 215, 255]
    func cubeIndex(_ v: UInt8) -> Int {
      var best = 0
      for i in 1..<levels.count where abs(levels[i] - Int(v)) < abs(levels[best] - Int(v)) {
        best = i
      }
      return best
    }
    let (ri, gi, bi) = (cubeIndex(color.r), cubeIndex(color.g), cubeIndex(color.b))
    let cube = RGB(UInt8(levels[ri]), UInt8(levels[gi]), UInt8(levels[bi]))
    let average = (Int(color.r) + Int(color.g) + Int(color.b)) / 3
    let greyStep = Swift.min(23, Swift.max(0, (average - 8 + 5) / 10))
    let greyValue = UInt8(8 + greyStep * 10)
    func distance(_ a: RGB) -> Int {
      let dr = Int(a.r) - Int(color.r)
      let dg = Int(a.g) - Int(color.g)
      let db = Int(a.b) - Int(color.b)
      return dr * dr + dg * dg + db * db
    }
    if distance(RGB(greyValue, greyValue, greyValue)) < distance(cube) { return 232 + greyStep }
    return 16 + 36 * ri + 6 * gi + bi
  }
}
