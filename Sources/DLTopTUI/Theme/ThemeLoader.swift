import Foundation

/// Reads theme files in btop's grammar: `theme[key]="#rrggbb"` lines and `#` comments.
///
/// Missing keys keep the default theme's colour. Unknown keys, bad colours and unreadable lines
/// each produce a warning naming file, line and key (btop skips them silently), and the default
/// is used for that key.
package enum ThemeLoader {
  /// A loaded theme and what was wrong with its file.
  package struct Result: Sendable {
    package var theme: Theme
    package var warnings: [String]
    /// The file that was read, nil for a built-in theme.
    package var path: String?
  }

  /// Parses the text of a theme file; `path` only names the file in warnings.
  package static func parse(_ text: String, path: String, name: String) -> Result {
    var colors = Theme.standard.colors
    var stops: [GradientRole: [String: RGB]] = [:]
    var warnings: [String] = []
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let (key, value) = splitAssignment(line) else {
        warnings.append(
          "\(path):\(lineNumber): cannot read line, expected theme[key]=\"#rrggbb\": \(line)")
        continue
      }
      if let role = ThemeRole(rawValue: key) {
        if value.isEmpty {
          colors[role] = nil
        } else if let color = parseColor(value) {
          colors[role] = color
        } else {
          let fallback = role.defaultColor.map { $0.description } ?? "terminal default"
          warnings.append(
            "\(path):\(lineNumber): key '\(key)': bad colour \"\(value)\", using default \(fallback)"
          )
          colors[role] = role.defaultColor
        }
      } else if let (gradient, stop) = gradientKey(key) {
        if let color = parseColor(value) {
          stops[gradient, default: [:]][stop] = color
        } else {
          warnings.append(
            "\(path):\(lineNumber): key '\(key)': bad colour \"\(value)\", using default")
        }
      } else {
        warnings.append("\(path):\(lineNumber): unknown key '\(key)' ignored")
      }
    }
    var gradientStops: [GradientRole: (RGB, RGB, RGB)] = [:]
    for role in GradientRole.allCases {
      let defaults = role.defaultStops
      let given = stops[role] ?? [:]
      let start = given["start"] ?? defaults.0
      let end = given["end"] ?? defaults.2
      // btop: without a mid colour the ramp goes straight from start to end.
      let mid = given["mid"] ?? (given.isEmpty ? defaults.1 : start.mixed(with: end, 0.5))
      gradientStops[role] = (start, mid, end)
    }
    var theme = Theme(name: name, colors: colors, gradientStops: gradientStops)
    theme.loadWarnings = warnings
    return Result(theme: theme, warnings: warnings, path: path)
  }

  /// Loads a theme by name (searched in `directories`) or by path (anything containing "/" or
  /// ending in ".theme"). The names "default" and "monochrome" fall back to the built-in themes
  /// when no file is found.
  /// - Throws: `ThemeFileError` when nothing matches or the file cannot be read.
  package static func load(nameOrPath: String, directories: [String] = searchDirectories()) throws
    -> Result
  {
    let fileManager = FileManager.default
    let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme")
    var candidates: [String] = []
    if isPath {
      candidates = [nameOrPath]
    } else {
      candidates = directories.map {
        ($0 as NSString).appendingPathComponent(nameOrPath + ".theme")
      }
    }
    for candidate in candidates where fileManager.fileExists(atPath: candidate) {
      let text: String
      do {
        text = try String(contentsOfFile: candidate, encoding: .utf8)
      } catch {
        throw ThemeFileError.unreadable(path: candidate, reason: "\(error.localizedDescription)")
      }
      let name = ((candidate as NSString).lastPathComponent as NSString).deletingPathExtension
      var result = parse(text, path: candidate, name: name)
      if name == "monochrome" { result.theme.monochrome = true }
      return result
    }
    if !isPath && nameOrPath == "default" {
      return Result(theme: .standard, warnings: [], path: nil)
    }
    if !isPath && nameOrPath == "monochrome" {
      return Result(theme: .noColors, warnings: [], path: nil)
    }
    throw ThemeFileError.notFound(name: nameOrPath, searched: isPath ? candidates : directories)
  }

  /// Where theme names are looked up, in order: `./themes`, `<executable>/../share/dltop/themes`,
  /// and the repository's `themes` folder found by walking up from the executable (for
  /// `.build/debug/dltop`).
  package static func searchDirectories(executablePath: String? = Bundle.main.executablePath)
    -> [String]
  {
    var directories = [
      (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent("themes")
    ]
    guard let executablePath else { return directories }
    let resolved = (executablePath as NSString).resolvingSymlinksInPath
    var folder = (resolved as NSString).deletingLastPathComponent
    directories.append(
      ((folder as NSString).appendingPathComponent("../share/dltop/themes") as NSString)
        .standardizingPath)
    for _ in 0..<6 {
      let themes = (folder as NSString).appendingPathComponent("themes")
      if FileManager.default.fileExists(
        atPath: (themes as NSString).appendingPathComponent("default.theme"))
      {
        if !directories.contains(themes) { directories.append(themes) }
        break
      }
      let parent = (folder as NSString).deletingLastPathComponent
      if parent == folder { break }
      folder = parent
    }
    return directories
  }

  /// `theme[key]="value"` → (key, value); nil when the line has another shape.
  private static func splitAssignment(_ line: String) -> (String, String)? {
    guard line.hasPrefix("theme["), let close = line.firstIndex(of: "]") else { return nil }
    let key = String(line[line.index(line.startIndex, offsetBy: 6)..<close])
    var rest = line[line.index(after: close)...].drop { $0 == " " }
    guard rest.first == "=" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " }
    let value: String
    if rest.first == "\"" {
      let body = rest.dropFirst()
      guard let quote = body.firstIndex(of: "\"") else { return nil }
      let after = body[body.index(after: quote)...].trimmingCharacters(in: .whitespaces)
      guard after.isEmpty || after.hasPrefix("#") else { return nil }
      value = String(body[..<quote])
    } else {
      value = String(rest.prefix { $0 != " " })
    }
    return key.isEmpty ? nil : (key, value.trimmingCharacters(in: .whitespaces))
  }

  /// `#rrggbb`, `#rgb`, or btop's decimal `r g b`.
  private static func parseColor(_ value: String) -> RGB? {
    if let hex = RGB(hex: value) { return hex }
    let parts = value.split(separator: " ").compactMap { UInt8($0) }
    guard parts.count == 3, value.split(separator: " ").count == 3 else { return nil }
    return RGB(parts[0], parts[1], parts[2])
  }

  /// `heat_start` → (.heat, "start").
  private static func gradientKey(_ key: String) -> (GradientRole, String)? {
    for stop in ["start", "mid", "end"] where key.hasSuffix("_" + stop) {
      if let role = GradientRole(rawValue: String(key.dropLast(stop.count + 1))) {
        return (role, stop)
      }
    }
    return nil
  }
}
