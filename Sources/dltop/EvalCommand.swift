import ArgumentParser
import DLTopEngine
import DLTopMonitor
import Foundation

/// `dltop eval --weights W [--data D]`: rebuilds the model a weights file was saved from, loads
/// every tensor (BatchNorm's running statistics included), prepares the data exactly as the run
/// did (split, seed, normalization from the file's metadata) and prints the test metrics —
/// the same numbers the run printed at its end for `last-weights.bin`.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract:
      "Evaluate saved weights (best-weights.bin, last-weights.bin) on a data set's test split.")

  @Option(help: "A weights file written by dltop train (best-weights.bin or last-weights.bin).")
  var weights: String

  @Option(
    help:
      "Data set or file (default: the one the weights were trained on); split, seed and normalization come from the weights file."
  )
  var data: String?

  mutating func run() throws {
    guard let bytes = FileManager.default.contents(atPath: weights) else {
      throw CommandFailure("\(weights): cannot be read (no such file, or permissions)")
    }
    let contents: WeightsFile.Contents
    do {
      contents = try WeightsFile.decode([UInt8](bytes), path: weights)
    } catch {
      throw CommandFailure("\(error)")
    }
    let meta = contents.metadata
    let dataMeta = meta["data"]
    func field(_ key: String) -> String? { dataMeta?[key]?.stringValue }
    guard let modelText = meta["model"]?.stringValue,
      let activationText = meta["activation"]?.stringValue
    else { throw CommandFailure("\(weights): the metadata names no model") }
    let seed = field("seed").flatMap { UInt64($0) } ?? 42
    // Another data set than the run's: its positive class, label column and shape do not apply.
    let sameData = data == nil || data == field("data")
    func dataField(_ key: String) -> String? { sameData ? field(key) : nil }
    let prepared: PreparedData
    do {
      prepared = try DatasetLoader.load(
        name: data ?? field("data"), split: try field("split").map(SplitSpec.parse),
        normalization: try NormalizationMode.parse(field("normalize") ?? "standard"),
        labelColumn: dataField("label_column"),
        shape: dataField("shape").flatMap(CSVOptions.parseShape),
        positive: dataField("positive"), seed: seed)
    } catch let error as DataOptionError {
      throw CommandFailure("\(weights): the metadata's \(error.option): \(error.message)")
    } catch {
      throw CommandFailure("\(error)")
    }
    guard let test = prepared.test else {
      throw CommandFailure(
        "\(prepared.name): no test split with the split \(field("split") ?? "default") the weights were trained with"
      )
    }
    let model = try buildModel(modelText, activationText, meta: meta, data: prepared, seed: seed)
    do {
      try model.load(contents.tensors)
    } catch {
      throw CommandFailure(
        "\(weights): does not fit the model \(modelText) on \(prepared.name): \(error)")
    }
    let classification = prepared.task.isClassification
    let trainer = Trainer(
      model: model, loss: classification ? SoftmaxCrossEntropy() : MeanSquaredError(),
      optimizer: OptimizerKind.sgd.make(), schedule: ConstantRate(rate: 0),
      configuration: TrainerConfiguration(epochs: 0, seed: seed), train: prepared.train)
    let result = try test.evaluateOnce { set in
      TestEvaluation.result(
        of: set, trainer: trainer, classNames: prepared.classNames,
        positiveClass: prepared.positiveClass)
    }
    let kind = meta["kind"]?.stringValue ?? "?"
    let epoch = meta["epoch"]?.intValue.map { " of epoch \($0)" } ?? ""
    print(
      "weights: \(weights) (\(kind)\(epoch), \(contents.tensors.count) tensors, model \(modelText))"
    )
    print("data: \(prepared.name), test split \(test.count) samples")
    print(FinalSummary.testLine(result))
    if let report = result.classification { print(report.tableText, terminator: "") }
  }

  private func buildModel(
    _ modelText: String, _ activationText: String, meta: JSONValue, data: PreparedData, seed: UInt64
  ) throws -> Sequential {
    do {
      let outputs = meta["outputs"]?.intValue ?? data.classNames.count
      return try ModelBuilder.build(
        spec: try ModelSpec.parse(modelText), inputShape: data.sampleShape, outputs: outputs,
        activation: try Activation.parse(activationText),
        dropout: Float(meta["dropout"]?.doubleValue ?? 0),
        batchNorm: meta["batchnorm"] == .bool(true), seed: seed)
    } catch {
      throw CommandFailure("\(weights): cannot rebuild the model \(modelText): \(error)")
    }
  }
}
