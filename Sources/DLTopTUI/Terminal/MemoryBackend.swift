/// An in-memory terminal for tests: keys come from a queue, frames are kept, and it counts how
/// many cells each frame wrote.
@MainActor
package final class MemoryBackend: TerminalBackend {
  package var size: (width: Int, height: Int)
  package var unicode = true
  /// Keys `readKey()` returns, first first; nil entries are polls with no key.
  package var pendingKeys: [Key?] = []
  /// Called when the key queue is empty, e.g. to end a test loop by quitting.
  package var whenIdle: (() -> Key?)?
  package private(set) var screen: CellGrid
  package private(set) var frames = 0
  package private(set) var lastWriteCount = 0
  package private(set) var suspended = 0
  package private(set) var isShutDown = false
  private var cache = ScreenCache()

  package init(width: Int, height: Int) {
    size = (width, height)
    screen = CellGrid(width: width, height: height)
  }

  package func readKey() -> Key? {
    if !pendingKeys.isEmpty { return pendingKeys.removeFirst() }
    return whenIdle?()
  }

  package func draw(_ grid: CellGrid) {
    if grid.width != screen.width || grid.height != screen.height {
      screen = CellGrid(width: grid.width, height: grid.height)
    }
    lastWriteCount = cache.apply(grid) { x, y, cell in screen[x, y] = cell }
    frames += 1
  }

  package private(set) var inputTimeouts: [Int32] = []
  package func setInputTimeout(milliseconds: Int32) { inputTimeouts.append(milliseconds) }
  package func invalidate() { cache.invalidate() }
  package func suspend() { suspended += 1 }
  package func shutdown() { isShutDown = true }
}
