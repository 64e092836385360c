/// What is being shown: one run's identity and configuration.
package struct RunDescription: Sendable, Equatable {
  /// A short title, e.g. "fashion-mnist mlp:128 adam" or the watched folder.
  package var name: String
  /// Where the records come from: "dltop" for our engine, or a file path for `dltop watch`.
  package var source: String
  /// The log format for watched runs ("keras-csv", "lightning-csv", "jsonl", "tensorboard", "dltop-runlog").
  package var format: String?
  package var dataset: String?
  package var model: String?
  package var optimizer: String?
  /// Class names for classification; nil for regression or unknown.
  package var classNames: [String]?
  /// Every hyper-parameter as ordered key/value pairs (for config.txt and the help screen).
  package var configuration: [KeyValue]
  /// Whether keys can control the run (false for `dltop watch`: it cannot steer a foreign process).
  package var controllable: Bool

  package struct KeyValue: Sendable, Equatable {
    package var key: String
    package var value: String
    package init(_ key: String, _ value: String) {
      self.key = key
      self.value = value
    }
  }

  package init(
    name: String, source: String, format: String? = nil, dataset: String? = nil,
    model: String? = nil,
    optimizer: String? = nil, classNames: [String]? = nil, configuration: [KeyValue] = [],
    controllable: Bool
  ) {
    self.name = name
    self.source = source
    self.format = format
    self.dataset = dataset
    self.model = model
    self.optimizer = optimizer
    self.classNames = classNames
    self.configuration = configuration
    self.controllable = controllable
  }
}
