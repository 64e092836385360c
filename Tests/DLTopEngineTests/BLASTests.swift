import Foundation
import Testing

@testable import DLTopEngine

struct BLASTests {
  @Test func gemvMultipliesByTheMatrixOrItsTranspose() {
    let a: [Float] = [1, 2, 3, 4, 5, 6]  // [2, 3]
    var y3: [Float] = [10, 10, 10]
    BLAS.gemv(transpose: true, rows: 2, columns: 3, a: a, x: [1, 1], beta: 1, y: &y3)
    #expect(y3 == [15, 17, 19])
    var y2: [Float] = [0, 0]
    BLAS.gemv(rows: 2, columns: 3, a: a, x: [1, 0, 2], y: &y2)
    #expect(y2 == [7, 16])
  }
}
