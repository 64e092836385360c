import DLTopEngine
import DLTopNumbers
import Testing

/// `DecimalNumber` is the one parser behind the engine's CSV data sets and the monitor's metrics
/// logs: it must give `Double(String)`'s value bit for bit on everything both accept.
struct DecimalNumberTests {
  private func parse(_ text: String) -> Double? {
    Array(text.utf8).withUnsafeBytes { DecimalNumber.parse($0) }
  }

  @Test func plainDecimalsMatchDoubleParsingBitForBit() {
    let texts = [
      "0", "-0", "+1", "17.99", "0.07871", "1001", "-12.5", "3e-4", "2.5E+3", "828.659973",
      "1828100", ".5", "5.", "0.000123", "123456789012345", "1e22", "1e-22", "-0.0",
      "12345678901234567", "0.6699999999999999", "1e400",
    ]
    for text in texts {
      let parsed = parse(text)
      #expect(parsed != nil, "\(text)")
      #expect(parsed?.bitPattern == Double(text)?.bitPattern, "\(text)")
      #expect(DecimalNumber.parse(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
    }
  }

  @Test func randomDecimalsMatchDoubleParsingBitForBit() {
    var rng = SeededGenerator(seed: 21)
    for _ in 0..<5000 {
      let digits = Int(rng.next() % 9) + 1
      let whole = String(rng.next() % 100_000)
      let fraction = String((0..<digits).map { _ in Character(String(rng.next() % 10)) })
      let text = (rng.next() & 1 == 0 ? "-" : "") + whole + "." + fraction
      #expect(parse(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
    }
  }

  @Test func pythonReprsOfRandomDoublesRoundTrip() {
    var rng = SeededGenerator(seed: 7)
    var values: [Double] = [0, 1, -2.5, 1e-05, 0.1, 123456789012345.6, 1e22, 3e-22]
    for _ in 0..<5000 {
      values.append(Double(bitPattern: rng.next() >> 2).truncatingRemainder(dividingBy: 1e6))
      values.append(Double(rng.next() >> 11) / Double(1 << 53))
    }
    for value in values where value.isFinite {
      #expect(parse("\(value)") == value, "\(value)")
    }
  }

  @Test func namedValuesSpacesAndCarriageReturnsAreAccepted() {
    #expect(parse("nan")?.isNaN == true)
    #expect(parse("NaN")?.isNaN == true)
    #expect(parse("-inf") == -.infinity)
    #expect(parse("Infinity") == .infinity)
    #expect(parse(" 2 ") == 2)
    #expect(parse("0.25\r") == 0.25)
  }

  @Test func nonNumbersAreRejected() {
    for text in [
      "", " ", "-", ".", "e5", "1e", "abc", "1.2.3", "1 2", "--1", "1e+", "0.5x", "0x10",
    ] {
      #expect(parse(text) == nil, "\(text)")
    }
  }
}
