import Testing

@testable import DLTopEngine

struct ScheduleSpecTests {
  @Test func everyDocumentedFormParses() throws {
    #expect(try ScheduleSpec.parse("constant") == .constant)
    #expect(try ScheduleSpec.parse("step:every=8,factor=0.1") == .step(everyEpochs: 8, factor: 0.1))
    #expect(try ScheduleSpec.parse("step:every=3") == .step(everyEpochs: 3, factor: 0.1))
    #expect(try ScheduleSpec.parse("exp:k=0.05") == .exponential(k: 0.05))
    #expect(
      try ScheduleSpec.parse("exp-staircase:rate=0.96,steps=50")
        == .staircaseExponential(rate: 0.96, steps: 50))
    #expect(try ScheduleSpec.parse("inverse-time:k=0.5") == .inverseTime(k: 0.5))
    #expect(try ScheduleSpec.parse("cosine") == .cosine(minimumRate: 0))
    #expect(try ScheduleSpec.parse("cosine:min=1e-5") == .cosine(minimumRate: 1e-5))
    #expect(
      try ScheduleSpec.parse("warmup:steps=500,then=cosine")
        == .warmup(steps: 500, startRate: 0, then: .cosine(minimumRate: 0)))
    #expect(
      try ScheduleSpec.parse("warmup:steps=10,start=0.001,then=step:every=8,factor=0.5")
        == .warmup(steps: 10, startRate: 0.001, then: .step(everyEpochs: 8, factor: 0.5)))
    var plateau = ScheduleSpec.PlateauSettings()
    plateau.factor = 0.5
    plateau.patience = 3
    #expect(try ScheduleSpec.parse("plateau:factor=0.5,patience=3") == .plateau(plateau))
    plateau.cooldown = 2
    plateau.minRate = 1e-6
    plateau.mode = .max
    #expect(
      try ScheduleSpec.parse(" plateau:factor=0.5, patience=3,cooldown=2,min_lr=1e-6,mode=max ")
        == .plateau(plateau))
  }

  @Test func descriptionParsesBackToTheSameSpec() throws {
    for text in [
      "constant", "step:every=8,factor=0.1", "exp:k=0.05", "exp-staircase:rate=0.96,steps=50",
      "inverse-time:k=0.5", "cosine:min=1e-05", "warmup:steps=5,then=exp:k=1", "plateau:patience=4",
    ] {
      let spec = try ScheduleSpec.parse(text)
      #expect(try ScheduleSpec.parse(spec.description) == spec)
    }
  }

  @Test(arguments: [
    ("", "empty schedule"),
    ("linear", "unknown schedule 'linear'"),
    ("step:factor=0.1", "step: missing key 'every'"),
    ("step:every=0", "step: every='0' is not an integer ≥ 1"),
    ("step:every=two", "step: every='two' is not an integer ≥ 1"),
    ("exp:k=-1", "exp: k='-1' is not a number ≥ 0"),
    ("exp:rate=0.9", "exp: unknown key 'rate' (keys: k)"),
    ("exp-staircase:rate=0.96", "exp-staircase: missing key 'steps'"),
    ("cosine:min", "cosine: 'min' is not key=value"),
    ("inverse-time:k=1,k=2", "inverse-time: key 'k' given twice"),
    ("plateau:factor=2", "plateau: factor='2' is not a number in (0, 1)"),
    ("plateau:mode=up", "plateau: mode='up' is not min or max"),
    ("warmup:then=cosine", "warmup: missing key 'steps'"),
    ("warmup:steps=5,then=bogus", "unknown schedule 'bogus'"),
  ])
  func badSpecsNameTheProblemAndListTheForms(text: String, message: String) {
    do {
      _ = try ScheduleSpec.parse(text)
      Issue.record("'\(text)' should not parse")
    } catch {
      let description = "\(error)"
      #expect(description.contains(message), "\(description)")
      #expect(description.contains("exp-staircase:rate=R,steps=S"))
    }
  }

  @Test func plateauSpecMakesAConstantScheduleAndAController() throws {
    let spec = try ScheduleSpec.parse("plateau:factor=0.5,patience=2")
    let schedule = spec.makeSchedule(baseRate: 0.01, stepsPerEpoch: 10, totalSteps: 100)
    #expect(schedule.learningRate(at: 0) == 0.01 && schedule.learningRate(at: 99) == 0.01)
    let plateau = try #require(spec.makePlateau(baseRate: 0.01))
    #expect(plateau.factor == 0.5 && plateau.patience == 2 && plateau.learningRate == 0.01)
    #expect(try ScheduleSpec.parse("cosine").makePlateau(baseRate: 0.01) == nil)
  }
}
