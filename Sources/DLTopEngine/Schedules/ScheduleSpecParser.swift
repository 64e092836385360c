import Foundation

/// Reads `kind[:key=value,…]` for `ScheduleSpec.parse`.
struct ScheduleSpecParser {
  let text: String

  mutating func parse() throws -> ScheduleSpec {
    guard !text.isEmpty else { throw ScheduleSpecError.empty }
    let kind: String
    let rest: Substring
    if let colon = text.firstIndex(of: ":") {
      kind = text[..<colon].lowercased()
      rest = text[text.index(after: colon)...]
    } else {
      kind = text.lowercased()
      rest = ""
    }
    let keys = try Self.pairs(rest, kind: kind, nested: kind == "warmup" ? "then" : nil)
    let spec: ScheduleSpec
    switch kind {
    case "constant":
      try keys.allow([])
      spec = .constant
    case "step":
      try keys.allow(["every", "factor"])
      spec = .step(
        everyEpochs: try keys.integer("every", minimum: 1),
        factor: try keys.real("factor", default: 0.1, positive: true))
    case "exp":
      try keys.allow(["k"])
      spec = .exponential(k: try keys.real("k", nonNegative: true))
    case "exp-staircase":
      try keys.allow(["rate", "steps"])
      spec = .staircaseExponential(
        rate: try keys.real("rate", positive: true), steps: try keys.integer("steps", minimum: 1))
    case "inverse-time":
      try keys.allow(["k"])
      spec = .inverseTime(k: try keys.real("k", nonNegative: true))
    case "cosine":
      try keys.allow(["min"])
      spec = .cosine(minimumRate: try keys.real("min", default: 0, nonNegative: true))
    case "warmup":
      try keys.allow(["steps", "start", "then"])
      let then = try keys.raw("then").map { try ScheduleSpec.parse($0) } ?? .constant
      if case .warmup = then {
        throw ScheduleSpecError.invalidValue(
          kind: kind, key: "then", value: keys.raw("then") ?? "",
          expected: "a schedule other than warmup")
      }
      spec = .warmup(
        steps: try keys.integer("steps", minimum: 1),
        startRate: try keys.real("start", default: 0, nonNegative: true), then: then)
    case "plateau":
      try keys.allow(["factor", "patience", "cooldown", "min_delta", "min_lr", "mode"])
      var s = ScheduleSpec.PlateauSettings()
      s.factor = try keys.real("factor", default: s.factor, positive: true)
      if s.factor >= 1 {
        throw ScheduleSpecError.invalidValue(
          kind: kind, key: "factor", value: keys.raw("factor") ?? "", expected: "a number in (0, 1)"
        )
      }
      s.patience = try keys.integer("patience", minimum: 0, default: s.patience)
      s.cooldown = try keys.integer("cooldown", minimum: 0, default: s.cooldown)
      s.minDelta = try keys.real("min_delta", default: s.minDelta, nonNegative: true)
      s.minRate = try keys.real("min_lr", default: s.minRate, nonNegative: true)
      if let mode = keys.raw("mode") {
        guard let parsed = ReduceLROnPlateau.Mode(rawValue: mode.lowercased()) else {
          throw ScheduleSpecError.invalidValue(
            kind: kind, key: "mode", value: mode, expected: "min or max")
        }
        s.mode = parsed
      }
      spec = .plateau(s)
    default:
      throw ScheduleSpecError.unknownKind(kind)
    }
    return spec
  }

  /// Splits `key=value,…`; the key `nested`, when given, takes the rest of the text as its value.
  static func pairs(_ text: Substring, kind: String, nested: String?) throws -> SpecKeys {
    var keys = SpecKeys(kind: kind)
    var remaining = text
    while !remaining.isEmpty {
      let comma = remaining.firstIndex(of: ",") ?? remaining.endIndex
      var pair = remaining[..<comma]
      guard let equals = pair.firstIndex(of: "=") else {
        throw ScheduleSpecError.malformedPair(kind: kind, text: String(pair))
      }
      let key = pair[..<equals].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
      if key == nested {
        pair = remaining[...]
        remaining = ""
      } else {
        remaining = comma == remaining.endIndex ? "" : remaining[remaining.index(after: comma)...]
      }
      let value = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespacesAndNewlines)
      guard !key.isEmpty else {
        throw ScheduleSpecError.malformedPair(kind: kind, text: String(pair))
      }
      guard keys.values[key] == nil else {
        throw ScheduleSpecError.duplicateKey(kind: kind, key: key)
      }
      keys.values[key] = value
      keys.order.append(key)
    }
    return keys
  }
}

/// The `key=value` pairs of one spec, with typed accessors that throw named errors.
struct SpecKeys {
  let kind: String
  var values: [String: String] = [:]
  var order: [String] = []

  func allow(_ accepted: [String]) throws {
    for key in order where !accepted.contains(key) {
      throw ScheduleSpecError.unknownKey(kind: kind, key: key, accepted: accepted)
    }
  }

  func raw(_ key: String) -> String? { values[key] }

  func real(
    _ key: String, default fallback: Double? = nil, positive: Bool = false,
    nonNegative: Bool = false
  )
    throws -> Double
  {
    guard let text = values[key] else {
      if let fallback { return fallback }
      throw ScheduleSpecError.missingKey(kind: kind, key: key)
    }
    let expected = positive ? "a number > 0" : nonNegative ? "a number ≥ 0" : "a finite number"
    guard let value = Double(text), value.isFinite, !positive || value > 0,
      !nonNegative || value >= 0
    else {
      throw ScheduleSpecError.invalidValue(kind: kind, key: key, value: text, expected: expected)
    }
    return value
  }

  func integer(_ key: String, minimum: Int, default fallback: Int? = nil) throws -> Int {
    guard let text = values[key] else {
      if let fallback { return fallback }
      throw ScheduleSpecError.missingKey(kind: kind, key: key)
    }
    guard let value = Int(text), value >= minimum else {
      throw ScheduleSpecError.invalidValue(
        kind: kind, key: key, value: text, expected: "an integer ≥ \(minimum)")
    }
    return value
  }
}
