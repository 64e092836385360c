/// One (x, y) point of a chart; x is usually the epoch.
package struct ChartPoint: Sendable, Equatable {
  package var x: Double
  package var y: Double
  package init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// A line on a `LineChart`. Series differ by stroke and marker as well as colour, so they stay
/// apart in monochrome and for colour-blind readers.
package struct ChartSeries: Sendable, Equatable {
  package enum Stroke: Sendable, Equatable { case solid, dotted }
  package var name: String
  package var points: [ChartPoint]
  package var color: ThemeRole
  package var stroke: Stroke
  /// Draw a marker on points at least four columns apart.
  package var marked: Bool
  /// The marker's shape; nil uses the theme's (`•`). Comparison runs each get their own.
  package var marker: Character?

  package init(
    name: String, points: [ChartPoint], color: ThemeRole, stroke: Stroke = .solid,
    marked: Bool = false, marker: Character? = nil
  ) {
    self.name = name
    self.points = points
    self.color = color
    self.stroke = stroke
    self.marked = marked
    self.marker = marker
  }

  /// A short sample of the line for legends: `──` / `┄•` (or ASCII).
  package func sample(_ symbols: Symbols) -> String {
    let line: Character =
      switch (stroke, symbols.unicode) {
      case (.solid, true): "─"
      case (.dotted, true): "┄"
      case (.solid, false): "-"
      case (.dotted, false): "."
      }
    return String(line) + String(marked ? marker ?? symbols.marker : line)
  }
}

/// The range of values between `x0` and `x1` (per-batch min/max), drawn as a faint band.
package struct ChartBand: Sendable, Equatable {
  package var x0: Double
  package var x1: Double
  package var low: Double
  package var high: Double
  package init(x0: Double, x1: Double, low: Double, high: Double) {
    self.x0 = x0
    self.x1 = x1
    self.low = low
    self.high = high
  }
}

/// A vertical line at `x` (best epoch, early stop, a learning-rate change).
package struct ChartMark: Sendable, Equatable {
  package var x: Double
  package var label: String
  package var color: ThemeRole
  package init(x: Double, label: String, color: ThemeRole) {
    self.x = x
    self.label = label
    self.color = color
  }
}
