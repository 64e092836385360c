import Testing

@testable import DLTopEngine

/// Keras `ReduceLROnPlateau` semantics, traced epoch by epoch in the comments.
struct ReduceLROnPlateauTests {
  @Test func reducesAfterPatienceEpochsWithoutImprovement() {
    // patience 2, factor 0.5, minDelta 0: 1.0 best; 1.0 wait 1; 1.1 wait 2 → 0.05; 0.9 best.
    let plateau = ReduceLROnPlateau(learningRate: 0.1, factor: 0.5, patience: 2, minDelta: 0)
    #expect(plateau.observe(1.0) == nil)
    #expect(plateau.observe(1.0) == nil)
    #expect(plateau.observe(1.1) == 0.05)
    #expect(plateau.observe(0.9) == nil)
    #expect(plateau.best == 0.9)
    #expect(plateau.learningRate == 0.05)
  }

  @Test func improvementsSmallerThanMinDeltaDoNotCount() {
    // minDelta 0.01: 1.0 best; 0.995 is not < 0.99 → wait 1 → patience 1 reached → 0.01.
    let plateau = ReduceLROnPlateau(learningRate: 0.1, factor: 0.1, patience: 1, minDelta: 0.01)
    #expect(plateau.observe(1.0) == nil)
    let reduced = plateau.observe(0.995)
    #expect(reduced != nil && abs(reduced! - 0.01) < 1e-15)
    #expect(plateau.best == 1.0)
  }

  @Test func cooldownSuspendsWaitingAndItsLastEpochAlreadyCounts() {
    // patience 1, cooldown 2. 1.0 best. 2.0 → wait 1 → reduce to 0.5, cooldown 2.
    // 2.0: cooldown → 1, wait 0, still cooling → nil. 2.0: cooldown → 0, wait 0, not cooling
    // any more, so (as Keras) wait 1 → reduce to 0.25 at once.
    let plateau = ReduceLROnPlateau(
      learningRate: 1, factor: 0.5, patience: 1, cooldown: 2, minDelta: 0)
    #expect(plateau.observe(1.0) == nil)
    #expect(plateau.observe(2.0) == 0.5)
    #expect(plateau.observe(2.0) == nil)
    #expect(plateau.observe(2.0) == 0.25)
  }

  @Test func neverGoesBelowMinimumRate() {
    let plateau = ReduceLROnPlateau(learningRate: 0.1, factor: 0.1, patience: 0, minRate: 0.005)
    // patience 0: 1 is the first best; each later epoch without improvement reduces at once.
    #expect(plateau.observe(1) == nil)
    #expect(abs((plateau.observe(1) ?? 0) - 0.01) < 1e-15)
    #expect(plateau.observe(1) == 0.005)
    #expect(plateau.observe(1) == nil)  // already at the floor
    #expect(plateau.learningRate == 0.005)
  }

  @Test func nanNeverImproves() {
    let plateau = ReduceLROnPlateau(learningRate: 0.1, factor: 0.5, patience: 2, minDelta: 0)
    #expect(plateau.observe(.nan) == nil)
    #expect(plateau.best == .infinity)
    #expect(plateau.observe(.nan) == 0.05)
  }

  @Test func maxModeImprovesUpwards() {
    let plateau = ReduceLROnPlateau(
      learningRate: 0.1, factor: 0.5, patience: 1, minDelta: 0, mode: .max)
    #expect(plateau.observe(0.5) == nil)
    #expect(plateau.observe(0.6) == nil)
    #expect(plateau.observe(0.55) == 0.05)
  }
}
