/// A 2-D convolution over NHWC images, computed as im2col plus one matrix product for the batch.
///
/// Input `[batch, h, w, cIn]`, filters `W`: `[kh, kw, cIn, cOut]`, bias `b`: `[cOut]`, output
/// `[batch, outH, outW, cOut]` with Keras/TensorFlow `same`/`valid` padding (see `Padding`).
/// Forward: `cols = im2col(x)` `[batch·outH·outW, kh·kw·cIn]`, `y = cols · W + b`.
/// Backward: `dW += colsᵀ · dout`, `db += Σ dout`, `dx = col2im(dout · Wᵀ)`.
/// The im2col buffers are kept between calls, so a steady batch size allocates nothing new.
/// Memory: `cols` holds `batch·outH·outW·kh·kw·cIn` floats for the last batch (29 MB for the
/// Fashion-MNIST CNN's second convolution at batch 128), so evaluate large sets in mini-batches.
package final class Conv2D: Layer {
  package let name: String
  package let weight: Parameter
  package let bias: Parameter
  package let stride: Int
  package let padding: Padding
  /// Whether `backward` computes ∂L/∂x. A model's first layer sees data, whose gradient nobody
  /// reads, so `ModelBuilder` turns this off there and saves a matrix product and a col2im per
  /// batch; `backward` then returns zeros of the input's shape.
  package var computesInputGradient = true
  private var geometry: ConvGeometry?
  private var cols: [Float] = []  // [batch·outH·outW, kh·kw·cIn]
  private var dcols: [Float] = []  // [images·outH·outW, kh·kw·cIn] for one slice of the batch
  private var outputBuffer = ReusableBuffer()  // [batch, outH, outW, cOut]
  private var gradientBuffer = ReusableBuffer()  // [batch, h, w, cIn]
  /// Floats of dcols computed per slice in `backward`: 256 K floats (1 MiB), half of a 2 MiB L2.
  /// Tests lower it to check that slicing gives the same gradient.
  var sliceBudget = 1 << 18
  private var ones: [Float] = []  // [batch·outH·outW] of 1, for the bias gradient

  /// - Parameters:
  ///   - filters: `[kh, kw, cIn, cOut]`.
  ///   - bias: `[cOut]`.
  ///   - stride: the step in both spatial directions, ≥ 1.
  ///   - padding: `.same` or `.valid`.
  package init(
    name: String, filters: Tensor, bias: Tensor, stride: Int = 1, padding: Padding = .same
  ) {
    precondition(
      filters.rank == 4 && bias.shape == [filters.shape[3]],
      "Conv2D \(name): filters \(filters.shape) must be [kh, kw, cIn, cOut] and bias \(bias.shape) [cOut]"
    )
    precondition(stride >= 1, "Conv2D \(name): stride \(stride) must be at least 1")
    self.name = name
    self.weight = Parameter(name: "\(name).W", value: filters)
    self.bias = Parameter(name: "\(name).b", value: bias, decays: false)
    self.stride = stride
    self.padding = padding
  }

  package var kernelHeight: Int { weight.value.shape[0] }
  package var kernelWidth: Int { weight.value.shape[1] }
  package var inChannels: Int { weight.value.shape[2] }
  package var outChannels: Int { weight.value.shape[3] }
  package var parameters: [Parameter] { [weight, bias] }

  package func outputShape(forInput sampleShape: [Int]) -> [Int] {
    precondition(
      sampleShape.count == 3, "Conv2D \(name) needs [h, w, c] samples, got \(sampleShape)")
    return [
      padding.outputSize(input: sampleShape[0], kernel: kernelHeight, stride: stride),
      padding.outputSize(input: sampleShape[1], kernel: kernelWidth, stride: stride),
      outChannels,
    ]
  }

  package func forward(_ x: Tensor, training: Bool) -> Tensor {
    precondition(
      x.rank == 4 && x.shape[3] == inChannels,
      "Conv2D \(name): input \(x.shape) must be [batch, h, w, \(inChannels)]")
    let g = ConvGeometry(
      batch: x.shape[0], inHeight: x.shape[1], inWidth: x.shape[2], inChannels: inChannels,
      kernelHeight: kernelHeight, kernelWidth: kernelWidth, stride: stride, padding: padding)
    geometry = g
    let rows = g.patchCount
    let k = g.patchSize
    let n = outChannels
    if cols.count != rows * k { cols = [Float](repeating: 0, count: rows * k) }
    x.scalars.withUnsafeBufferPointer { xs in
      cols.withUnsafeMutableBufferPointer { c in
        if let source = xs.baseAddress, let target = c.baseAddress {
          g.im2col(source, into: target)
        }
      }
    }
    let out = cols.withUnsafeBufferPointer { c in
      weight.value.scalars.withUnsafeBufferPointer { w in
        bias.value.scalars.withUnsafeBufferPointer { b in
          outputBuffer.fill(count: rows * n) { y in  // [batch·outH·outW, cOut]
            Self.broadcast(b.baseAddress!, count: n, rows: rows, into: y.baseAddress!)
            if rows > 0 {
              BLAS.gemm(
                m: rows, n: n, k: k, a: c.baseAddress!, b: w.baseAddress!, beta: 1,
                c: y.baseAddress!)
            }
          }
        }
      }
    }
    return Tensor(shape: [g.batch, g.outHeight, g.outWidth, n], scalars: out)
  }

  package func backward(_ dout: Tensor) -> Tensor {
    guard let g = geometry else { preconditionFailure("Conv2D \(name): backward before forward") }
    let rows = g.patchCount
    let k = g.patchSize
    let n = outChannels
    precondition(
      dout.shape == [g.batch, g.outHeight, g.outWidth, n],
      "Conv2D \(name): dout \(dout.shape) does not match output [\(g.batch), \(g.outHeight), \(g.outWidth), \(n)]"
    )
    guard rows > 0 else { return Tensor(zeros: [g.batch, g.inHeight, g.inWidth, g.inChannels]) }
    dout.scalars.withUnsafeBufferPointer { d in
      // dW [kh·kw·cIn, cOut] += colsᵀ · dout
      cols.withUnsafeBufferPointer { c in
        weight.grad.scalars.withUnsafeMutableBufferPointer { dW in
          BLAS.gemm(
            transposeA: true, m: k, n: n, k: rows, a: c.baseAddress!, b: d.baseAddress!,
            beta: 1, c: dW.baseAddress!)
        }
      }
      // db [cOut] += doutᵀ · 1: the sum over every output pixel, as one BLAS call
      if ones.count != rows { ones = [Float](repeating: 1, count: rows) }
      ones.withUnsafeBufferPointer { one in
        bias.grad.scalars.withUnsafeMutableBufferPointer { db in
          BLAS.gemv(
            transpose: true, rows: rows, columns: n, a: d.baseAddress!, x: one.baseAddress!,
            beta: 1,
            y: db.baseAddress!)
        }
      }
    }
    guard computesInputGradient else {
      return Tensor(zeros: [g.batch, g.inHeight, g.inWidth, g.inChannels])
    }
    // dx = col2im(dout · Wᵀ), a few images at a time: each slice of dcols
    // [images·outH·outW, kh·kw·cIn] stays in cache between the product that writes it and the
    // col2im that reads it, instead of a batch-sized buffer making two trips to memory.
    // Wᵀ [cOut, kh·kw·cIn] is copied out first: OpenBLAS's Haswell kernels ran this product 20%
    // faster untransposed (13.1 vs 16.7 ms on the CNN's second convolution, batch 128).
    let wT = Self.transposed(weight.value.scalars, rows: k, columns: n)
    let imagesPerSlice = max(1, sliceBudget / max(1, g.outHeight * g.outWidth * k))
    let pixelsPerImage = g.outHeight * g.outWidth
    let inputPerImage = g.inHeight * g.inWidth * g.inChannels
    if dcols.count != imagesPerSlice * pixelsPerImage * k {
      dcols = [Float](repeating: 0, count: imagesPerSlice * pixelsPerImage * k)
    }
    let dx = dout.scalars.withUnsafeBufferPointer { d in
      wT.withUnsafeBufferPointer { w in
        dcols.withUnsafeMutableBufferPointer { dc in
          gradientBuffer.fill(count: g.inputCount) { target in
            var first = 0
            while first < g.batch {
              let images = min(imagesPerSlice, g.batch - first)
              BLAS.gemm(
                m: images * pixelsPerImage, n: k, k: n,
                a: d.baseAddress! + first * pixelsPerImage * n,
                b: w.baseAddress!, c: dc.baseAddress!)
              g.with(batch: images).col2im(
                dc.baseAddress!, into: target.baseAddress! + first * inputPerImage)
              first += images
            }
          }
        }
      }
    }
    return Tensor(shape: [g.batch, g.inHeight, g.inWidth, g.inChannels], scalars: dx)
  }

  /// Writes `row` (`count` floats) into each of `rows` consecutive rows of `target`, eight lanes at
  /// a time: one `memmove` per 128-byte row cost more than the first layer's matrix product.
  private static func broadcast(
    _ row: UnsafePointer<Float>, count: Int, rows: Int, into target: UnsafeMutablePointer<Float>
  ) {
    guard count % 8 == 0 else {
      for r in 0..<rows { (target + r * count).update(from: row, count: count) }
      return
    }
    let vectors = count / 8
    let raw = UnsafeRawPointer(row)
    let lanes = (0..<vectors).map {
      raw.loadUnaligned(fromByteOffset: $0 * 32, as: SIMD8<Float>.self)
    }
    lanes.withUnsafeBufferPointer { v in
      var destination = UnsafeMutableRawPointer(target)
      for _ in 0..<rows {
        for i in 0..<vectors {
          destination.storeBytes(of: v[i], toByteOffset: i * 32, as: SIMD8<Float>.self)
        }
        destination += count * 4
      }
    }
  }

  /// The transpose of a row-major `[rows, columns]` matrix.
  private static func transposed(_ matrix: [Float], rows: Int, columns: Int) -> [Float] {
    var out = [Float](repeating: 0, count: matrix.count)
    matrix.withUnsafeBufferPointer { a in
      out.withUnsafeMutableBufferPointer { t in
        for r in 0..<rows {
          for c in 0..<columns { t[c * rows + r] = a[r * columns + c] }
        }
      }
    }
    return out
  }
}
