/// Max pooling over NHWC images with `valid` padding: each output is the largest input in its
/// `poolSize × poolSize` window, per channel.
///
/// Input `[batch, h, w, c]`, output `[batch, ⌊(h − pool)/stride⌋ + 1, ⌊(w − pool)/stride⌋ + 1, c]`.
/// Forward remembers where each maximum came from; backward routes `dout` to those positions only
/// (the first maximum wins a tie, as in Keras).
package final class MaxPool2D: Layer {
  package let name: String
  package let poolSize: Int
  package let stride: Int
  private var inputShape: [Int] = []
  private var argmax: [Int32] = []  // [batch, outH, outW, c]: flat input index of each maximum
  /// The last output (shares the output buffer's storage), for `backward(_:maskingNonPositive:)`.
  private var output: [Float] = []
  private var outputBuffer = ReusableBuffer()  // [batch, outH, outW, c]
  private var gradientBuffer = ReusableBuffer()  // [batch, h, w, c]

  /// - Parameters:
  ///   - poolSize: the window side, ≥ 1.
  ///   - stride: the window step; defaults to `poolSize` (non-overlapping windows).
  package init(name: String, poolSize: Int = 2, stride: Int? = nil) {
    precondition(poolSize >= 1, "MaxPool2D \(name): pool size \(poolSize) must be at least 1")
    precondition((stride ?? poolSize) >= 1, "MaxPool2D \(name): stride must be at least 1")
    self.name = name
    self.poolSize = poolSize
    self.stride = stride ?? poolSize
  }

  package func outputShape(forInput sampleShape: [Int]) -> [Int] {
    precondition(
      sampleShape.count == 3, "MaxPool2D \(name) needs [h, w, c] samples, got \(sampleShape)")
    return [
      Padding.valid.outputSize(input: sampleShape[0], kernel: poolSize, stride: stride),
      Padding.valid.outputSize(input: sampleShape[1], kernel: poolSize, stride: stride),
      sampleShape[2],
    ]
  }

  package func forward(_ x: Tensor, training: Bool) -> Tensor {
    precondition(x.rank == 4, "MaxPool2D \(name): input \(x.shape) must be [batch, h, w, c]")
    let batch = x.shape[0]
    let lanes = max(1, min(ParallelWork.laneCount, batch))
    return x.scalars.withUnsafeBufferPointer { xs in
      forwardInLanes(inputShape: x.shape) { pooler in
        ParallelWork.run(lanes: lanes) { lane in
          pooler.pool(
            images: ParallelWork.range(lane: lane, of: lanes, count: batch), of: xs.baseAddress!)
        }
      }
    }
  }

  /// The forward pass over an input that `body` produces image by image: `body` calls the pooler
  /// on each run of finished images (from its own lanes, on disjoint images), and this returns
  /// the pooled output once `body` returns. A convolution uses it to pool its slices while they
  /// are still in cache (`Conv2D.forward(_:training:rectifyingWith:pooling:)`).
  package func forwardInLanes(inputShape shape: [Int], _ body: (ImagePooler) -> Void) -> Tensor {
    precondition(shape.count == 4, "MaxPool2D \(name): input \(shape) must be [batch, h, w, c]")
    precondition(
      shape.reduce(1, *) <= Int(Int32.max), "MaxPool2D \(name): input \(shape) too large")
    inputShape = shape
    let (batch, h, w, c) = (shape[0], shape[1], shape[2], shape[3])
    let out = outputShape(forInput: [h, w, c])
    let (outH, outW) = (out[0], out[1])
    let count = batch * outH * outW * c
    if argmax.count != count { argmax = [Int32](repeating: 0, count: count) }
    let y = outputBuffer.fill(count: count) { ys in
      argmax.withUnsafeMutableBufferPointer { am in
        body(
          ImagePooler(
            layer: self, maxima: ys.baseAddress!, argmax: am.baseAddress!, height: h, width: w,
            channels: c, outHeight: outH, outWidth: outW))
      }
    }
    output = y
    return Tensor(shape: [batch, outH, outW, c], scalars: y)
  }

  /// Pools whole images of an input into the layer's output and argmax (`forwardInLanes`).
  package struct ImagePooler {
    fileprivate let layer: MaxPool2D
    fileprivate let maxima: UnsafeMutablePointer<Float>
    fileprivate let argmax: UnsafeMutablePointer<Int32>
    fileprivate let height: Int
    fileprivate let width: Int
    fileprivate let channels: Int
    fileprivate let outHeight: Int
    fileprivate let outWidth: Int

    /// Pools `images` of the batch whose input starts at `x`; their input must be final.
    package func pool(images: Range<Int>, of x: UnsafePointer<Float>) {
      let c = channels
      let stride = layer.stride
      var outBase = images.lowerBound * outHeight * outWidth * c
      for b in images {
        for oy in 0..<outHeight {
          for ox in 0..<outWidth {
            let corner = ((b * height + oy * stride) * width + ox * stride) * c
            layer.poolWindow(
              x, corner: corner, rowStride: width * c, channels: c, max: maxima + outBase,
              argmax: argmax + outBase)
            outBase += c
          }
        }
      }
    }
  }

  package func backward(_ dout: Tensor) -> Tensor {
    backward(dout, maskingNonPositive: false)
  }

  /// Backward through this pooling and, with `maskingNonPositive`, through the ReLU that fed it:
  /// a window's gradient goes to its maximum only where that maximum (this layer's output) is
  /// > 0. Pooling commutes with ReLU, so that is exactly ReLU's mask at the winning positions, and
  /// every other position gets 0 from the pooling anyway. `Sequential` then skips the ReLU's own
  /// backward pass: on the CNN it read and wrote its 11 MB gradient for nothing but this mask.
  package func backward(_ dout: Tensor, maskingNonPositive: Bool) -> Tensor {
    precondition(
      dout.count == argmax.count,
      "MaxPool2D \(name): dout \(dout.shape) does not match the last output")
    guard dout.count > 0 else { return Tensor(zeros: inputShape) }
    let (h, w, c) = (inputShape[1], inputShape[2], inputShape[3])
    let tiles = stride == poolSize && h % poolSize == 0 && w % poolSize == 0 && c % 8 == 0
    let batch = inputShape[0]
    let inputPerImage = h * w * c
    let outputPerImage = dout.count / max(batch, 1)
    let lanes = max(1, min(ParallelWork.laneCount, batch))
    let dx = dout.scalars.withUnsafeBufferPointer { d in
      argmax.withUnsafeBufferPointer { am in
        output.withUnsafeBufferPointer { maxima in
          let m = maskingNonPositive ? maxima.baseAddress : nil
          if tiles {
            // The windows tile the input: write every input element once, no zeroing pass.
            return gradientBuffer.fill(count: inputShape.reduce(1, *)) { target in
              ParallelWork.run(lanes: lanes) { lane in
                let images = ParallelWork.range(lane: lane, of: lanes, count: batch)
                writeTiledGradient(
                  d.baseAddress!, argmax: am.baseAddress!, maxima: m, into: target.baseAddress!,
                  images: images, height: h, width: w, channels: c)
              }
            }
          }
          // Each image's maxima lie in that image, so lanes of whole images write disjoint memory.
          return gradientBuffer.fill(count: inputShape.reduce(1, *)) { target in
            ParallelWork.run(lanes: lanes) { lane in
              let images = ParallelWork.range(lane: lane, of: lanes, count: batch)
              (target.baseAddress! + images.lowerBound * inputPerImage).update(
                repeating: 0, count: images.count * inputPerImage)
              for i in (images.lowerBound * outputPerImage)..<(images.upperBound * outputPerImage)
              where m.map({ $0[i] > 0 }) ?? true {
                target[Int(am[i])] += d[i]  // [batch, h, w, c]
              }
            }
          }
        }
      }
    }
    return Tensor(shape: inputShape, scalars: dx)
  }

  /// The maximum and its flat input index, per channel, of the window whose top-left pixel starts
  /// at `corner`. The window's first pixel starts the running maximum and later pixels replace a
  /// channel's maximum only when strictly larger (the first maximum wins a tie, as in Keras).
  /// Channels are contiguous in NHWC, so eight are compared at a time with SIMD selects; a scalar
  /// `if` here mispredicts on real data and was the slowest loop of the CNN.
  fileprivate func poolWindow(
    _ x: UnsafePointer<Float>, corner: Int, rowStride: Int, channels c: Int,
    max best: UnsafeMutablePointer<Float>, argmax index: UnsafeMutablePointer<Int32>
  ) {
    var ch = 0
    while ch + 8 <= c {
      var value = UnsafeRawPointer(x + corner + ch).loadUnaligned(as: SIMD8<Float>.self)
      let lanes = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) &+ Int32(ch)
      var winner = lanes &+ Int32(corner)
      for py in 0..<poolSize {
        for px in 0..<poolSize where py > 0 || px > 0 {
          let pixel = corner + py * rowStride + px * c
          let candidate = UnsafeRawPointer(x + pixel + ch).loadUnaligned(as: SIMD8<Float>.self)
          let larger = candidate .> value
          value.replace(with: candidate, where: larger)
          winner.replace(with: lanes &+ Int32(pixel), where: larger)
        }
      }
      UnsafeMutableRawPointer(best + ch).storeBytes(of: value, as: SIMD8<Float>.self)
      UnsafeMutableRawPointer(index + ch).storeBytes(of: winner, as: SIMD8<Int32>.self)
      ch += 8
    }
    while ch < c {
      var value = x[corner + ch]
      var position = corner + ch
      for py in 0..<poolSize {
        for px in 0..<poolSize {
          let candidate = corner + py * rowStride + px * c + ch
          if x[candidate] > value {
            value = x[candidate]
            position = candidate
          }
        }
      }
      best[ch] = value
      index[ch] = Int32(position)
      ch += 1
    }
  }

  /// dx of `images` for non-overlapping windows that cover the input exactly (`c` a multiple of
  /// 8): each input element gets its window's `dout` if it was the maximum (and, with `maxima`,
  /// that maximum is > 0), else 0.
  private func writeTiledGradient(
    _ dout: UnsafePointer<Float>, argmax: UnsafePointer<Int32>, maxima: UnsafePointer<Float>?,
    into dx: UnsafeMutablePointer<Float>, images: Range<Int>,
    height h: Int, width w: Int, channels c: Int
  ) {
    let windowsPerImage = (h / poolSize) * (w / poolSize)
    let windows = images.count * windowsPerImage
    let lanes = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
    var o = images.lowerBound * windowsPerImage * c
    var corner = images.lowerBound * h * w * c
    for _ in 0..<windows {
      for py in 0..<poolSize {
        for px in 0..<poolSize {
          let pixel = corner + (py * w + px) * c
          var ch = 0
          while ch < c {
            let winner = UnsafeRawPointer(argmax + o + ch).loadUnaligned(as: SIMD8<Int32>.self)
            var gradient = UnsafeRawPointer(dout + o + ch).loadUnaligned(as: SIMD8<Float>.self)
            gradient.replace(with: 0, where: winner .!= lanes &+ Int32(pixel + ch))
            if let maxima {
              let peak = UnsafeRawPointer(maxima + o + ch).loadUnaligned(as: SIMD8<Float>.self)
              gradient.replace(with: 0, where: .!(peak .> 0))
            }
            UnsafeMutableRawPointer(dx + pixel + ch).storeBytes(of: gradient, as: SIMD8<Float>.self)
            ch += 8
          }
        }
      }
      o += c
      corner += poolSize * c
      if corner % (w * c) == 0 { corner += (poolSize - 1) * w * c }  // next row of windows
    }
  }
}
