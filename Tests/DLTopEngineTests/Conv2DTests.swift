import Foundation
import Testing

@testable import DLTopEngine

struct Conv2DTests {
  /// TensorFlow's documented output sizes: `same` → ⌈in/stride⌉, `valid` → ⌈(in − k + 1)/stride⌉.
  private func tensorFlowSize(_ input: Int, kernel: Int, stride: Int, padding: Padding) -> Int {
    switch padding {
    case .same: Int((Double(input) / Double(stride)).rounded(.up))
    case .valid: max(0, Int((Double(input - kernel + 1) / Double(stride)).rounded(.up)))
    }
  }

  @Test(arguments: Padding.allCases, [1, 2, 3])
  func outputShapeMatchesTensorFlowFormula(padding: Padding, stride: Int) {
    for size in 3...9 {
      for kernel in 1...3 {
        let layer = Conv2D(
          name: "conv", filters: Tensor(zeros: [kernel, kernel, 1, 2]), bias: Tensor(zeros: [2]),
          stride: stride, padding: padding)
        let expected = tensorFlowSize(size, kernel: kernel, stride: stride, padding: padding)
        let y = layer.forward(Tensor(zeros: [1, size, size + 1, 1]), training: false)
        let expectedWidth = tensorFlowSize(
          size + 1, kernel: kernel, stride: stride, padding: padding)
        #expect(
          y.shape == [1, expected, expectedWidth, 2],
          "in \(size) k \(kernel) s \(stride) \(padding)")
        #expect(layer.outputShape(forInput: [size, size + 1, 1]) == [expected, expectedWidth, 2])
      }
    }
  }

  /// A direct, loop-by-loop convolution with TensorFlow's padding rule, as an independent reference.
  private func naiveConvolution(
    _ x: Tensor, filters: Tensor, bias: Tensor, stride: Int, padding: Padding
  ) -> Tensor {
    let (batch, h, w, cIn) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (kh, kw, cOut) = (filters.shape[0], filters.shape[1], filters.shape[3])
    let outH = tensorFlowSize(h, kernel: kh, stride: stride, padding: padding)
    let outW = tensorFlowSize(w, kernel: kw, stride: stride, padding: padding)
    let padTop = padding == .same ? max((outH - 1) * stride + kh - h, 0) / 2 : 0
    let padLeft = padding == .same ? max((outW - 1) * stride + kw - w, 0) / 2 : 0
    var y = Tensor(zeros: [batch, outH, outW, cOut])
    for b in 0..<batch {
      for oy in 0..<outH {
        for ox in 0..<outW {
          for o in 0..<cOut {
            var sum = bias[o]
            for ky in 0..<kh {
              for kx in 0..<kw {
                let iy = oy * stride + ky - padTop
                let ix = ox * stride + kx - padLeft
                guard iy >= 0 && iy < h && ix >= 0 && ix < w else { continue }
                for c in 0..<cIn {
                  sum +=
                    x[((b * h + iy) * w + ix) * cIn + c]
                    * filters[((ky * kw + kx) * cIn + c) * cOut + o]
                }
              }
            }
            y[((b * outH + oy) * outW + ox) * cOut + o] = sum
          }
        }
      }
    }
    return y
  }

  @Test(arguments: Padding.allCases, [1, 2, 3])
  func forwardMatchesADirectConvolution(padding: Padding, stride: Int) {
    // three channels take the block-copy im2col, one channel the per-tap path
    for channels in [3, 1] {
      checkAgainstDirectConvolution(padding: padding, stride: stride, channels: channels)
    }
  }

  private func checkAgainstDirectConvolution(padding: Padding, stride: Int, channels: Int) {
    let x = GradientCheck.random([2, 7, 6, channels], seed: 31)
    let filters = GradientCheck.random([3, 2, channels, 4], seed: 32)
    let bias = GradientCheck.random([4], seed: 33)
    let layer = Conv2D(name: "conv", filters: filters, bias: bias, stride: stride, padding: padding)
    let y = layer.forward(x, training: false)
    let expected = naiveConvolution(
      x, filters: filters, bias: bias, stride: stride, padding: padding)
    #expect(y.shape == expected.shape)
    let difference = zip(y.scalars, expected.scalars).map { abs($0 - $1) }.max() ?? 0
    #expect(
      difference < 1e-5,
      "\(padding) stride \(stride) \(channels) channels: max difference \(difference)")
  }

  @Test func sameConvolutionOfOnesCountsNeighbours() {
    // A 3×3 kernel of ones over a 3×3 image of ones: corners see 4, edges 6, the centre 9.
    let layer = Conv2D(
      name: "conv", filters: Tensor(repeating: 1, shape: [3, 3, 1, 1]), bias: Tensor(zeros: [1]))
    let y = layer.forward(Tensor(repeating: 1, shape: [1, 3, 3, 1]), training: false)
    #expect(y.scalars == [4, 6, 4, 6, 9, 6, 4, 6, 4])
  }

  @Test func stridedSamePaddingPutsTheExtraRowAtTheBottom() {
    // in 4, k 3, stride 2: out 2, total padding 1 → TensorFlow pads 0 at the top/left, 1 at the
    // bottom/right. A kernel that picks its centre tap then reads x[1,1], x[1,3], x[3,1], x[3,3].
    var filters = Tensor(zeros: [3, 3, 1, 1])
    filters[4] = 1
    let layer = Conv2D(
      name: "conv", filters: filters, bias: Tensor(zeros: [1]), stride: 2, padding: .same)
    let x = Tensor(shape: [1, 4, 4, 1], scalars: (0..<16).map(Float.init))
    let y = layer.forward(x, training: false)
    #expect(y.shape == [1, 2, 2, 1])
    #expect(y.scalars == [5, 7, 13, 15])
  }

  @Test func channelsAndBiasCombineAsInADenseLayerPerPixel() {
    // A 1×1 convolution is a Dense layer applied to every pixel's channels.
    let weight = GradientCheck.random([3, 2], seed: 3)
    let bias = Tensor(shape: [2], scalars: [0.5, -1])
    let conv = Conv2D(name: "conv", filters: weight.reshaped(to: [1, 1, 3, 2]), bias: bias)
    let dense = Dense(name: "dense", weight: weight, bias: bias)
    let x = GradientCheck.random([2, 3, 3, 3], seed: 4)
    let y = conv.forward(x, training: false)
    let expected = dense.forward(x.reshaped(to: [18, 3]), training: false)
    let difference = zip(y.scalars, expected.scalars).map { abs($0 - $1) }.max() ?? 0
    #expect(difference < 1e-5)
  }
}

