import DLTopEngine

/// Floating-point operations of one training step per sample, counted as the matrix products a
/// direct (im2col) computation does: 2 flops per multiply-add, forward, weight gradient, and input
/// gradient where the layer computes one. Elementwise layers, the loss and the optimizer are left
/// out, so `epoch seconds ÷ (flops ÷ GEMM rate)` says how far the epoch is from the machine's
/// matrix-product speed.
enum TrainingFLOPs {
  static func perSample(_ model: Sequential) -> Double {
    var shape = model.inputShape
    var total = 0.0
    for layer in model.layers {
      let output = layer.outputShape(forInput: shape)
      if let conv = layer as? Conv2D {
        let macs =
          Double(output[0] * output[1] * output[2])
          * Double(conv.kernelHeight * conv.kernelWidth * conv.inChannels)
        total += 2 * macs * (conv.computesInputGradient ? 3 : 2)
      } else if let dense = layer as? Dense {
        let macs = Double(dense.inFeatures * dense.outFeatures)
        total += 2 * macs * (dense.computesInputGradient ? 3 : 2)
      }
      shape = output
    }
    return total
  }
}
