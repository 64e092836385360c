import Foundation
import Testing

@testable import DLTopTUI

struct ThemeLoaderTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")

  @Test func parsesColoursCommentsAndGradients() {
    let text = """
      # comment
      theme[train]="#112233"
      theme[val] = "#abc"   # trailing comment
      theme[heat_start]="#000000"
      theme[heat_end]="#ffffff"
      """
    let result = ThemeLoader.parse(text, path: "t.theme", name: "t")
    #expect(result.warnings.isEmpty)
    #expect(result.theme.colors[.train] == RGB(0x11, 0x22, 0x33))
    #expect(result.theme.colors[.validation] == RGB(0xAA, 0xBB, 0xCC))
    #expect(result.theme.gradients[.heat]?.count == 101)
    #expect(result.theme.gradient(.heat, at: 0.5) == RGB(0x80, 0x80, 0x80))
    #expect(result.theme.colors[.mainForeground] == ThemeRole.mainForeground.defaultColor)
  }

  @Test func badThemeFileWarnsWithFileLineAndKeyAndKeepsDefaults() throws {
    let path = Self.fixtures.appendingPathComponent("bad.theme").path
    let result = try ThemeLoader.load(nameOrPath: path)
    #expect(result.warnings.count == 4)
    #expect(
      result.warnings.contains(
        "\(path):3: key 'train': bad colour \"#12345z\", using default #56b4e9"))
    #expect(result.warnings.contains("\(path):4: unknown key 'sparkle' ignored"))
    #expect(result.warnings.contains { $0.hasPrefix("\(path):5: cannot read line") })
    #expect(result.warnings.contains { $0.hasPrefix("\(path):7: key 'heat_end': bad colour") })
    #expect(result.theme.colors[.train] == ThemeRole.train.defaultColor)
    #expect(result.theme.colors[.mainForeground] == RGB(0xD0, 0xD0, 0xD0))
  }

  @Test(arguments: ["default", "light", "high-contrast", "monochrome"])
  func shippedThemesLoadByNameWithoutWarnings(name: String) throws {
    let result = try ThemeLoader.load(nameOrPath: name, directories: [Self.themes.path])
    #expect(result.warnings.isEmpty)
    #expect(result.path?.hasSuffix(name + ".theme") == true)
    #expect(result.theme.monochrome == (name == "monochrome"))
  }

  @Test func defaultThemeFileMatchesTheBuiltInDefaults() throws {
    let result = try ThemeLoader.load(nameOrPath: "default", directories: [Self.themes.path])
    for role in ThemeRole.allCases { #expect(result.theme.colors[role] == role.defaultColor) }
  }

  @Test func unknownNameThrowsNotFoundListingTheFolders() {
    #expect(throws: ThemeFileError.notFound(name: "nope", searched: ["/nowhere"])) {
      try ThemeLoader.load(nameOrPath: "nope", directories: ["/nowhere"])
    }
  }

  @Test func builtInDefaultIsUsedWhenNoFileIsFound() throws {
    let result = try ThemeLoader.load(nameOrPath: "default", directories: ["/nowhere"])
    #expect(result.path == nil && result.theme.name == "default")
  }

  @Test func searchDirectoriesFindTheRepositoryThemesFromABuildFolder() {
    let executable = Self.themes.deletingLastPathComponent().appendingPathComponent(
      ".build/debug/dltop"
    ).path
    let directories = ThemeLoader.searchDirectories(executablePath: executable)
    #expect(directories.contains(Self.themes.path))
    #expect(directories.first?.hasSuffix("/themes") == true)
  }

  @Test func xterm256MappingHitsCubeAndGreys() {
    #expect(ANSIColor.xterm256Index(for: RGB(255, 0, 0)) == 196)
    #expect(ANSIColor.xterm256Index(for: RGB(128, 128, 128)) == 244)
    #expect(ANSIColor.nearest(to: RGB(0xE6, 0x9F, 0x00), among: 8) == .yellow)
  }
}

/// Theme warnings reach the dashboard itself: the terminal hides stderr while it runs.
@MainActor
struct ThemeWarningOnDashboardTests {
  @Test func aBadThemeLineIsShownInTheFooterWhenTheDashboardOpensThenExpires() {
    let text = "theme[train]=\"#112233\"\ntheme[nonsense]=\"#000000\"\ntheme[val]=\"#zzz\"\n"
    let theme = ThemeLoader.parse(text, path: "my.theme", name: "my").theme
    var now = 0.0
    let dashboard = Dashboard(snapshot: SampleRun.snapshot(), theme: theme, clock: { now })
    let footer = { dashboard.render(snapshot: SampleRun.snapshot(), size: (120, 40)).lines[39] }
    #expect(
      footer().hasPrefix("theme warning: my.theme:2: unknown key 'nonsense' ignored (+1 more)"))
    now = Dashboard.themeWarningSeconds - 1
    dashboard.tick()
    #expect(footer().hasPrefix("theme warning"))
    now = Dashboard.themeWarningSeconds + 1
    dashboard.tick()
    #expect(!footer().contains("theme warning"))
  }
}
