/// A layer-owned array for a large result (an activation or an input gradient) that the next call
/// overwrites in place, instead of allocating a fresh one every batch.
///
/// Why: glibc serves blocks of megabytes with `mmap` and unmaps them on `free`, so a fresh 12.8 MB
/// activation page-faults in every batch. On the Fashion-MNIST CNN that was about a fifth of the
/// epoch (270,000 minor faults in 50 batches). Reuse is always safe: the returned array shares
/// storage with this buffer, and if a caller still holds it when the next call writes, copy-on-write
/// gives this buffer a fresh copy and leaves the caller's array untouched.
///
/// Two arrays take turns: the next layer often keeps the last result it was given (a convolution
/// or a dense layer keeps its input for backward) until its own next call, which comes after this
/// one; with a single array every call would find it shared and copy it (3.2 MB per batch for
/// the CNN's first pooling output) before overwriting it.
struct ReusableBuffer {
  private var storage: [Float] = []
  private var other: [Float] = []

  /// Calls `fill` with `count` elements to overwrite completely (their old contents are stale), and
  /// returns the filled array.
  mutating func fill(count: Int, _ fill: (UnsafeMutableBufferPointer<Float>) -> Void) -> [Float] {
    swap(&storage, &other)
    if storage.count != count {
      storage = []  // free the old array before allocating its replacement
      storage = [Float](repeating: 0, count: count)
    }
    storage.withUnsafeMutableBufferPointer { buffer in fill(buffer) }
    return storage
  }

  /// Like `fill`, with every element set to 0 first (for gradients that are accumulated).
  mutating func zeroedFill(count: Int, _ fill: (UnsafeMutableBufferPointer<Float>) -> Void)
    -> [Float]
  {
    self.fill(count: count) { buffer in
      if let base = buffer.baseAddress { base.update(repeating: 0, count: count) }
      fill(buffer)
    }
  }
}
