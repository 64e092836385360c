import Testing

@testable import DLTopMonitor

struct JSONLinesParserTests {
  static let log = """
    {"epoch": 0, "loss": 1.5, "val_loss": 1.4, "acc": 0.5}
    {"epoch": 1, "loss": NaN, "val_loss": Infinity, "acc": 0.6}
    {"epoch": 2, "loss": -Infinity, "val_loss": "NaN", "acc": 0.6, "note": "ok", "flag": true}
    {"step": 300, "epoch": 2, "train_loss": 0.7, "lr-Adam": 0.001}
    {"epoch": 3, "train": {"loss": 0.4}, "validation": {"loss": 0.5, "accuracy": 0.8}}

    """

  @Test func bareNaNAndInfinityTokensAreNumbers() {
    var parser = JSONLinesParser(path: "log.jsonl")
    let epochs = (parser.feed(Array(Self.log.utf8)[...]) + parser.finish()).epochRecords
    #expect(epochs[1].loss?.isNaN == true)
    #expect(epochs[1].validationLoss == .infinity)
    #expect(epochs[2].loss == -.infinity)
    #expect(epochs[2].validationLoss?.isNaN == true)
    #expect(epochs[2].metrics.keys.sorted() == ["accuracy", "loss", "val_loss"])
  }

  @Test func stepObjectsAndNestedObjectsAreMapped() {
    var parser = JSONLinesParser(path: "log.jsonl")
    let items = parser.feed(Array(Self.log.utf8)[...]) + parser.finish()
    #expect(items.contains(.step(step: 300, epoch: 2, metrics: ["loss": 0.7, "lr": 0.001])))
    let last = try! #require(items.epochRecords.last)
    #expect(last.epoch == 3)
    #expect(last.metrics == ["loss": 0.4, "val_loss": 0.5, "val_accuracy": 0.8])
  }

  @Test func splittingTheFileAtEveryByteGivesTheSameItems() {
    let result = feedSplitEverywhere(Self.log) { JSONLinesParser(path: "log.jsonl") }
    #expect(result.items.epochRecords.count == 4)
    #expect(result.allSplitsAgree)
  }

  @Test func objectsWithoutAnEpochAreNumberedFromOne() {
    var parser = JSONLinesParser(path: "log.jsonl")
    let items = parser.feed(Array("{\"loss\": 1}\n{\"loss\": 0.5}\n".utf8)[...])
    #expect(items.epochRecords.map(\.epoch) == [1, 2])
  }

  @Test func aBrokenLineIsAnIssueWithLineAndColumn() {
    var parser = JSONLinesParser(path: "log.jsonl")
    let items = parser.feed(
      Array("{\"epoch\": 0, \"loss\": 1}\n{\"epoch\": 1, \"loss\" 2}\n{\"epoch\": 2}\n".utf8)[...])
    #expect(items.epochRecords.map(\.epoch) == [0, 2])
    let issue = try! #require(items.issues.first)
    #expect(issue.line == 2)
    #expect(issue.description == "log.jsonl:2: column 21: expected ':'")
  }

  @Test func unicodeEscapesAndNestedArraysParse() throws {
    let value = try JSONValue.parse(
      #"{"a": "\u00e9\ud83d\ude00", "b": [1, [2, null]], "c": -1.5e3}"#)
    #expect(value["a"] == .string("é😀"))
    #expect(value["b"] == .array([.number(1), .array([.number(2), .null])]))
    #expect(value["c"] == .number(-1500))
  }
}
