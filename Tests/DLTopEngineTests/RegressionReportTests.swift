import Testing

@testable import DLTopEngine

struct RegressionReportTests {
  @Test func mseMaeAndRSquaredMatchHandComputation() {
    // targets 1 2 3 4 (mean 2.5, SS_tot 5); predictions 1 2 3 5: errors 0 0 0 1.
    let report = RegressionReport(
      predictions: Tensor(shape: [4, 1], scalars: [1, 2, 3, 5]),
      targets: Tensor(shape: [4, 1], scalars: [1, 2, 3, 4]))
    #expect(report.meanSquaredError == 0.25)
    #expect(report.meanAbsoluteError == 0.25)
    #expect(report.rSquared == 1 - 1.0 / 5.0)
    #expect(report.tableText.contains("R²       0.8000"))
  }

  @Test func predictingTheMeanGivesRSquaredZero() {
    let report = RegressionReport(
      predictions: Tensor(shape: [3, 1], scalars: [2, 2, 2]),
      targets: Tensor(shape: [3, 1], scalars: [1, 2, 3]))
    #expect(report.rSquared == 0)
  }

  @Test func constantTargetsDoNotDivideByZero() {
    let report = RegressionReport(
      predictions: Tensor(shape: [2, 1], scalars: [5, 6]),
      targets: Tensor(shape: [2, 1], scalars: [5, 5]))
    #expect(report.rSquared == 0)
    #expect(report.meanSquaredError == 0.5)
  }
}
