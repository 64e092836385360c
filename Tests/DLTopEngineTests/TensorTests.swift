import Testing

@testable import DLTopEngine

struct TensorTests {
  @Test func matmulMatchesHandComputedProduct() {
    let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let b = Tensor(shape: [3, 2], scalars: [7, 8, 9, 10, 11, 12])
    #expect(a.matmul(b).scalars == [58, 64, 139, 154])
    #expect(a.matmul(a, transposeOther: true).scalars == [14, 32, 32, 77])
    #expect(a.matmul(a, transposeSelf: true).shape == [3, 3])
  }

  @Test func gatherRowsKeepsOrder() {
    let t = Tensor(shape: [3, 2], scalars: [0, 1, 2, 3, 4, 5])
    #expect(t.gatherRows([2, 0]).scalars == [4, 5, 0, 1])
  }

  @Test func seededGeneratorRepeats() {
    var a = SeededGenerator(seed: 42)
    var b = SeededGenerator(seed: 42)
    #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
  }
}
