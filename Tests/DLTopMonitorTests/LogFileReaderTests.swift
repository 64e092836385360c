import Foundation
import Testing

@testable import DLTopMonitor

struct LogFileReaderTests {
  static let runLog = """
    {"type":"header","version":1,"config":{"dataset":"iris","lr":"0.01"},"started":"2026-11-22T05:00:00Z","classes":["a","b"]}
    {"type":"batch","step":0,"epoch":1,"loss":1.2,"lr":0.01}
    {"type":"epoch","epoch":1,"metrics":{"loss":1.0,"val_loss":NaN},"seconds":0.5}
    {"type":"event","kind":"schedule","epoch":1,"elapsed":0.6,"text":"lr 0.01 → 0.005"}
    {"type":"epoch","epoch":2,"metrics":{"loss":0.8,"val_loss":-Infinity}}

    """

  @Test func formatsAreDetectedByContentAndName() {
    func detect(_ path: String, _ head: String) -> LogFormat? {
      LogFileReader.detectFormat(path: path, head: Array(head.utf8)[...])
    }
    #expect(detect("x.log", #"{"type":"header","version":1}"#) == .dltopRunLog)
    #expect(detect("x.log", #"{"epoch": 0, "loss": 1}"#) == .jsonLines)
    #expect(detect("training.log", "epoch,loss,val_loss\n0,1,1\n") == .kerasCSV)
    #expect(detect("history.csv", "loss;val_loss\n1;1\n") == .kerasCSV)
    #expect(detect("empty.jsonl", "") == .jsonLines)
    #expect(detect("metrics.csv", "epoch,step,train_loss\n0,10,1\n") == nil)
    #expect(detect("notes.txt", "hello world\n") == nil)
  }

  @Test func theRunLogParserKeepsItsPieces() {
    let result = feedSplitEverywhere(Self.runLog) { DltopRunLogParser(path: "run.jsonl") }
    #expect(result.allSplitsAgree)
    #expect(result.items.first == .configuration([.init("dataset", "iris"), .init("lr", "0.01")]))
    #expect(result.items.contains(.step(step: 0, epoch: 1, metrics: ["loss": 1.2, "lr": 0.01])))
    let epochs = result.items.epochRecords
    #expect(epochs.map(\.epoch) == [1, 2])
    #expect(epochs[0].validationLoss?.isNaN == true)
    #expect(epochs[1].validationLoss == -.infinity)
    var parser = DltopRunLogParser(path: "run.jsonl")
    _ = parser.feed(Array(Self.runLog.utf8)[...])
    #expect(
      parser.events == [
        RunEvent(elapsedSeconds: 0.6, epoch: 1, kind: .schedule, text: "lr 0.01 → 0.005")
      ])
    #expect(parser.classNames == ["a", "b"])
    #expect(parser.started == "2026-11-22T05:00:00Z")
  }

  @Test func aRunLogWithoutHeaderOrWithAnotherVersionIsReported() {
    var parser = DltopRunLogParser(path: "run.jsonl")
    let items = parser.feed(
      Array(#"{"type":"epoch","epoch":1,"metrics":{"loss":1}}"#.utf8 + [0x0A])[...])
    #expect(items.issues.first?.field == "type")
    var other = DltopRunLogParser(path: "run.jsonl")
    let newer = other.feed(Array(#"{"type":"header","version":2,"config":{}}"#.utf8 + [0x0A])[...])
    #expect(
      newer.issues.first?.description
        == "run.jsonl:1: field 'version': run log version 2 is not supported (this dltop reads version 1)"
    )
    var strange = DltopRunLogParser(path: "run.jsonl")
    let unknown = strange.feed(
      Array((#"{"type":"header","version":1}"# + "\n" + #"{"type":"weird"}"# + "\n").utf8)[...])
    #expect(unknown.issues.first?.line == 2)
  }

  @Test func filesAndRunFoldersAreReadWhole() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    try Self.runLog.write(toFile: folder.file("run.jsonl"), atomically: true, encoding: .utf8)
    let log = try LogFileReader.read(path: folder.path)
    #expect(log.format == .dltopRunLog)
    #expect(log.epochs.count == 2)
    #expect(log.steps.count == 1)
    #expect(log.events.count == 1)
    #expect(log.classNames == ["a", "b"])
    #expect(log.configuration.count == 2)
  }

  @Test func missingAndForeignFilesGiveClearErrors() throws {
    let folder = TemporaryDirectory()
    defer { folder.remove() }
    #expect(
      throws: LogFileReader.ReadError(
        path: folder.file("nope.csv"), message: "no such file or folder")
    ) {
      try LogFileReader.read(path: folder.file("nope.csv"))
    }
    try "just some words\n".write(
      toFile: folder.file("notes.txt"), atomically: true, encoding: .utf8)
    do {
      _ = try LogFileReader.read(path: folder.file("notes.txt"))
      Issue.record("expected an error")
    } catch {
      #expect(error.description.hasPrefix(folder.file("notes.txt") + ": not a log format"))
    }
    do {
      _ = try LogFileReader.read(path: folder.path)
      Issue.record("expected an error")
    } catch {
      #expect(error.message.contains("run.jsonl"))
    }
  }

  @Test func numbersAreWrittenSoTheyReadBack() throws {
    #expect(JSONText.number(1.0) == "1")
    #expect(JSONText.number(0.1) == "0.1")
    #expect(JSONText.number(-.infinity) == "-Infinity")
    #expect(JSONText.number(nil as Double?) == "null")
    #expect(JSONText.string("a\"b\\c\n\u{1}") == #""a\"b\\c\n\u0001""#)
    for value in [1e-300, 123_456_789.125, -0.5, 3e20] {
      #expect(try JSONValue.parse(JSONText.number(value)) == .number(value))
    }
  }
}
