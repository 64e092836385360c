import Testing

@testable import DLTopTUI

struct FormatTests {
  @Test(arguments: [
    (0.0123, "0.0123"), (1.234, "1.23"), (12.34, "12.3"), (1234, "1234"), (123_456, "123k"),
    (0.000123, "1.2e-4"), (.nan, "nan"), (-2.5, "-2.50"), (0, "0"),
  ])
  func compactNumbersStayShort(value: Double, expected: String) {
    #expect(NumberFormat.compact(value) == expected)
  }

  @Test func ratesAndCountsAndDurations() {
    #expect(NumberFormat.rate(1e-3) == "1e-3")
    #expect(NumberFormat.rate(2.5e-4) == "2.5e-4")
    #expect(NumberFormat.rate(0.1) == "0.1")
    #expect(NumberFormat.count(48_250) == "48.3k")
    #expect(NumberFormat.count(812) == "812")
    #expect(NumberFormat.duration(3725) == "1:02:05")
    #expect(NumberFormat.duration(201) == "3:21")
  }

  @Test func niceTicksUseOneTwoFiveSteps() {
    #expect(AxisTicks.nice(low: 0.2, high: 1.4, maxCount: 4) == [0.5, 1.0])
    #expect(AxisTicks.nice(low: 0, high: 18.5, maxCount: 4, integer: true) == [0, 5, 10, 15])
  }

  @Test func tickLabelsShareDecimalsWithTheirStep() {
    #expect(AxisTicks.label(1.0, step: 0.5) == "1.0")
    #expect(AxisTicks.label(0.25, step: 0.25) == "0.25")
    #expect(AxisTicks.label(15, step: 5) == "15")
    #expect(AxisTicks.label(5e-4, step: 5e-4) == "5e-4")
  }

  @Test func logTicksFallOnOneTwoFive() {
    let ticks = AxisTicks.logarithmic(low: -1, high: 0.2, maxCount: 5).map {
      ($0 * 1000).rounded() / 1000
    }
    #expect(ticks == [-1, -0.699, -0.301, 0])
  }

  @Test func emaSmoothsAndIsDebiased() {
    let smoothed = Smoothing.ema([1, 1, 1], weight: 0.6)
    #expect(smoothed.allSatisfy { abs($0 - 1) < 1e-12 })
    let step = Smoothing.ema([0, 10], weight: 0.5)
    // s1 = 0; s2 = 0.5·0 + 0.5·10 = 5, debiased by 1 − 0.25 → 6.67
    #expect(abs(step[1] - 20.0 / 3) < 1e-9)
    #expect(Smoothing.ema([.nan, 2])[0].isNaN)
  }

  @Test func logValueRejectsValuesALogAxisCannotShow() {
    #expect(Smoothing.logValue(100) == 2)
    #expect(Smoothing.logValue(0) == nil)
    #expect(Smoothing.logValue(-1) == nil)
  }
}
