import ArgumentParser
import DLTopEngine

@main
struct DLTop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dltop",
    abstract:
      "top for neural-network training: a live terminal dashboard, diagnosis and early stopping.",
    discussion: """
      With no subcommand, dltop trains (fashion-mnist when installed, otherwise digits) with the \
      live dashboard. `dltop train --help` lists every hyper-parameter.
      """,
    version: "0.1.0",
    subcommands: [
      TrainCommand.self, WatchCommand.self, DiagnoseCommand.self, EvalCommand.self,
      LRFindCommand.self,
      SearchCommand.self,
    ],
    defaultSubcommand: TrainCommand.self)

  /// Picks OpenBLAS's kernel (possibly executing dltop again) before parsing anything.
  static func main() {
    BLASKernelChoice.reexecuteIfWorthwhile()
    main(nil)
  }
}
