import Foundation
import Testing

@testable import DLTopEngine

struct LossTests {
  @Test func meanSquaredErrorAveragesOverEveryOutput() {
    // errors 1, −2, 3, 0 → (1 + 4 + 9 + 0)/4 = 3.5
    let loss = MeanSquaredError()
    let value = loss.forward(
      Tensor(shape: [2, 2], scalars: [1, 0, 3, 5]),
      .values(Tensor(shape: [2, 2], scalars: [0, 2, 0, 5])))
    #expect(value == 3.5)
    #expect(loss.backward().scalars == [0.5, -1, 1.5, 0])
  }

  @Test func meanAbsoluteErrorAveragesAbsoluteErrors() {
    let loss = MeanAbsoluteError()
    let value = loss.forward(
      Tensor(shape: [4, 1], scalars: [1, 0, 3, 5]),
      .values(Tensor(shape: [4, 1], scalars: [0, 2, 0, 5])))
    #expect(value == 1.5)
    #expect(loss.backward().scalars == [0.25, -0.25, 0.25, 0])
  }

  @Test func binaryCrossEntropyOnLogitsMatchesTheTextbookFormula() {
    let logits: [Float] = [2, -1, 0.5, -3]
    let labels = [1, 0, 0, 1]
    var expected: Double = 0
    for (z, y) in zip(logits, labels) {
      let p = 1 / (1 + exp(-Double(z)))
      expected -= y == 1 ? log(p) : log(1 - p)
    }
    expected /= 4
    let value = BinaryCrossEntropy().forward(
      Tensor(shape: [4, 1], scalars: logits), .classes(labels))
    #expect(abs(Double(value) - expected) < 1e-5)
  }

  @Test func binaryCrossEntropyStaysFiniteOnHugeLogits() {
    let loss = BinaryCrossEntropy()
    let value = loss.forward(Tensor(shape: [2, 1], scalars: [500, -500]), .classes([0, 1]))
    #expect(abs(value - 500) < 1e-3)
    #expect(loss.backward().scalars == [0.5, -0.5])
  }

  @Test func categoricalAndSparseCrossEntropyAgreeOnOneHotTargets() {
    let logits = GradientCheck.random([3, 4], seed: 5, scale: 3)
    let labels = [2, 0, 3]
    var oneHot = Tensor(zeros: [3, 4])
    for (row, label) in labels.enumerated() { oneHot[row * 4 + label] = 1 }
    let categorical = CategoricalCrossEntropy()
    let sparse = SparseCategoricalCrossEntropy()
    let a = categorical.forward(logits, .values(oneHot))
    let b = sparse.forward(logits, .classes(labels))
    #expect(abs(a - b) < 1e-5)
    let difference = zip(categorical.backward().scalars, sparse.backward().scalars).map {
      abs($0 - $1)
    }
    #expect((difference.max() ?? 1) < 1e-6)
  }

  @Test func uniformLogitsGiveLogOfClassCount() {
    let value = SparseCategoricalCrossEntropy().forward(Tensor(zeros: [2, 10]), .classes([3, 7]))
    #expect(abs(value - logf(10)) < 1e-5)
  }

  @Test func l2PenaltyIsHalfLambdaTimesSquaredWeightsOfDecayingParameters() {
    let weight = Parameter(name: "W", value: Tensor(shape: [2], scalars: [1, 2]))
    let bias = Parameter(name: "b", value: Tensor(shape: [1], scalars: [10]), decays: false)
    let l2 = L2Regularization(lambda: 0.1)
    // ½ · 0.1 · (1 + 4) = 0.25; the bias is left out
    #expect(abs(l2.penalty(of: [weight, bias]) - 0.25) < 1e-7)
    l2.addGradient(to: [weight, bias])
    #expect(weight.grad.scalars == [0.1, 0.2])
    #expect(bias.grad.scalars == [0])
  }
}
