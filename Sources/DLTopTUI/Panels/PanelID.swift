/// The parts of the dashboard screen.
package enum PanelID: String, Sendable, Hashable, CaseIterable {
  case status, loss, accuracy, learningRate, confusion, diagnosis, events, footer

  /// The panel (or panels) key 1…5 zooms to.
  package static func zoomed(_ number: Int) -> [PanelID] {
    switch number {
    case 1: [.loss]
    case 2: [.accuracy]
    case 3: [.learningRate]
    case 4: [.confusion]
    default: [.diagnosis, .events]
    }
  }

  /// The zoom key shown in the panel's title.
  package var zoomKey: String? {
    switch self {
    case .loss: "1"
    case .accuracy: "2"
    case .learningRate: "3"
    case .confusion: "4"
    case .diagnosis: "5"
    default: nil
    }
  }
}
