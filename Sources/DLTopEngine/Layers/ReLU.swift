/// `max(0, x)`, elementwise. Records the fraction of units that were zero in the last forward
/// pass (dead-ReLU signal for diagnosis).
///
/// The loops use `SIMD8<Float>` selects: a scalar `x > 0 ? x : 0` compiles to a branch that
/// mispredicts half the time on real activations, which made ReLU cost more than the convolution
/// it follows.
package final class ReLU: Layer {
  package let name: String
  /// The last output; `y > 0` exactly where `x > 0`, so it doubles as the backward mask.
  private var output: [Float] = []
  private var outputBuffer = ReusableBuffer()  // [batch, …]
  private var gradientBuffer = ReusableBuffer()  // [batch, …]
  /// Fraction of this layer's units that output zero for every sample of the last batch.
  package private(set) var deadFraction: Double = 0

  /// Elements below which a pass runs on one thread.
  private static let splitThreshold = 65_536

  package init(name: String) {
    self.name = name
  }

  package func outputShape(forInput sampleShape: [Int]) -> [Int] { sampleShape }

  package func forward(_ x: Tensor, training: Bool) -> Tensor {
    let units = x.columnsPerRow
    let rows = units > 0 ? x.count / units : 0
    // Split only activations of a quarter megabyte or more: waking a second thread costs more
    // than rectifying a dense layer's batch.
    let lanes = x.count < Self.splitThreshold ? 1 : max(1, min(ParallelWork.laneCount, rows))
    // The largest output per unit over the batch, one row of units per lane, merged below.
    var peaks = [Float](repeating: 0, count: lanes * units)
    output = []  // drop the old reference so the buffer below is not shared
    let y = x.scalars.withUnsafeBufferPointer { xs in
      outputBuffer.fill(count: x.count) { ys in
        peaks.withUnsafeMutableBufferPointer { p in
          ParallelWork.run(lanes: lanes) { lane in
            for row in ParallelWork.range(lane: lane, of: lanes, count: rows) {
              Self.rectify(
                xs.baseAddress! + row * units, into: ys.baseAddress! + row * units,
                peak: p.baseAddress! + lane * units,
                count: units)
            }
          }
        }
      }
    }
    if units > 0 && rows > 0 {
      deadFraction = peaks.withUnsafeBufferPointer { p in
        Double(Self.deadUnits(peaks: p.baseAddress!, lanes: lanes, units: units)) / Double(units)
      }
    }
    output = y
    return Tensor(shape: x.shape, scalars: y)
  }

  /// Rectifies, in place and lane by lane, the output a `Conv2D` is writing, while its slices are
  /// still in cache (`Conv2D.forward(_:training:rectifyingWith:)`): the same numbers, dead
  /// fraction and backward mask as `forward`, without a pass of its own over the activation (11 MB
  /// read and written per batch after the CNN's first convolution). `body` gets the rectifier and
  /// returns the finished output; this layer keeps it as its last output.
  package func forwardInPlace(
    units: Int, lanes: Int, _ body: (InPlaceRectifier) -> Tensor
  ) -> Tensor {
    var peaks = [Float](repeating: 0, count: lanes * units)
    output = []
    let y = peaks.withUnsafeMutableBufferPointer { p in
      body(InPlaceRectifier(peaks: p.baseAddress!, units: units))
    }
    if units > 0 && y.count > 0 {
      deadFraction = peaks.withUnsafeBufferPointer { p in
        Double(Self.deadUnits(peaks: p.baseAddress!, lanes: lanes, units: units)) / Double(units)
      }
    }
    output = y.scalars
    return y
  }

  /// Rectifies rows of `units` values in place and folds them into a lane's peaks; lanes must
  /// pass their own lane number (each has its own row of peaks).
  package struct InPlaceRectifier {
    fileprivate let peaks: UnsafeMutablePointer<Float>
    fileprivate let units: Int

    /// `rows` rows of units starting at `values`, on lane `lane`.
    package func rectify(_ values: UnsafeMutablePointer<Float>, rows: Int, lane: Int) {
      for row in 0..<rows {
        ReLU.rectify(
          values + row * units, into: values + row * units, peak: peaks + lane * units,
          count: units)
      }
    }
  }

  package func backward(_ dout: Tensor) -> Tensor {
    precondition(
      dout.count == output.count, "ReLU \(name): dout \(dout.shape) does not match the last output")
    let n = dout.count
    let dx = dout.scalars.withUnsafeBufferPointer { ds in
      output.withUnsafeBufferPointer { ys in
        gradientBuffer.fill(count: n) { out in
          guard let d = ds.baseAddress, let y = ys.baseAddress, let o = out.baseAddress else {
            return
          }
          let lanes = n < Self.splitThreshold ? 1 : ParallelWork.laneCount
          ParallelWork.run(lanes: lanes) { lane in
            let part = ParallelWork.range(lane: lane, of: lanes, count: n, alignment: 8)
            Self.maskGradient(
              d + part.lowerBound, by: y + part.lowerBound, into: o + part.lowerBound,
              count: part.count)
          }
        }
      }
    }
    return Tensor(shape: dout.shape, scalars: dx)
  }

  /// The units whose peak over every lane is not > 0 (the lanes' peaks lie `units` apart). In
  /// vectors: at batch 1 a scalar loop over a convolution's units cost more than the rectifying.
  private static func deadUnits(peaks p: UnsafePointer<Float>, lanes: Int, units: Int) -> Int {
    var dead = SIMD8<Int32>()
    var unit = 0
    while unit + 8 <= units {
      var peak = UnsafeRawPointer(p + unit).loadUnaligned(as: SIMD8<Float>.self)
      for lane in 1..<lanes {
        let other = UnsafeRawPointer(p + lane * units + unit).loadUnaligned(as: SIMD8<Float>.self)
        peak.replace(with: other, where: other .> peak)
      }
      dead.replace(with: dead &+ 1, where: .!(peak .> 0))
      unit += 8
    }
    var count = Int(dead.wrappedSum())
    while unit < units {
      var peak = p[unit]
      for lane in 1..<lanes { peak = max(peak, p[lane * units + unit]) }
      if !(peak > 0) { count += 1 }
      unit += 1
    }
    return count
  }

  /// `dx = y > 0 ? dout : 0` over `count` elements.
  private static func maskGradient(
    _ d: UnsafePointer<Float>, by y: UnsafePointer<Float>, into o: UnsafeMutablePointer<Float>,
    count n: Int
  ) {
    var i = 0
    while i + 8 <= n {
      var dv = UnsafeRawPointer(d + i).loadUnaligned(as: SIMD8<Float>.self)
      let yv = UnsafeRawPointer(y + i).loadUnaligned(as: SIMD8<Float>.self)
      dv.replace(with: 0, where: yv .<= 0)
      UnsafeMutableRawPointer(o + i).storeBytes(of: dv, as: SIMD8<Float>.self)
      i += 8
    }
    while i < n {
      o[i] = y[i] > 0 ? d[i] : 0
      i += 1
    }
  }

  /// `y = max(x, 0)` for one row (NaN becomes 0), and `peak = max(peak, y)` per unit.
  fileprivate static func rectify(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>,
    peak: UnsafeMutablePointer<Float>,
    count: Int
  ) {
    var j = 0
    while j + 8 <= count {
      var v = UnsafeRawPointer(x + j).loadUnaligned(as: SIMD8<Float>.self)
      v.replace(with: 0, where: .!(v .> 0))
      UnsafeMutableRawPointer(y + j).storeBytes(of: v, as: SIMD8<Float>.self)
      let p = UnsafeRawPointer(peak + j).loadUnaligned(as: SIMD8<Float>.self)
      UnsafeMutableRawPointer(peak + j).storeBytes(
        of: p.replacing(with: v, where: v .> p), as: SIMD8<Float>.self)
      j += 8
    }
    while j < count {
      let v = x[j] > 0 ? x[j] : 0
      y[j] = v
      if v > peak[j] { peak[j] = v }
      j += 1
    }
  }
}
