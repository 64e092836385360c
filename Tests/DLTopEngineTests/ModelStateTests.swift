import Testing

@testable import DLTopEngine

/// Named tensors of a model: parameters and BatchNorm's running statistics, saved and loaded by
/// name, and kept with the best weights.
struct ModelStateTests {
  func model(seed: UInt64) throws -> Sequential {
    try ModelBuilder.build(
      spec: try ModelSpec.parse("mlp:8"), inputShape: [4], outputs: 3, batchNorm: true, seed: seed)
  }

  @Test func namedTensorsIncludeBatchNormRunningStatistics() throws {
    let names = try model(seed: 1).namedTensors.map(\.name)
    #expect(names.contains { $0.hasSuffix(".running_mean") })
    #expect(names.contains { $0.hasSuffix(".running_variance") })
    #expect(try model(seed: 1).namedTensors.filter { !$0.isParameter }.count == 2)
  }

  @Test func loadingAnotherModelsTensorsMakesItsOutputsEqual() throws {
    let source = try model(seed: 1)
    let x = Tensor(shape: [5, 4], scalars: (0..<20).map { Float($0) / 7 - 1 })
    _ = source.forward(x, training: true)  // moves the running statistics
    let target = try model(seed: 2)
    #expect(target.forward(x, training: false) != source.forward(x, training: false))
    try target.load(source.namedTensors)
    #expect(target.forward(x, training: false) == source.forward(x, training: false))
  }

  @Test func aShapeMismatchIsRefusedAndNamesTheTensor() throws {
    let target = try model(seed: 1)
    var tensors = target.namedTensors
    tensors[0].tensor = Tensor(zeros: [1, 1])
    #expect(throws: ModelStateError.self) { try target.load(tensors) }
    do {
      try target.load(tensors)
    } catch {
      #expect(error.message.contains(tensors[0].name))
    }
  }

  @Test func restoringTheBestWeightsRestoresTheirRunningStatistics() throws {
    let net = try model(seed: 3)
    let data = LabeledSet(
      features: Tensor(shape: [6, 4], scalars: (0..<24).map { Float($0 % 5) }),
      targets: .classes([0, 1, 2, 0, 1, 2]))
    let trainer = Trainer(
      model: net, loss: SoftmaxCrossEntropy(), optimizer: SGD(), schedule: ConstantRate(rate: 0.1),
      configuration: TrainerConfiguration(batchSize: .samples(3), epochs: 3, seed: 1), train: data)
    while trainer.trainBatch() != nil {}
    _ = trainer.finishEpoch()
    trainer.saveBestWeights()
    let saved = net.inferenceState()
    while trainer.trainBatch() != nil {}
    _ = trainer.finishEpoch()
    #expect(net.inferenceState() != saved)
    trainer.restoreBestWeights()
    #expect(net.inferenceState() == saved)
  }
}
