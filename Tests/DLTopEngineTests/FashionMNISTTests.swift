import Foundation
import Testing

@testable import DLTopEngine

/// Loads the real Fashion-MNIST files (Debian package dataset-fashion-mnist) when installed.
@Suite(.enabled(if: DatasetCatalog.isFashionMNISTInstalled()))
struct FashionMNISTTests {
  @Test func realFilesLoad60000TrainAnd10000TestImages() throws {
    let wall = ContinuousClock()
    let start = wall.now
    let cpuStart = clock()
    let (train, test) = try DatasetCatalog.loadFashionMNIST()
    // A figure for the record, not an assertion (tests never assert timings). The CPU time
    // (`clock()`, whole process) does not depend on how busy the machine is.
    let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
    print("fashion-mnist: loaded 70,000 images in \(wall.now - start) (CPU \(cpu) s)")
    #expect(train.features.shape == [60_000, 28, 28, 1])
    #expect(test.features.shape == [10_000, 28, 28, 1])
    // The first training image is an ankle boot (label 9), as in the official files.
    #expect(train.targets.gathered([0]) == .classes([9]))
    #expect(test.targets.gathered([0]) == .classes([9]))
    #expect(train.features.scalars.allSatisfy { $0 >= 0 && $0 <= 1 })
    #expect(train.features.scalars.max() == 1)
  }
}
