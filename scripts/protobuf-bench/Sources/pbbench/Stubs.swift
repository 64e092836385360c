// Stand-ins for the dltop types the decoder names (the number parsing is the same call).
enum RunDescription { struct KeyValue: Equatable, Sendable { var key: String; var value: String; init(_ k: String, _ v: String) { key = k; value = v } } }
enum JSONNumberText { static func parse(_ text: String) -> Double? { Double(text) } }
enum JSONValue: Equatable { case number(Double); static func parse(_ text: String) throws -> JSONValue { .number(Double(text) ?? .nan) } }
