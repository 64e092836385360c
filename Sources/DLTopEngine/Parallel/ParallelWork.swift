import Dispatch
import Foundation
import Synchronization

/// Runs a kernel's independent pieces ("lanes") on the machine's cores and returns when every
/// piece is done: the engine stays synchronous, and this file is the only one in it that starts
/// work on other threads.
///
/// Why: OpenBLAS threads only the matrix products. Between them a CNN's batch spends about a third
/// of its time in im2col, col2im, pooling, ReLU and dropout passes over activations of megabytes,
/// and those ran on one core while the other waited. Each layer now cuts its batch into `lanes`
/// ranges of whole images (or elements) and runs them at once, each range with its own scratch
/// buffers.
///
/// Inside the lanes every product runs on one OpenBLAS thread: the lanes already keep the cores
/// busy, and OpenBLAS runs concurrent threaded `sgemm` calls one after the other.
package enum ParallelWork {
  /// Whether some caller in the process is splitting its work now. Only one caller at a time does
  /// (a second one, such as a parallel search trial, runs its lanes one after the other), so only
  /// one caller changes OpenBLAS's thread count and restores it.
  private static let splitting = Mutex(false)

  /// How many lanes a kernel cuts its work into: the machine's cores, at most 8. A constant of
  /// the process, not of the moment: the lanes' partial sums (a convolution's weight gradient) are
  /// added in lane order, so a run's numbers depend on the cut, and a seed must repeat a run
  /// exactly whatever else the process is doing. How many threads run the lanes is decided by
  /// `run`.
  package static let laneCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))

  /// Calls `body(lane)` for every lane in `0..<lanes`, and returns when all are done: at once, on
  /// up to `min(lanes, OpenBLAS threads)` threads, when OpenBLAS may use more than one thread (`OPENBLAS_NUM_THREADS`,
  /// `dltop train --threads`) and no other caller is splitting its work; else one after the other
  /// on this thread. Lanes must write disjoint memory.
  package static func run(lanes: Int, _ body: (Int) -> Void) {
    let threads = BLAS.threadCount
    let claimed =
      lanes > 1 && threads > 1
      && splitting.withLock { busy in
        guard !busy else { return false }
        busy = true
        return true
      }
    guard claimed else {
      for lane in 0..<lanes { body(lane) }
      return
    }
    defer { splitting.withLock { $0 = false } }
    BLAS.setThreadCount(1)
    defer { BLAS.setThreadCount(threads) }
    withoutActuallyEscaping(body) { body in
      let lane = LaneBody(call: body)
      let workers = min(lanes, threads)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        for index in stride(from: worker, to: lanes, by: workers) { lane.call(index) }
      }
    }
  }

  /// The part of `0..<count` that lane `lane` of `lanes` takes: consecutive, nearly equal ranges
  /// whose bounds are multiples of `alignment` (except the end).
  package static func range(lane: Int, of lanes: Int, count: Int, alignment: Int = 1) -> Range<Int>
  {
    let units = (count + alignment - 1) / alignment
    let lower = min(count, units * lane / lanes * alignment)
    let upper = min(count, units * (lane + 1) / lanes * alignment)
    return lower..<upper
  }
}

/// A lane's body handed to Dispatch's worker threads.
///
/// `@unchecked Sendable` because the closure captures the caller's buffers: safe here since `run`
/// requires its lanes to write disjoint memory and returns only after every lane has finished, so
/// no lane outlives the buffers it borrows or races another lane.
private struct LaneBody: @unchecked Sendable {
  let call: (Int) -> Void
}
