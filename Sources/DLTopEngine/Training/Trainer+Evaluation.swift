extension Trainer {
  /// Runs `set` through the model in inference mode (no dropout, batch-norm running statistics)
  /// without changing any weight.
  ///
  /// - Parameters:
  ///   - batchSize: samples per forward pass; bounds memory, does not change the result.
  /// - Returns: the sample-weighted mean loss, and for classification the accuracy, predicted
  ///   classes and labels, for regression the raw outputs.
  package func evaluate(_ set: LabeledSet, batchSize: Int) -> Evaluation {
    let chunk = max(1, batchSize)
    var lossSum: Double = 0
    var predicted: [Int] = []
    var outputs: [Float] = []
    var outputWidth = 0
    let labels: [Int]?
    if case .classes(let all) = set.targets {
      labels = all
      predicted.reserveCapacity(set.count)
    } else {
      labels = nil
    }
    var start = 0
    while start < set.count {
      let end = min(start + chunk, set.count)
      let x = (start == 0 && end == set.count) ? set.features : set.features.rows(start..<end)
      let targets = set.targets.gathered(start..<end)
      let output = model.forward(x, training: false)
      lossSum += Double(loss.forward(output, targets)) * Double(end - start)
      if labels != nil {
        predicted.append(contentsOf: predictedClasses(output))
      } else {
        outputWidth = output.columnsPerRow
        outputs.append(contentsOf: output.scalars)
      }
      start = end
    }
    let count = set.count
    var evaluation = Evaluation(count: count, loss: count == 0 ? .nan : lossSum / Double(count))
    if let labels {
      let correct = zip(predicted, labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
      evaluation.accuracy = count == 0 ? nil : Double(correct) / Double(count)
      evaluation.predictedClasses = predicted
      evaluation.labels = labels
    } else {
      evaluation.outputs = Tensor(shape: [count, outputWidth], scalars: outputs)
    }
    return evaluation
  }

  /// The predicted class of each row of `output` (`[batch, classes]`): the argmax (first on
  /// ties; NaN never wins), or for a single column `output > binaryThreshold`.
  func predictedClasses(_ output: Tensor) -> [Int] {
    let rows = output.rows
    let width = output.columnsPerRow
    let threshold = configuration.binaryThreshold
    return output.scalars.withUnsafeBufferPointer { y in
      (0..<rows).map { row in
        let base = row * width
        if width == 1 { return y[base] > threshold ? 1 : 0 }
        var best = 0
        var bestValue = -Float.infinity
        for j in 0..<width where y[base + j] > bestValue {
          best = j
          bestValue = y[base + j]
        }
        return best
      }
    }
  }

  /// How many rows of `output` predict their class label.
  func correctCount(_ output: Tensor, _ targets: Targets) -> Int {
    guard case .classes(let labels) = targets else { return 0 }
    return zip(predictedClasses(output), labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
  }
}
