import DLTopEngine

/// Where one training batch goes: milliseconds per batch of 128 in each layer's forward and
/// backward, the gradient reset, the loss and the Adam update, the median over `batches` batches
/// after 3 untimed ones. The layers run one by one exactly as `Sequential` runs them inside
/// `Trainer.trainBatch` (the first layer computes no input gradient, as there), so the parts add
/// up to a batch of the trainer minus its bookkeeping (gather, statistics): the epoch's seconds
/// per batch less `breakdown_total_ms` is that bookkeeping.
enum LayerBreakdownBench {
  static func measure(model makeModel: () -> Sequential, images: LabeledSet, batches: Int)
    -> [String: Any]
  {
    let network = makeModel()
    // As `Trainer.init` and `ModelBuilder` set it: nobody reads the gradient of the data.
    (network.layers.first as? Dense)?.computesInputGradient = false
    (network.layers.first as? Conv2D)?.computesInputGradient = false
    let loss = SoftmaxCrossEntropy()
    let optimizer = Adam()
    let batch = 128
    var parts: [String: [Double]] = [:]
    var cpuParts: [String: [Double]] = [:]
    func timed(_ name: String, _ work: () -> Void) {
      let (_, timing) = BenchClock.time(work)
      parts[name, default: []].append(timing.wallSeconds * 1000)
      cpuParts[name, default: []].append(timing.cpuSeconds * 1000)
    }
    let warmUp = 3
    for step in 0..<(warmUp + batches) {
      let first = (step * batch) % max(1, images.count - batch)
      let x = images.features.rows(first..<(first + batch))
      let targets = images.targets.gathered(first..<(first + batch))
      timed("zero_grad") { network.zeroGrad() }
      var activation = x
      // As `Sequential.forward` steps: a ReLU right after a convolution is inside its time.
      var next = 0
      while next < network.layers.count {
        timed("\(network.layers[next].name).forward") {
          (activation, next) = network.forwardStep(activation, throughLayerAt: next, training: true)
        }
      }
      timed("loss") { _ = loss.forward(activation, targets) }
      var gradient = loss.backward()
      // As `Sequential.backward` steps: a ReLU that feeds a pooling is inside the pooling's time.
      var index = network.layers.count - 1
      while index >= 0 {
        timed("\(network.layers[index].name).backward") {
          (gradient, index) = network.backwardStep(gradient, throughLayerAt: index)
        }
      }
      timed("adam") { optimizer.update(network.parameters, learningRate: 1e-3) }
      if step < warmUp {
        parts = [:]
        cpuParts = [:]
      }
    }
    let medians = parts.mapValues { BenchClock.median($0) }
    let cpuMedians = cpuParts.mapValues { BenchClock.median($0) }
    return [
      "breakdown_ms": medians,
      "breakdown_total_ms": medians.values.reduce(0, +),
      // CPU time of all threads: on a loaded machine the wall clock mostly shows waiting.
      "breakdown_cpu_ms": cpuMedians,
      "breakdown_total_cpu_ms": cpuMedians.values.reduce(0, +),
      "breakdown_batches": batches,
    ]
  }
}
