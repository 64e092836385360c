/// Eight-lane loads and stores for the optimizers' inner loops.
///
/// The loops read and write four separate buffers (`g`, `m`, `v`, `W`); written lane by lane the
/// compiler must prove they do not alias before it vectorizes, so the hot ones say it explicitly.
enum Lanes {
  typealias Vector = SIMD8<Float>
  static let width = 8

  @inline(__always)
  static func load(_ base: UnsafePointer<Float>, _ index: Int) -> Vector {
    UnsafeRawPointer(base + index).loadUnaligned(as: Vector.self)
  }

  @inline(__always)
  static func load(_ base: UnsafeMutablePointer<Float>, _ index: Int) -> Vector {
    UnsafeRawPointer(base + index).loadUnaligned(as: Vector.self)
  }

  @inline(__always)
  static func store(_ value: Vector, _ base: UnsafeMutablePointer<Float>, _ index: Int) {
    UnsafeMutableRawPointer(base + index).storeBytes(of: value, as: Vector.self)
  }
}
