import DLTopBenchSupport
import Testing

@testable import DLTopMonitor

/// A folder of many runs as the dashboard follows it: every run listed at once, the selected one
/// read first, the others in the background within `backgroundBytesPerRound`, a selected run at once.
struct WatchSessionLazyLoadingTests {
  /// Five runs of two epochs each (about 110 KB of event file each).
  private func makeFolder() throws -> WatchTestFolder {
    let folder = WatchTestFolder()
    try WatchBenchmark.writeRunFolder(into: folder.path + "/runs", runs: 5, pointsPerRun: 2008)
    return folder
  }

  private func session(_ folder: WatchTestFolder, budget: Int?) -> WatchSession {
    var configuration = WatchSession.Configuration()
    configuration.backgroundBytesPerRound = budget
    let path = folder.path + "/runs"
    return WatchSession(
      path: path, link: WatchSession.makeLink(path: path), configuration: configuration)
  }

  /// The names of the comparison runs whose epochs have been read.
  private func comparisonsWithEpochs(_ session: WatchSession) -> [String] {
    session.link.latest().comparisonRuns.filter { !$0.epochs.isEmpty }.map(\.name)
  }

  @Test func afterTheFirstPollOnlyTheSelectedRunHasBeenRead() throws {
    let folder = try makeFolder()
    let session = session(folder, budget: 0)
    session.pollOnce()
    let names = session.runNames
    #expect(names.count == 5, "every run is listed at once")
    #expect(session.loadedRunNames == [names[0]])
    #expect(session.link.latest().run.name == names[0])
    #expect(!session.link.latest().epochs.isEmpty, "the selected run is shown in full")
    #expect(session.link.latest().comparisonRuns.count == 4)
    #expect(comparisonsWithEpochs(session).isEmpty, "the others are not read yet")
    #expect(session.link.latest().comparisonRuns.allSatisfy { $0.loading })
  }

  @Test func selectingARunReadsItAtOnce() throws {
    let folder = try makeFolder()
    let session = session(folder, budget: 0)
    session.pollOnce()
    let names = session.runNames
    session.select(runIndex: 3)
    session.pollOnce(rescan: false)
    #expect(session.loadedRunNames == [names[0], names[3]])
    let snapshot = session.link.latest()
    #expect(snapshot.run.name == names[3])
    #expect(!snapshot.epochs.isEmpty)
    #expect(comparisonsWithEpochs(session) == [names[0]], "the run shown before stays read")
  }

  @Test func theBackgroundReadsTheOtherRunsInNameOrderWithinItsBudget() throws {
    let folder = try makeFolder()
    // One byte of budget: each poll starts one more run (a poll reads a whole run).
    let session = session(folder, budget: 1)
    session.pollOnce()
    let names = session.runNames
    #expect(session.loadedRunNames == Array(names.prefix(2)))
    for polls in 2...4 {
      session.pollOnce(rescan: false)
      #expect(session.loadedRunNames == Array(names.prefix(polls + 1)), "after \(polls) polls")
    }
    #expect(comparisonsWithEpochs(session) == Array(names.dropFirst()))
  }

  @Test func withoutABudgetTheFirstPollReadsEveryRun() throws {
    let folder = try makeFolder()
    let session = session(folder, budget: nil)
    session.pollOnce()
    #expect(session.loadedRunNames == session.runNames)
    #expect(comparisonsWithEpochs(session).count == 4)
    #expect(session.link.latest().comparisonRuns.allSatisfy { !$0.loading })
  }

  @Test func aRunReadInTheBackgroundKeepsFewBucketsUntilItIsShown() throws {
    let folder = try makeFolder()
    let session = session(folder, budget: nil)
    session.pollOnce()
    let shown = session.link.latest().batchLoss
    #expect(shown.count == 2000)
    #expect(shown.buckets.count == 2000, "the selected run keeps one bucket per step")
    session.select(runIndex: 2)
    session.pollOnce(rescan: false)
    let selected = session.link.latest().batchLoss
    #expect(selected.count == 2000, "nothing read in the background is lost")
    #expect(selected.buckets.count <= WatchRun.backgroundBatchCapacity)
    #expect(selected.capacity == WatchRun.shownBatchCapacity)
    #expect(selected.buckets.last?.lastStep == 1999)
  }
}
