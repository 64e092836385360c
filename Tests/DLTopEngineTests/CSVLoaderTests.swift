import Foundation
import Testing

@testable import DLTopEngine

/// A fixture file next to this test file (located from `#filePath`).
func fixturePath(_ name: String, filePath: String = #filePath) -> String {
  URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(
    "Fixtures/\(name)"
  ).path
}

struct CSVLoaderTests {
  private func parse(_ text: String, _ options: CSVOptions = CSVOptions()) throws -> CSVData {
    try CSVLoader.parse(Array(text.utf8), path: "mem.csv", options: options)
  }

  @Test func stringLabelsBecomeSortedClassNames() throws {
    let data = try parse("x,y,kind\n1,2,dog\n3,4,cat\n5,6,dog\n")
    #expect(data.task == .classification(classNames: ["cat", "dog"]))
    #expect(data.set.targets == .classes([1, 0, 1]))
    #expect(data.set.features == Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6]))
    #expect(data.featureNames == ["x", "y"])
  }

  @Test func labelColumnByNameOrIndex() throws {
    let text = "kind,x,y\ncat,1,2\ndog,3,4\n"
    let byName = try parse(text, CSVOptions(labelColumn: "kind"))
    let byIndex = try parse(text, CSVOptions(labelColumn: "0"))
    #expect(byName.set == byIndex.set)
    #expect(byName.featureNames == ["x", "y"])
    #expect(byName.set.features.scalars == [1, 2, 3, 4])
  }

  @Test func numericLabelsSortNumericallyForClassification() throws {
    let data = try parse("a,digit\n0,10\n1,2\n2,10\n", CSVOptions(labelKind: .classification))
    #expect(data.task.classNames == ["2", "10"])
    #expect(data.set.targets == .classes([1, 0, 1]))
  }

  @Test func realLabelsGiveRegressionTargets() throws {
    let data = try parse("a,close\n1,831.66\n2,828.07\n")
    #expect(data.task == .regression(outputs: 1))
    #expect(data.set.targets == .values(Tensor(shape: [2, 1], scalars: [831.66, 828.07])))
    #expect(data.notes.contains { $0.contains("regression") })
  }

  @Test func shapeReshapesRowsIntoImages() throws {
    let data = try parse("p0,p1,p2,p3,label\n0,1,2,3,a\n4,5,6,7,b\n", CSVOptions(shape: [2, 2, 1]))
    #expect(data.set.features.shape == [2, 2, 2, 1])
    #expect(CSVOptions.parseShape("28x28x1") == [28, 28, 1])
    #expect(CSVOptions.parseShape("8x8") == [8, 8, 1])
    #expect(CSVOptions.parseShape("8x-8") == nil)
  }

  @Test func quotedCellsBlankLinesAndCRLFAreHandled() throws {
    let data = try parse("\"a\",b,label\r\n\"1\",2,\"x, y\"\r\n\r\n3,4,z\r\n")
    #expect(data.task.classNames == ["x, y", "z"])
    #expect(data.set.count == 2)
  }

  @Test func skipBadRowsReportsTheCount() throws {
    let data = try CSVLoader.load(
      path: fixturePath("bad-csv/nan.csv"), options: CSVOptions(skipBadRows: true))
    #expect(data.skippedRows == 1)
    #expect(data.set.count == 2)
    #expect(data.notes.contains { $0.contains("skipped 1 bad row") && $0.contains("nan.csv:4") })
  }

  /// Each bad fixture, the options to load it with, and the line and column its error must name.
  static let badFixtures: [(String, String?, Int, String)] = [
    ("non-numeric.csv", nil, 3, "b"),
    ("ragged-row.csv", nil, 3, "label"),
    ("ragged-extra.csv", nil, 3, "(cell 4, beyond the header)"),
    ("empty.csv", nil, 1, "(header)"),
    ("header-only.csv", nil, 2, "label"),
    ("one-class.csv", nil, 2, "label"),
    ("nan.csv", nil, 4, "a"),
    ("inf.csv", nil, 3, "b"),
    ("label-missing.csv", "diagnosis", 1, "diagnosis"),
    ("empty-label.csv", nil, 3, "label"),
  ]

  @Test(arguments: badFixtures)
  func malformedFileErrorNamesFileLineAndColumn(fixture: (String, String?, Int, String)) throws {
    let (file, labelColumn, line, column) = fixture
    let path = fixturePath("bad-csv/" + file)
    let error = #expect(throws: DataFileError.self) {
      try CSVLoader.load(path: path, options: CSVOptions(labelColumn: labelColumn))
    }
    #expect(error?.path == path)
    #expect(error?.line == line)
    #expect(error?.column == column)
    let message = error.map(String.init(describing:)) ?? ""
    #expect(message.hasPrefix("\(path):\(line): column '\(column)': "), "\(message)")
  }

  @Test func badShapeNamesTheShapeAndFeatureCount() {
    let error = #expect(throws: DataFileError.self) {
      try parse("a,b,c,label\n1,2,3,x\n4,5,6,y\n", CSVOptions(shape: [2, 2, 1]))
    }
    #expect(
      error?.description
        == "mem.csv:1: column '(shape)': shape 2x2x1 does not match the 3 feature columns")
  }
}
