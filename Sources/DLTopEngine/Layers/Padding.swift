/// How a convolution treats the border, with Keras/TensorFlow semantics.
///
/// - `valid`: no padding; `out = ⌈(in − kernel + 1) / stride⌉`.
/// - `same`: `out = ⌈in / stride⌉`; the total padding `max((out − 1)·stride + kernel − in, 0)` is
///   split with the extra row/column on the bottom/right, as TensorFlow does.
package enum Padding: String, Sendable, Equatable, CaseIterable {
  case same
  case valid

  /// The output extent along one spatial axis.
  package func outputSize(input: Int, kernel: Int, stride: Int) -> Int {
    switch self {
    case .same: (input + stride - 1) / stride
    case .valid: input >= kernel ? (input - kernel) / stride + 1 : 0
    }
  }

  /// The padding added before the first element (top or left) along one spatial axis.
  package func paddingBefore(input: Int, kernel: Int, stride: Int) -> Int {
    switch self {
    case .valid: return 0
    case .same:
      let out = outputSize(input: input, kernel: kernel, stride: stride)
      let total = max((out - 1) * stride + kernel - input, 0)
      return total / 2
    }
  }
}
