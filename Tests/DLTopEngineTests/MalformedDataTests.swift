import Foundation
import Testing

@testable import DLTopEngine

/// Issue 15's bad data files (Fixtures/malformed, made by make_malformed.sh from real data): each
/// gives a short error that names the real problem, or is read correctly.
struct MalformedDataTests {
  private func loadError(_ name: String, options: CSVOptions = CSVOptions()) -> DataFileError? {
    do {
      _ = try CSVLoader.load(path: fixturePath("malformed/\(name)"), options: options)
      return nil
    } catch {
      return error as? DataFileError
    }
  }

  private func idxError(_ folder: String) -> String? {
    do {
      _ = try DatasetLoader.load(
        name: fixturePath("malformed/\(folder)"), split: try SplitSpec.parse("80:20"), seed: 1)
      return nil
    } catch {
      return "\(error)"
    }
  }

  @Test func semicolonAndTabSeparatedFilesAreDetected() throws {
    for name in ["semicolon.csv", "tab.csv"] {
      let data = try CSVLoader.load(path: fixturePath("malformed/\(name)"))
      #expect(
        data.featureNames == [
          "sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm",
        ])
      #expect(data.set.count == 30)
      #expect(data.task.classNames == ["setosa", "versicolor", "virginica"])
    }
  }

  @Test func commaStaysTheSeparatorWhenCellsHoldSemicolons() throws {
    let data = try CSVLoader.parse(Array("a,b,label\n1,2,\"x;y\"\n3,4,z\n".utf8), path: "m.csv")
    #expect(data.featureNames == ["a", "b"])
    #expect(data.task.classNames == ["x;y", "z"])
  }

  @Test func aFileWithOnlyTheLabelColumnSaysSoInsteadOfCrashing() {
    let error = loadError("label-only.csv")
    #expect(error?.kind == .noFeatureColumns(delimiterHint: nil))
    #expect(error?.description.contains("no feature columns") == true)
  }

  @Test func anUnknownDelimiterIsNamedAsTheLikelyCause() {
    let error = loadError("pipe.csv")
    #expect(error?.kind == .noFeatureColumns(delimiterHint: "|"))
    #expect(error?.description.contains("is the delimiter '|'?") == true)
  }

  @Test func utf16AndBinaryFilesNameTheEncoding() throws {
    let utf16 = try #require(loadError("utf16.csv"))
    #expect(utf16.description.contains("UTF-16 little-endian"))
    #expect(!utf16.description.contains("\0"))
    let garbage = try #require(loadError("garbage.csv"))
    #expect(garbage.description.contains("not a UTF-8 text CSV"))
    // The message past the file's path (which is as long as the checkout's folder) stays short.
    #expect(garbage.description.count - garbage.path.count < 200)
  }

  @Test func aHugeHeaderNameIsShortenedInMessages() throws {
    let error = try #require(loadError("long-header.csv", options: CSVOptions(labelColumn: "nope")))
    #expect(error.description.count - error.path.count < 300)
    #expect(error.description.contains("…"))
  }

  @Test func idxLabelsOutsideTheClassesAreRefused() throws {
    let message = try #require(idxError("idx-label-200"))
    #expect(message.contains("train-labels-idx1-ubyte"))
    #expect(message.contains("label[7] = 200"))
    #expect(message.contains("no sample"))
  }

  @Test func idxLabelsOfOneClassAreRefusedAsForCSV() throws {
    let message = try #require(idxError("idx-labels-all-0"))
    #expect(message.contains("classification needs at least two classes"))
  }

  @Test func idxImagesOfZeroPixelsNameTheHeaderField() throws {
    let message = try #require(idxError("idx-zero-size"))
    #expect(message.contains("column 'rows'"))
    #expect(message.contains("0x0 pixels"))
  }

  @Test func idxHeadersWhoseSizeOverflowsAreATruncationNotACrash() throws {
    let message = try #require(idxError("idx-huge-header"))
    #expect(message.contains("count=4294967295"))
    #expect(message.contains("truncated or wrong file"))
  }

  @Test func aTruncatedGzipIsReadIntoABufferSizedByItsData() throws {
    // The last four bytes of a cut gzip stream are arbitrary; here they claim 4 GB (ISIZE).
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID()).gz")
      .path
    let source = try #require(
      FileManager.default.contents(
        atPath: "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz"))
    var cut = [UInt8](source.prefix(source.count / 2))
    cut += [0xFF, 0xFF, 0xFF, 0xFF]
    FileManager.default.createFile(atPath: path, contents: Data(cut))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: DataFileError.self) { try IDXLoader.loadLabels(path: path) }
    do {
      _ = try IDXLoader.loadLabels(path: path)
    } catch {
      #expect("\(error)".contains("ends early") || "\(error)".contains("truncated"))
    }
  }

  @Test func skippedRowsAreCountedWithTheirLineNumbers() throws {
    var text = "a,b,label\n"
    for row in 1...12 {
      text += row % 2 == 0 ? "x,\(row),p\n" : "\(row),\(row),\(row % 3 == 0 ? "p" : "q")\n"
    }
    let data = try CSVLoader.parse(
      Array(text.utf8), path: "noisy.csv", options: CSVOptions(skipBadRows: true))
    #expect(data.skippedRows == 6)
    #expect(data.set.count == 6)
    let note = try #require(data.notes.first { $0.hasPrefix("skipped") })
    #expect(
      note.contains("skipped 6 bad rows of noisy.csv (lines 3, 5, 7, 9, 11, …; first: noisy.csv:3"))
  }
}
