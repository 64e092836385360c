extension Sequential: CustomStringConvertible {
  /// A one-line summary of the architecture: the input shape, then each Dense width, convolution
  /// (`conv32`) and pooling (`pool2`), then the parameter count, e.g. `784→128→10 (101,770 params)`.
  package var description: String {
    var stages = [inputShape.map(String.init).joined(separator: "×")]
    for layer in layers {
      switch layer {
      case let dense as Dense: stages.append("\(dense.outFeatures)")
      case let conv as Conv2D: stages.append("conv\(conv.outChannels)")
      case let pool as MaxPool2D: stages.append("pool\(pool.poolSize)")
      default: break
      }
    }
    return stages.joined(separator: "→") + " (\(Self.grouped(parameterCount)) params)"
  }

  /// `101770` → `101,770`.
  private static func grouped(_ value: Int) -> String {
    let digits = Array(String(value))
    var out = ""
    for (i, digit) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return out
  }
}
