import DLTopEngine
import DLTopMonitor

/// The run's identity and every hyper-parameter, for the dashboard, the run log and config.txt.
enum RunDescriptionBuilder {
  static func make(setup: TrainSetup, data: PreparedData) -> RunDescription {
    let options = setup.options
    typealias Pair = RunDescription.KeyValue
    var configuration: [Pair] = [
      Pair("dataset", data.name),
      Pair(
        "task",
        data.task.isClassification
          ? "classification (\(data.classNames.count) classes)" : "regression"),
      Pair("sample shape", data.sampleShape.map(String.init).joined(separator: "×")),
      Pair("split", "\(data.split)"),
      Pair("train samples", "\(data.splitSizes.train)"),
      Pair("validation samples", "\(data.splitSizes.validation)"),
      Pair("test samples", "\(data.splitSizes.test)"),
      Pair("normalize", options.normalize),
      Pair("augment", options.augment ?? "none"),
      Pair("model", setup.model.description),
      Pair("activation", options.activation),
      Pair("init", options.`init` ?? "auto"),
      Pair("optimizer", setup.optimizer.description),
      Pair("lr", "\(setup.learningRate)"),
      Pair("schedule", setup.schedule.description),
      Pair("batch", "\(setup.batchSize)"),
      Pair("epochs", "\(setup.epochs)"),
      Pair("l2", "\(setup.l2)"),
      Pair("dropout", "\(setup.dropout)"),
      Pair("batchnorm", "\(setup.batchNorm)"),
      Pair("seed", "\(setup.seed)"),
      Pair("early stopping", options.noEarlyStop ? "off" : options.earlyStop),
      Pair("blas", BLAS.configuration),
      Pair("blas threads", "\(BLAS.threadCount)"),
      Pair("dltop", DLTop.configuration.version),
    ]
    if let positive = data.positiveClassName {
      configuration.append(Pair("positive class", positive))
    }
    return RunDescription(
      name: "\(data.name) \(setup.model) \(setup.optimizer)", source: "dltop",
      format: LogFormat.dltopRunLog.rawValue,
      dataset: data.name, model: setup.model.description, optimizer: setup.optimizer.description,
      classNames: data.task.isClassification ? data.classNames : nil, configuration: configuration,
      controllable: true)
  }
}
