import Testing

@testable import DLTopEngine

struct SpiralGeneratorTests {
  @Test func sameSeedGivesTheSamePoints() {
    #expect(SpiralGenerator.make(seed: 42) == SpiralGenerator.make(seed: 42))
    #expect(SpiralGenerator.make(seed: 42) != SpiralGenerator.make(seed: 43))
  }

  @Test func twoBalancedArmsInTheUnitDisc() {
    let set = SpiralGenerator.make(pointsPerClass: 200, seed: 1)
    #expect(set.features.shape == [400, 2])
    let labels = set.targets.classLabelsOrEmpty
    #expect(labels.filter { $0 == 1 }.count == 200)
    #expect(set.features.scalars.allSatisfy { abs($0) < 1.2 })
  }

  @Test func armsArePointReflectionsSoNoLineSeparatesThem() {
    // Arm B is arm A rotated by 180°: both arms have mean ≈ 0, so a linear boundary through
    // the class means cannot separate them.
    let set = SpiralGenerator.make(pointsPerClass: 500, noise: 0, seed: 3)
    var sums = [[Float]](repeating: [0, 0], count: 2)
    for (i, label) in set.targets.classLabelsOrEmpty.enumerated() {
      sums[label][0] += set.features.scalars[2 * i]
      sums[label][1] += set.features.scalars[2 * i + 1]
    }
    #expect(abs(sums[0][0] + sums[1][0]) < 1e-3 && abs(sums[0][1] + sums[1][1]) < 1e-3)
  }
}
