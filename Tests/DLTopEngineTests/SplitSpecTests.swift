import Testing

@testable import DLTopEngine

struct SplitSpecTests {
  @Test func ratiosPercentsAndCountsParse() throws {
    #expect(try SplitSpec.parse("80:20").parts == [.ratio(80), .ratio(20)])
    #expect(try SplitSpec.parse("70:15:15").parts == [.ratio(70), .ratio(15), .ratio(15)])
    #expect(try SplitSpec.parse("80%:20%").parts == [.percent(80), .percent(20)])
    #expect(try SplitSpec.parse("0.8:0.2").parts == [.ratio(0.8), .ratio(0.2)])
    #expect(try SplitSpec.parse("50000:10000").parts == [.count(50_000), .count(10_000)])
  }

  @Test(arguments: ["80", "80:20:10:5", "a:b", "80%:30%", "0:100", "-1:2", "80%:20"])
  func badSplitsNameTheFlag(text: String) {
    let error = #expect(throws: DataOptionError.self) { try SplitSpec.parse(text) }
    #expect(error?.option == .split)
  }

  @Test func sizesUseEverySampleForRatios() throws {
    #expect(try SplitSpec.parse("80:20").sizes(total: 569) == [455, 114])
    #expect(try SplitSpec.parse("70:15:15").sizes(total: 569) == [398, 86, 85])
    #expect(try SplitSpec.parse("60:20:20").sizes(total: 150) == [90, 30, 30])
    #expect(try SplitSpec.parse("70:15:15").sizes(total: 8) == [6, 1, 1])
  }

  @Test func countsAndPercentsMayLeaveSamplesUnused() throws {
    #expect(try SplitSpec.parse("50000:10000").sizes(total: 60_000) == [50_000, 10_000])
    #expect(try SplitSpec.parse("1000:200").sizes(total: 60_000) == [1000, 200])
    #expect(try SplitSpec.parse("50%:10%").sizes(total: 100) == [50, 10])
  }

  @Test func impossibleSizesAreErrors() {
    #expect(throws: DataOptionError.self) {
      try SplitSpec.parse("50000:20000").sizes(total: 60_000)
    }
    #expect(throws: DataOptionError.self) { try SplitSpec.parse("99:1").sizes(total: 20) }
  }

  @Test func defaultDependsOnAnOfficialTestSplit() {
    #expect(SplitSpec.defaultSpec(hasOwnTestSplit: true).description == "90:10")
    #expect(SplitSpec.defaultSpec(hasOwnTestSplit: false).description == "70:15:15")
  }

  @Test func stratifiedSplitKeepsClassProportionsInEveryPart() {
    // 300 samples: 200 of class 0, 100 of class 1, sorted by class (as files often are).
    let labels = Array(repeating: 0, count: 200) + Array(repeating: 1, count: 100)
    var rng = SeededGenerator(seed: 7)
    let parts = Splitter.split(count: 300, labels: labels, sizes: [210, 45, 45], using: &rng)
    #expect(parts.map(\.count) == [210, 45, 45])
    #expect(Set(parts.joined()).count == 300)
    for part in parts {
      let ones = part.filter { labels[$0] == 1 }.count
      let expected = Double(part.count) / 3
      #expect(abs(Double(ones) - expected) <= 1, "part of \(part.count) has \(ones) of class 1")
    }
  }

  @Test func sameSeedSameSplitOtherSeedOtherSplit() {
    var a = SeededGenerator(seed: 1)
    var b = SeededGenerator(seed: 1)
    var c = SeededGenerator(seed: 2)
    let first = Splitter.split(count: 100, labels: nil, sizes: [80, 20], using: &a)
    #expect(first == Splitter.split(count: 100, labels: nil, sizes: [80, 20], using: &b))
    #expect(first != Splitter.split(count: 100, labels: nil, sizes: [80, 20], using: &c))
    #expect(first[0] != Array(0..<80))
  }
}

struct SplitSpecSumTests {
  @Test func integersAboveOneHundredWithNoLargePartAreASlipNotCounts() {
    #expect(throws: DataOptionError.self) { try SplitSpec.parse("90:20") }
    #expect(throws: DataOptionError.self) { try SplitSpec.parse("60:30:30") }
    #expect(throws: DataOptionError.self) { try SplitSpec.parse("0.9:0.2") }
    do {
      _ = try SplitSpec.parse("90:20")
    } catch {
      #expect("\(error)".contains("adds up to 110"))
    }
  }

  @Test func ratiosCountsAndFractionsThatAddUpStillParse() throws {
    #expect(try SplitSpec.parse("2:1").parts == [.ratio(2), .ratio(1)])
    #expect(try SplitSpec.parse("120:30").parts == [.count(120), .count(30)])
    #expect(try SplitSpec.parse("0.7:0.15:0.15").parts.count == 3)
  }
}
