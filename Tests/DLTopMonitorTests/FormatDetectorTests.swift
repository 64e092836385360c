import Testing

@testable import DLTopMonitor

struct FormatDetectorTests {
  @Test func eachFixtureIsDetectedFromItsContent() {
    let cases: [(String, LogFormat)] = [
      (WatchFixtures.string("tbx", "file") ?? "", .tensorBoard),
      (WatchFixtures.eventFile(in: "keras_tb/train"), .tensorBoard),
      ("lightning_logs/version_0/metrics.csv", .lightningCSV),
      ("keras_csv/training.csv", .kerasCSV),
    ]
    for (file, format) in cases {
      #expect(FormatDetector.detect(path: WatchFixtures.path(file)) == format, "\(file)")
    }
  }

  @Test func anEventFileIsRecognizedByItsBytesUnderAnyName() {
    let bytes = WatchFixtures.bytes(WatchFixtures.string("tf2", "file") ?? "")
    #expect(FormatDetector.detect(path: "renamed.bin", head: bytes.prefix(4096)) == .tensorBoard)
  }

  @Test func textFormatsAreToldApartByTheirFirstLine() {
    func detect(_ text: String, _ name: String = "log.txt") -> LogFormat? {
      FormatDetector.detect(path: name, head: Array(text.utf8)[...])
    }
    #expect(detect("{\"type\":\"header\",\"version\":1}\n") == .dltopRunLog)
    #expect(detect("{\"epoch\":0,\"loss\":1.5}\n") == .jsonLines)
    #expect(detect("epoch,step,train_loss_step\n") == .lightningCSV)
    #expect(detect("step,val_loss\n", "metrics.csv") == .lightningCSV)
    #expect(detect("epoch,loss,val_loss\n", "log.csv") == .kerasCSV)
    #expect(detect("", "metrics.csv") == nil, "an empty file is not decided yet")
    #expect(
      detect("{\"epoch\":0,", "log.jsonl") == nil, "a half-written first line is not decided yet")
  }
}
