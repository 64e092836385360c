import Foundation
import Testing

@testable import DLTopMonitor

struct SnapshotExporterTests {
  static func sampleSnapshot(status: RunStatus) -> TrainingSnapshot {
    let run = RunDescription(
      name: "iris mlp:16 adam", source: "dltop", dataset: "iris", model: "mlp:16",
      optimizer: "adam",
      classNames: ["setosa", "versicolor", "virginica"],
      configuration: [
        .init("lr", "0.01"), .init("batch", "16"), .init("seed", "42"), .init("split", "120/30"),
      ],
      controllable: true)
    var snapshot = TrainingSnapshot(run: run)
    snapshot.status = status
    snapshot.progress.epoch = 3
    snapshot.progress.totalEpochs = 50
    snapshot.epochs = [
      EpochRecord(
        epoch: 1,
        metrics: [
          "loss": 1.1, "accuracy": 0.5, "val_loss": 1.0, "val_accuracy": 0.55, "lr": 0.01,
          "grad_norm": 3,
        ], seconds: 0.2),
      EpochRecord(
        epoch: 2,
        metrics: ["loss": 0.7, "accuracy": 0.8, "val_loss": 0.75, "val_accuracy": 0.8, "lr": 0.01],
        seconds: 0.2),
      EpochRecord(epoch: 3, metrics: ["loss": .nan, "val_loss": .infinity, "lr": 0.005]),
    ]
    for i in 0..<10 { snapshot.batchLoss.append(1 / Double(i + 1)) }
    snapshot.confusions = [
      ConfusionRecord(epoch: 1, counts: [[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
      ConfusionRecord(epoch: 2, counts: [[10, 0, 0], [0, 8, 2], [0, 4, 6]]),
    ]
    snapshot.earlyStopping = EarlyStoppingStatus(
      enabled: true, monitor: "val_loss", patience: 20, wait: 1, bestEpoch: 2, bestValue: 0.75)
    snapshot.verdicts = [
      Verdict(
        kind: .divergence, onsetEpoch: 3, confidence: 1, evidence: "loss became NaN at epoch 3",
        advice: Advice.text(for: .divergence))
    ]
    return snapshot
  }

  let now = Date(timeIntervalSince1970: 1_800_000_000)

  @Test(arguments: [RunStatus.running, .paused])
  func everyFileMatchesTheRunItCameFrom(status: RunStatus) throws {
    let parent = TemporaryDirectory()
    defer { parent.remove() }
    let snapshot = Self.sampleSnapshot(status: status)
    let screen = "┌ dltop ─ iris ┐\n│ loss ⣀⣤⣶ 0.70 │\n└──────────────┘\n"
    let folder = try SnapshotExporter.export(
      snapshot: snapshot, screenText: screen, into: parent.path, now: now)
    #expect(
      (folder as NSString).lastPathComponent
        == SnapshotExporter.folderName(snapshot: snapshot, now: now))
    #expect((folder as NSString).lastPathComponent.hasSuffix("-epoch3"))
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(
      files == [
        "batches.csv", "config.txt", "confusion.txt", "diagnosis.txt", "metrics.csv", "screen.txt",
      ])
    func read(_ name: String) -> String {
      String(
        decoding: FileManager.default.contents(atPath: folder + "/" + name) ?? Data(), as: UTF8.self
      )
    }
    #expect(read("screen.txt") == screen)

    let metrics = read("metrics.csv")
    #expect(
      metrics.hasPrefix(
        "epoch,loss,accuracy,val_loss,val_accuracy,lr,grad_norm,seconds\n1,1.1,0.5,1.0,0.55,0.01,3.0,0.2\n"
      ))
    var parser = KerasCSVParser(path: "metrics.csv")
    let back = (parser.feed(Array(metrics.utf8)[...]) + parser.finish()).epochRecords
    #expect(back.map(\.epoch) == [1, 2, 3])
    #expect(back[1].metrics == snapshot.epochs[1].metrics.merging(["seconds": 0.2]) { a, _ in a })
    #expect(back[2].loss?.isNaN == true && back[2].validationLoss == .infinity)

    let batches = read("batches.csv").split(separator: "\n")
    #expect(batches.first == "first_step,count,min,mean,max")
    #expect(batches.count == 1 + snapshot.batchLoss.buckets.count)
    #expect(batches[1] == "0,1,1.0,1.0,1.0")

    let confusion = read("confusion.txt")
    #expect(confusion.contains("confusion matrix at epoch 2"))
    #expect(confusion.contains("versicolor"))
    // versicolor: precision 8/12, recall 8/10, F1 = 2·(2/3)(4/5)/(2/3+4/5) = 0.7273
    #expect(confusion.contains("versicolor      0.6667    0.8000    0.7273        10"))
    #expect(confusion.contains("macro avg"))
    #expect(confusion.contains("weighted avg"))

    let diagnosis = read("diagnosis.txt")
    #expect(diagnosis.hasPrefix("verdict: divergence\nstatus: \(status.label)\n"))
    #expect(diagnosis.contains("loss became NaN at epoch 3"))
    #expect(diagnosis.contains("lower the learning rate"))
    #expect(diagnosis.contains("patience 1/20"))
    #expect(diagnosis.contains("best epoch 2 (val_loss 0.75)"))

    let config = read("config.txt")
    for pair in snapshot.run.configuration {
      #expect(config.contains("\(pair.key): \(pair.value)\n"))
    }
    #expect(config.contains("dataset: iris\n"))
    #expect(config.contains("status: \(status.label)\n"))
    #expect(config.contains("epoch: 3/50\n"))
  }

  @Test func aSecondSnapshotInTheSameSecondGetsANewFolderAndTheFirstIsUntouched() throws {
    let parent = TemporaryDirectory()
    defer { parent.remove() }
    let snapshot = Self.sampleSnapshot(status: .running)
    let first = try SnapshotExporter.export(
      snapshot: snapshot, screenText: "one", into: parent.path, now: now)
    let second = try SnapshotExporter.export(
      snapshot: snapshot, screenText: "two", into: parent.path, now: now)
    let third = try SnapshotExporter.export(
      snapshot: snapshot, screenText: "three", into: parent.path, now: now)
    #expect(second == first + "-2")
    #expect(third == first + "-3")
    #expect(FileManager.default.contents(atPath: first + "/screen.txt") == Data("one".utf8))
  }

  @Test func aParentUnderARegularFileFailsClearlyAndWritesNothing() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    _ = FileManager.default.createFile(atPath: folder.file("somefile"), contents: Data("x".utf8))
    #expect(throws: SnapshotExportError.self) {
      try SnapshotExporter.export(
        snapshot: Self.sampleSnapshot(status: .running), screenText: "s",
        into: folder.file("somefile/sub"), now: now)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["somefile"])
  }

  @Test func aReadOnlyParentFailsWithAMessageAndWritesNothing() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    let parent = folder.file("readonly")
    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: false)
    chmod(parent, 0o555)
    if getuid() == 0 {
      // root ignores permission bits: the read-only case cannot be shown; the file case above covers failure.
      let path = try SnapshotExporter.export(
        snapshot: Self.sampleSnapshot(status: .running), screenText: "s", into: parent, now: now)
      #expect(path.hasPrefix(parent))
      return
    }
    do {
      _ = try SnapshotExporter.export(
        snapshot: Self.sampleSnapshot(status: .running), screenText: "s", into: parent, now: now)
      Issue.record("expected the export to fail")
    } catch {
      #expect(error.description.hasPrefix("snapshot not saved: \(parent): "))
      #expect(error.description.contains("ermission"))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent).isEmpty)
  }

  @Test func escapeSequencesNeverReachScreenText() {
    #expect(
      SnapshotFiles.plainText("\u{1B}[1;31mloss\u{1B}[0m 0.5\u{1B}]0;title\u{07}!") == "loss 0.5!")
    #expect(SnapshotFiles.plainText("⣀⣤ plain") == "⣀⣤ plain")
  }

  @Test func aRunWithoutConfusionSaysSo() {
    #expect(SnapshotFiles.confusionText(nil, classNames: nil).hasPrefix("no confusion matrix"))
  }
}