extension Conv2DTests {
  /// Slicing the batch (one image per slice, or a slice budget that does not divide the batch)
  /// changes only the order of float additions: outputs and all three gradients agree with the
  /// one-slice run to float rounding, for a grayscale and a multi-channel input.
  @Test(arguments: [1, 3])
  func slicedBatchesGiveTheSameOutputsAndGradients(channels: Int) {
    func run(budget: Int) -> (y: Tensor, dx: Tensor, dW: Tensor, db: Tensor) {
      let layer = Conv2D(
        name: "conv", filters: GradientCheck.random([3, 3, channels, 8], seed: 41),
        bias: GradientCheck.random([8], seed: 42))
      layer.sliceBudget = budget
      let y = layer.forward(GradientCheck.random([5, 6, 7, channels], seed: 43), training: true)
      let dx = layer.backward(GradientCheck.random(y.shape, seed: 44))
      return (y, dx, layer.weight.grad, layer.bias.grad)
    }
    let whole = run(budget: 1 << 20)
    let patch = 9 * channels * 6 * 7
    for budget in [1, 2 * patch] {  // 1 image per slice; 2 images per slice (5 = 2 + 2 + 1)
      let sliced = run(budget: budget)
      for (name, a, b) in [
        ("y", whole.y, sliced.y), ("dx", whole.dx, sliced.dx), ("dW", whole.dW, sliced.dW),
        ("db", whole.db, sliced.db),
      ] {
        let difference = zip(a.scalars, b.scalars).map { abs($0 - $1) }.max() ?? 0
        #expect(a.shape == b.shape && difference < 1e-4, "\(name), budget \(budget): \(difference)")
      }
    }
  }

  @Test func biasGradientIsTheSumOfDoutOverEveryPixel() {
    let layer = Conv2D(
      name: "conv", filters: GradientCheck.random([3, 3, 2, 4], seed: 45), bias: Tensor(zeros: [4]))
    let y = layer.forward(GradientCheck.random([3, 5, 5, 2], seed: 46), training: true)
    let dout = GradientCheck.random(y.shape, seed: 47)
    _ = layer.backward(dout)
    for channel in 0..<4 {
      let sum = stride(from: channel, to: dout.count, by: 4).reduce(Float(0)) { $0 + dout[$1] }
      #expect(abs(layer.bias.grad[channel] - sum) < 1e-4, "channel \(channel)")
    }
  }
}

struct MaxPool2DTests {
  @Test func poolingKeepsTheLargestValueAndRoutesGradientToIt() {
    let x = Tensor(shape: [1, 2, 4, 1], scalars: [1, 5, 2, 0, 3, 4, 8, 6])
    let layer = MaxPool2D(name: "pool", poolSize: 2)
    let y = layer.forward(x, training: true)
    #expect(y.shape == [1, 1, 2, 1])
    #expect(y.scalars == [5, 8])
    let dx = layer.backward(Tensor(shape: [1, 1, 2, 1], scalars: [10, 20]))
    #expect(dx.scalars == [0, 10, 0, 0, 0, 0, 20, 0])
  }

  @Test func oddSizesDropTheLastRowAsKerasValidPoolingDoes() {
    let layer = MaxPool2D(name: "pool", poolSize: 2)
    #expect(layer.outputShape(forInput: [7, 5, 3]) == [3, 2, 3])
    #expect(layer.forward(Tensor(zeros: [2, 7, 5, 3]), training: false).shape == [2, 3, 2, 3])
  }
}
