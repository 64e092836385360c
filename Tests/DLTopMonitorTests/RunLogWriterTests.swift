import Foundation
import Testing

@testable import DLTopMonitor

struct RunLogWriterTests {
  let run = RunDescription(
    name: "iris mlp:16 adam", source: "dltop", dataset: "iris", model: "mlp:16", optimizer: "adam",
    classNames: ["setosa", "versicolor", "virginica"],
    configuration: [.init("lr", "0.001"), .init("batch", "32"), .init("seed", "7")],
    controllable: true)
  let started = Date(timeIntervalSince1970: 1_800_000_000)

  @Test func everyFinishedEpochIsOnDiskBeforeTheWriterCloses() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let writer = try RunLogWriter(
      directory: folder.path, run: run, started: started, batchStride: 2)
    for epoch in 1...3 {
      for step in (epoch - 1) * 4..<epoch * 4 {
        writer.writeBatch(step: step, epoch: epoch, loss: 1 / Double(step + 1), learningRate: 0.001)
      }
      try writer.writeEpoch(
        EpochRecord(
          epoch: epoch, metrics: ["loss": 1 / Double(epoch), "val_loss": 1.1 / Double(epoch)],
          seconds: 0.5))
      let log = try LogFileReader.read(path: folder.path)
      #expect(log.format == .dltopRunLog)
      #expect(log.epochs.map(\.epoch) == Array(1...epoch))
      #expect(log.steps.count == epoch * 2)
    }
    writer.writeBatch(step: 12, epoch: 4, loss: 0.1, learningRate: 0.001)
    #expect(try LogFileReader.read(path: writer.logPath).steps.count == 6)
  }

  @Test func theLogReadsBackWithHeaderMetricsEventsAndNonFiniteValues() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let writer = try RunLogWriter(directory: folder.path, run: run, started: started)
    try writer.writeEpoch(
      EpochRecord(epoch: 1, metrics: ["loss": 0.5, "accuracy": 0.8, "grad_norm": 2], seconds: 1.25))
    try writer.writeEvent(
      RunEvent(elapsedSeconds: 3.5, epoch: 1, kind: .earlyStop, text: "stop \"now\""))
    try writer.writeEpoch(
      EpochRecord(epoch: 2, metrics: ["loss": .nan, "val_loss": .infinity, "lr": -.infinity]))
    try writer.close()

    let text = try #require(folder.contents("run.jsonl"))
    let lines = text.split(separator: "\n")
    #expect(
      lines[0]
        == #"{"type":"header","version":1,"config":{"name":"iris mlp:16 adam","source":"dltop","dataset":"iris","model":"mlp:16","optimizer":"adam","lr":"0.001","batch":"32","seed":"7"},"started":"2027-01-15T08:00:00Z","classes":["setosa","versicolor","virginica"]}"#
    )
    #expect(
      lines[1]
        == #"{"type":"epoch","epoch":1,"metrics":{"loss":0.5,"accuracy":0.8,"grad_norm":2},"seconds":1.25}"#
    )
    #expect(
      lines[3]
        == #"{"type":"epoch","epoch":2,"metrics":{"loss":NaN,"val_loss":Infinity,"lr":-Infinity}}"#)

    let log = try LogFileReader.read(path: writer.logPath)
    #expect(log.issues.isEmpty)
    #expect(log.configuration.first == .init("name", "iris mlp:16 adam"))
    #expect(log.configuration.contains(.init("seed", "7")))
    #expect(log.classNames == ["setosa", "versicolor", "virginica"])
    #expect(
      log.epochs[0]
        == EpochRecord(
          epoch: 1, metrics: ["loss": 0.5, "accuracy": 0.8, "grad_norm": 2], seconds: 1.25))
    #expect(log.epochs[1].loss?.isNaN == true)
    #expect(log.epochs[1].validationLoss == .infinity)
    #expect(log.epochs[1].learningRate == -.infinity)
    #expect(
      log.events == [
        RunEvent(elapsedSeconds: 3.5, epoch: 1, kind: .earlyStop, text: "stop \"now\"")
      ])
  }

  @Test func anExistingRunLogIsNeverOverwritten() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    _ = try RunLogWriter(directory: folder.path, run: run, started: started)
    #expect(throws: RunLogError.self) {
      try RunLogWriter(directory: folder.path, run: run, started: started)
    }
  }

  @Test func defaultFoldersAreNamedByDateTimeAndDatasetAndNeverReused() throws {
    let parent = TemporaryDirectory()
    defer { parent.remove() }
    let first = try RunLogWriter(parent: parent.path, run: run, started: started)
    let second = try RunLogWriter(parent: parent.path, run: run, started: started)
    let name = (first.directory as NSString).lastPathComponent
    #expect(name.hasSuffix("-iris"))
    #expect(name.count == "yyyyMMdd-HHmmss-iris".count)
    #expect(second.directory == first.directory + "-2")
  }

  @Test func theBatchStreamStaysBoundedOnHugeEpochs() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let writer = try RunLogWriter(
      directory: folder.path, run: run, started: started, batchStride: 1, maxBatchLinesPerEpoch: 100
    )
    for step in 0..<100_000 { writer.writeBatch(step: step, epoch: 1, loss: 1, learningRate: nil) }
    try writer.writeEpoch(EpochRecord(epoch: 1, metrics: ["loss": 1]))
    let steps = try LogFileReader.read(path: folder.path).steps.count
    #expect(steps < 1_500)
    #expect(writer.batchStride >= 512)
  }

  @Test func bestWeightsAreWrittenWholeAndReplaced() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let writer = try RunLogWriter(directory: folder.path, run: run, started: started)
    let path = try writer.writeBestWeights([1, 2, 3])
    try writer.writeBestWeights([4, 5])
    #expect(FileManager.default.contents(atPath: path) == Data([4, 5]))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasPrefix(".")
    }
    #expect(leftovers.isEmpty)
  }
}
