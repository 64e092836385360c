import Foundation

/// PyTorch Lightning's `hparams.yaml` (written next to `metrics.csv` or the TensorBoard events of a
/// `lightning_logs/version_N/` folder from `save_hyperparameters()`), as configuration pairs for the
/// run-comparison table.
///
/// Lightning writes it with PyYAML's block style; this reads the part of YAML that produces:
/// `key: value` lines, nested mappings (flattened to `parent.child`), block lists (`- item`, joined
/// as `[a, b]`), flow values (`[1, 2]`, `{a: 1}`) kept as written, quotes removed. Anything else
/// (anchors, multi-line strings, Python object tags) is kept as its text, never an error: a
/// hyper-parameter table is better with a raw value than without the run.
package enum LightningHparams {
  package static let fileName = "hparams.yaml"

  /// The pairs of `hparams.yaml` in `folder`; empty when there is none (or it is `{}`).
  package static func read(folder: String) -> [RunDescription.KeyValue] {
    let path = (folder as NSString).appendingPathComponent(fileName)
    guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 20 else {
      return []
    }
    return parse(String(decoding: data, as: UTF8.self))
  }

  /// The pairs of a YAML text in Lightning's shape, in file order.
  package static func parse(_ text: String) -> [RunDescription.KeyValue] {
    var pairs: [RunDescription.KeyValue] = []
    // The full names of the mappings the current line is nested in, with their indentation.
    var parents: [(indent: Int, key: String)] = []
    var list: (key: String, items: [String])?
    func closeList() {
      if let open = list {
        pairs.append(.init(open.key, "[" + open.items.joined(separator: ", ") + "]"))
      }
      list = nil
    }
    for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let line = String(raw)
      let body = line.drop { $0 == " " }
      let indent = line.count - body.count
      if body.isEmpty || body.hasPrefix("#") || body == "---" { continue }
      if body.hasPrefix("- ") || body == "-" {
        // An item of the block list under the last key that had no value.
        if list == nil, let parent = parents.last {
          list = (parent.key, [])
          parents.removeLast()
        }
        list?.items.append(unquoted(String(body.dropFirst()).trimmingCharacters(in: .whitespaces)))
        continue
      }
      closeList()
      while let last = parents.last, last.indent >= indent { parents.removeLast() }
      guard let colon = colonIndex(in: body) else { continue }
      let key = unquoted(String(body[..<colon]).trimmingCharacters(in: .whitespaces))
      let value = String(body[body.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
      let fullKey = parents.last.map { "\($0.key).\(key)" } ?? key
      if value.isEmpty {
        parents.append((indent, fullKey))
      } else if value != "{}" && value != "[]" {
        pairs.append(.init(fullKey, unquoted(value)))
      }
    }
    closeList()
    return pairs
  }

  /// The colon that ends a key: the first `: ` (or a final `:`) outside quotes.
  private static func colonIndex(in text: Substring) -> Substring.Index? {
    var quote: Character?
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == ":" {
        let next = text.index(after: index)
        if next == text.endIndex || text[next] == " " { return index }
      }
      index = text.index(after: index)
    }
    return nil
  }

  private static func unquoted(_ text: String) -> String {
    guard text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'"
    else { return text }
    return String(text.dropFirst().dropLast())
  }
}
