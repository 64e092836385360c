import Testing

@testable import DLTopMonitor

struct KerasCSVParserTests {
  static let log = """
    epoch,accuracy,loss,val_accuracy,val_loss,learning_rate
    0,0.61,1.25,0.70,0.95,0.001
    1,0.74,0.80,0.76,0.70,0.001
    2,0.80,nan,0.77,inf,0.0005
    3,0.81,NaN,0.10,-inf,0.0005

    """

  @Test func rowsBecomeEpochsCountedFromZeroWithCanonicalNames() {
    var parser = KerasCSVParser(path: "log.csv")
    let items = parser.feed(Array(Self.log.utf8)[...]) + parser.finish()
    let epochs = items.epochRecords
    #expect(epochs.map(\.epoch) == [0, 1, 2, 3])
    #expect(
      epochs[0].metrics == [
        "accuracy": 0.61, "loss": 1.25, "val_accuracy": 0.70, "val_loss": 0.95, "lr": 0.001,
      ])
    #expect(items.issues.isEmpty)
  }

  @Test func nonFiniteCellsAreKeptAsData() {
    var parser = KerasCSVParser(path: "log.csv")
    let epochs = (parser.feed(Array(Self.log.utf8)[...]) + parser.finish()).epochRecords
    #expect(epochs[2].loss?.isNaN == true)
    #expect(epochs[2].validationLoss == .infinity)
    #expect(epochs[3].loss?.isNaN == true)
    #expect(epochs[3].validationLoss == -.infinity)
  }

  @Test func splittingTheFileAtEveryByteGivesTheSameItems() {
    let result = feedSplitEverywhere(Self.log) { KerasCSVParser(path: "log.csv") }
    #expect(result.items.epochRecords.count == 4)
    #expect(result.allSplitsAgree)
  }

  @Test func aLastLineWithoutNewlineIsParsedOnlyAtFinish() {
    var parser = KerasCSVParser(path: "log.csv")
    let first = parser.feed(Array("epoch,loss\n0,1.0\n1,0.5".utf8)[...])
    #expect(first.epochRecords.map(\.epoch) == [0])
    #expect(parser.finish().epochRecords.map(\.epoch) == [1])
  }

  @Test func aMalformedCellIsAnIssueNamingFileLineAndColumnAndParsingGoesOn() {
    let text = "epoch,loss,val_loss\n0,1.0,1.1\n1,0.9,oops\n2,0.8,0.9\n"
    var parser = KerasCSVParser(path: "runs/log.csv")
    let items = parser.feed(Array(text.utf8)[...]) + parser.finish()
    #expect(items.epochRecords.map(\.epoch) == [0, 2])
    let issue = try! #require(items.issues.first)
    #expect(issue.path == "runs/log.csv")
    #expect(issue.line == 3)
    #expect(issue.field == "val_loss")
    #expect(
      issue.description == "runs/log.csv:3: field 'val_loss': column 3: 'oops' is not a number")
  }

  @Test func aRowWithTheWrongCellCountIsAnIssue() {
    var parser = KerasCSVParser(path: "log.csv")
    let items = parser.feed(Array("epoch,loss\n0,1.0,7\n".utf8)[...])
    #expect(items.issues.first?.line == 2)
    #expect(items.epochRecords.isEmpty)
  }

  @Test func emptyAndNACellsMeanNotLogged() {
    var parser = KerasCSVParser(path: "log.csv")
    let items = parser.feed(Array("epoch,loss,val_loss\n0,1.0,\n1,0.9,NA\n".utf8)[...])
    #expect(items.epochRecords.map(\.metrics) == [["loss": 1.0], ["loss": 0.9]])
    #expect(items.issues.isEmpty)
  }

  @Test func quotedCellsAndCRLFLineEndingsAreRead() {
    var parser = KerasCSVParser(path: "log.csv")
    let items = parser.feed(Array("epoch,\"loss\"\r\n0,\"0.5\"\r\n".utf8)[...])
    #expect(items.epochRecords.first?.metrics == ["loss": 0.5])
  }
}
