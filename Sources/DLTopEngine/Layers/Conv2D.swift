/// A 2-D convolution over NHWC images, computed as im2col plus matrix products, a few images at a
/// time.
///
/// Input `[batch, h, w, cIn]`, filters `W`: `[kh, kw, cIn, cOut]`, bias `b`: `[cOut]`, output
/// `[batch, outH, outW, cOut]` with Keras/TensorFlow `same`/`valid` padding (see `Padding`).
/// Forward: `cols = [im2col(x) | 1]` `[images·outH·outW, kh·kw·cIn + 1]`, `y = cols · [W; b]`.
/// Backward: `[dW; db] += colsᵀ · dout`, `dx = col2im(dout · Wᵀ)`.
///
/// The bias rides in the products as a column of ones in cols and a last row under W: the
/// product then writes y without a broadcast pass first, and the weight-gradient product yields
/// db, with no pass over dout of its own (12.8 MB each for the first convolution at batch 128).
///
/// Why slices: a batch-sized cols matrix (29 MB for the Fashion-MNIST CNN's second convolution at
/// batch 128) is written by im2col, read back by the forward product, and read again by the
/// weight-gradient product, every time from memory. A slice of `sliceBudget` floats stays in the
/// core's L2 cache between the im2col that writes it and the product that reads it; backward
/// rebuilds each slice's cols (cheap, in cache) instead of keeping the batch's. The products
/// stay large enough for OpenBLAS (the second convolution: 784 × 288 · 288 × 64 per slice).
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
  private var input = Tensor(zeros: [0])  // [batch, h, w, cIn], the last forward's input
  private var cols: [Float] = []  // per lane: [images·outH·outW, kh·kw·cIn + 1]; last column 1
  private var colsLayout: [Int] = []  // lanes, rows per slice, patch size that cols is laid out for
  private var weightsWithBias: [Float] = []  // [kh·kw·cIn + 1, cOut]: W, then b as the last row
  private var dcols: [Float] = []  // per lane: [images·outH·outW, kh·kw·cIn] for one slice
  private var outputBuffer = ReusableBuffer()  // [batch, outH, outW, cOut]
  private var gradientBuffer = ReusableBuffer()  // [batch, h, w, cIn]
  private var zeroInputGradient = Tensor(zeros: [0])  // returned while computesInputGradient is off
  /// Floats of cols (and of dcols) per slice: 256 K floats (1 MiB), a core's L2 on this
  /// machine's EPYC. Tests lower it to check that slicing gives the same results.
  var sliceBudget = 1 << 18

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
    forward(x, rectifier: nil, pooler: nil)
  }

  /// The forward pass followed by `relu`'s, which rectifies each slice of the output in place
  /// while it is still in cache (`ReLU.forwardInPlace`); returns `relu`'s output.
  package func forward(_ x: Tensor, training: Bool, rectifyingWith relu: ReLU) -> Tensor {
    let g = geometry(for: x)
    let units = g.outHeight * g.outWidth * outChannels
    return relu.forwardInPlace(units: units, lanes: Self.lanes(for: g)) { rectifier in
      forward(x, rectifier: rectifier, pooler: nil)
    }
  }

  /// The forward passes of this layer, `relu` and `pool` one after the other, in one: each slice
  /// of images is rectified in place and pooled while still in cache; returns `pool`'s output
  /// (`relu` keeps the rectified activation as its last output, as its own pass would).
  package func forward(
    _ x: Tensor, training: Bool, rectifyingWith relu: ReLU, pooling pool: MaxPool2D
  ) -> Tensor {
    let g = geometry(for: x)
    let units = g.outHeight * g.outWidth * outChannels
    return pool.forwardInLanes(inputShape: [g.batch, g.outHeight, g.outWidth, outChannels]) {
      pooler in
      _ = relu.forwardInPlace(units: units, lanes: Self.lanes(for: g)) { rectifier in
        forward(x, rectifier: rectifier, pooler: pooler)
      }
    }
  }

  private func geometry(for x: Tensor) -> ConvGeometry {
    precondition(
      x.rank == 4 && x.shape[3] == inChannels,
      "Conv2D \(name): input \(x.shape) must be [batch, h, w, \(inChannels)]")
    return ConvGeometry(
      batch: x.shape[0], inHeight: x.shape[1], inWidth: x.shape[2], inChannels: inChannels,
      kernelHeight: kernelHeight, kernelWidth: kernelWidth, stride: stride, padding: padding)
  }

  private func forward(
    _ x: Tensor, rectifier: ReLU.InPlaceRectifier?, pooler: MaxPool2D.ImagePooler?
  ) -> Tensor {
    let g = geometry(for: x)
    geometry = g
    input = x
    let rows = g.patchCount
    let k = g.patchSize
    let n = outChannels
    let slice = Slicing(geometry: g, budget: sliceBudget)
    weightsWithBias = weight.value.scalars + bias.value.scalars
    let out = weightsWithBias.withUnsafeBufferPointer { wb in
      outputBuffer.fill(count: rows * n) { y in  // [batch·outH·outW, cOut]
        guard rows > 0 else { return }
        forEachSliceCols(of: x, slice) { lane, cols, first, images in
          let target = y.baseAddress! + first * slice.pixelsPerImage * n
          BLAS.gemm(
            m: images * slice.pixelsPerImage, n: n, k: k + 1, a: cols, b: wb.baseAddress!,
            c: target)
          rectifier?.rectify(target, rows: images, lane: lane)
          pooler?.pool(images: first..<(first + images), of: y.baseAddress!)
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
    let slice = Slicing(geometry: g, budget: sliceBudget)
    let lanes = Self.lanes(for: g)
    // [dW; db] [kh·kw·cIn + 1, cOut] = colsᵀ · dout, slice by slice, rebuilding each slice's cols;
    // each lane sums its images' share in its own block, and the blocks are added in lane order.
    let block = (k + 1) * n
    var gradients = [Float](repeating: 0, count: lanes * block)
    dout.scalars.withUnsafeBufferPointer { d in
      gradients.withUnsafeMutableBufferPointer { dWb in
        forEachSliceCols(of: input, slice) { lane, cols, first, images in
          BLAS.gemm(
            transposeA: true, m: k + 1, n: n, k: images * slice.pixelsPerImage,
            a: cols, b: d.baseAddress! + first * slice.pixelsPerImage * n,
            beta: 1, c: dWb.baseAddress! + lane * block)
        }
      }
    }
    for lane in 1..<max(lanes, 1) {
      for i in 0..<block { gradients[i] += gradients[lane * block + i] }
    }
    weight.grad.scalars.withUnsafeMutableBufferPointer { dW in
      for i in 0..<(k * n) { dW[i] += gradients[i] }
    }
    bias.grad.scalars.withUnsafeMutableBufferPointer { db in
      for j in 0..<n { db[j] += gradients[k * n + j] }
    }
    guard computesInputGradient else {
      // The same zeros every batch, no allocation (a caller that changes them gets a copy).
      let shape = [g.batch, g.inHeight, g.inWidth, g.inChannels]
      if zeroInputGradient.shape != shape { zeroInputGradient = Tensor(zeros: shape) }
      return zeroInputGradient
    }
    // dx = col2im(dout · Wᵀ), slice by slice: each slice of dcols stays in cache between the
    // product that writes it and the col2im that reads it.
    // Wᵀ [cOut, kh·kw·cIn] is copied out first: OpenBLAS's Haswell kernels ran this product 20%
    // faster untransposed (13.1 vs 16.7 ms on the CNN's second convolution, batch 128).
    let wT = Self.transposed(weight.value.scalars, rows: k, columns: n)
    if dcols.count != lanes * slice.colsCount {
      dcols = [Float](repeating: 0, count: lanes * slice.colsCount)
    }
    let dx = dout.scalars.withUnsafeBufferPointer { d in
      wT.withUnsafeBufferPointer { w in
        dcols.withUnsafeMutableBufferPointer { dc in
          gradientBuffer.fill(count: g.inputCount) { target in
            ParallelWork.run(lanes: lanes) { lane in
              let laneBase = dc.baseAddress! + lane * slice.colsCount
              slice.forEach(lane: lane, of: lanes) { first, images in
                BLAS.gemm(
                  m: images * slice.pixelsPerImage, n: k, k: n,
                  a: d.baseAddress! + first * slice.pixelsPerImage * n,
                  b: w.baseAddress!, c: laneBase)
                g.with(batch: images).col2im(
                  laneBase, into: target.baseAddress! + first * slice.inputPerImage)
              }
            }
          }
        }
      }
    }
    return Tensor(shape: [g.batch, g.inHeight, g.inWidth, g.inChannels], scalars: dx)
  }

  /// Cuts the batch `x` into lanes of whole images and each lane's share into slices, writes each
  /// slice's `[im2col | 1]` matrix into the lane's own cols, and calls
  /// `body(lane, cols, firstImage, images)` with it, the lanes at once on the cores.
  private func forEachSliceCols(
    of x: Tensor, _ slice: Slicing,
    _ body: (Int, UnsafeMutablePointer<Float>, Int, Int) -> Void
  ) {
    guard let g = geometry else { return }
    let lanes = Self.lanes(for: g)
    let perLane = slice.colsCount + slice.rowsPerSlice
    let layout = [lanes, slice.rowsPerSlice, slice.patchSize]
    if colsLayout != layout {  // sized for the lanes, each with its column of ones
      colsLayout = layout
      let stride = slice.patchSize + 1
      cols = [Float](repeating: 0, count: lanes * perLane)
      for lane in 0..<lanes {
        for row in 0..<slice.rowsPerSlice { cols[lane * perLane + row * stride + stride - 1] = 1 }
      }
    }
    x.scalars.withUnsafeBufferPointer { xs in
      cols.withUnsafeMutableBufferPointer { c in
        ParallelWork.run(lanes: lanes) { lane in
          let laneCols = c.baseAddress! + lane * perLane
          slice.forEach(lane: lane, of: lanes) { first, images in
            g.with(batch: images).im2col(
              xs.baseAddress! + first * slice.inputPerImage, into: laneCols,
              rowStride: slice.patchSize + 1)
            body(lane, laneCols, first, images)
          }
        }
      }
    }
  }

  /// The lanes a batch is cut into: one per core, at most one per image.
  private static func lanes(for g: ConvGeometry) -> Int {
    max(1, min(ParallelWork.laneCount, g.batch))
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

/// How `Conv2D` cuts a batch into slices of whole images whose cols fit the slice budget.
private struct Slicing {
  let batch: Int
  let imagesPerSlice: Int
  let pixelsPerImage: Int
  /// Input floats per image.
  let inputPerImage: Int
  let patchSize: Int
  /// Floats of one slice's cols (or dcols) matrix without the ones column.
  let colsCount: Int
  /// Rows of one slice's cols matrix.
  var rowsPerSlice: Int { imagesPerSlice * pixelsPerImage }

  init(geometry g: ConvGeometry, budget: Int) {
    batch = g.batch
    pixelsPerImage = g.outHeight * g.outWidth
    inputPerImage = g.inHeight * g.inWidth * g.inChannels
    patchSize = g.patchSize
    let perImage = max(1, pixelsPerImage * g.patchSize)
    imagesPerSlice = max(1, min(g.batch, budget / perImage))
    colsCount = imagesPerSlice * pixelsPerImage * g.patchSize
  }

  /// Calls `body(firstImage, images)` for each slice of lane `lane`'s share of the batch, in
  /// order.
  func forEach(lane: Int, of lanes: Int, _ body: (Int, Int) -> Void) {
    let share = ParallelWork.range(lane: lane, of: lanes, count: batch)
    var first = share.lowerBound
    while first < share.upperBound {
      let images = min(imagesPerSlice, share.upperBound - first)
      body(first, images)
      first += images
    }
  }
}
