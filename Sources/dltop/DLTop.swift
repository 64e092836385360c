import ArgumentParser

@main
struct DLTop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dltop",
    abstract: "top for neural-network training: a live terminal dashboard, diagnosis and early stopping.",
    version: "0.1.0")
}
