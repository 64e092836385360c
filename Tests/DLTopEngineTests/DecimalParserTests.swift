import Testing

@testable import DLTopEngine

struct DecimalParserTests {
  @Test func fastPathAgreesWithDoubleParsing() {
    let texts = [
      "0", "-0", "+1", "17.99", "0.07871", "1001", "-12.5", "3e-4", "2.5E+3", "828.659973",
      "1828100", ".5", "5.", "0.000123", "123456789012345", "1e22", "1e-22", "-0.0",
    ]
    for text in texts {
      let fast = DecimalParser.parse(text)
      #expect(fast != nil, "\(text) should take the fast path")
      #expect(fast?.bitPattern == Double(text)?.bitPattern, "\(text)")
    }
  }

  @Test func randomDecimalsMatchDoubleParsingBitForBit() {
    var rng = SeededGenerator(seed: 21)
    for _ in 0..<5000 {
      let digits = Int(rng.next() % 9) + 1
      let whole = String(rng.next() % 100_000)
      let fraction = String((0..<digits).map { _ in Character(String(rng.next() % 10)) })
      let text = (rng.next() & 1 == 0 ? "-" : "") + whole + "." + fraction
      #expect(DecimalParser.parse(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
    }
  }

  @Test func otherTextsFallBack() {
    for text in [
      "", "-", ".", "e5", "1e", "abc", "1.2.3", "nan", "inf", "0x10", "1e400",
      "12345678901234567", "1 2", "--1",
    ] {
      #expect(DecimalParser.parse(text) == nil, "\(text)")
    }
  }
}
