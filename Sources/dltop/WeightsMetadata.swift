import DLTopEngine
import DLTopMonitor

/// The JSON object inside a weights file: enough to rebuild the model and the exact data split
/// it was trained on, so `dltop eval` reproduces the run's test metrics.
///
/// `{"kind": "best"|"last", "epoch", "model", "activation", "dropout", "batchnorm",
/// "input_shape", "outputs", "task", "classes", "data": {"data", "split", "normalize",
/// "label_column", "shape", "positive", "seed"}}` (absent options are null).
enum WeightsMetadata {
  static func make(job: TrainingJob, kind: String, epoch: Int?, outputs: Int) -> JSONValue {
    let options = job.setup.options
    let data = job.data
    return .object([
      ("kind", .string(kind)),
      ("epoch", .integer(epoch)),
      ("model", .string(options.model)),
      ("activation", .string(options.activation)),
      ("dropout", .number(options.dropout)),
      ("batchnorm", .bool(options.batchnorm)),
      ("input_shape", .array(data.sampleShape.map(JSONValue.int))),
      ("outputs", .int(outputs)),
      ("task", .string(data.task.isClassification ? "classification" : "regression")),
      (
        "classes",
        data.task.isClassification ? .array(data.classNames.map(JSONValue.string)) : .null
      ),
      (
        "data",
        .object([
          ("data", .string(options.data ?? data.name)),
          ("split", .text(options.split)),
          ("normalize", .string(options.normalize)),
          ("label_column", .text(options.labelColumn)),
          ("shape", .text(options.shape)),
          ("positive", .text(options.positive)),
          ("seed", .string(String(options.seed))),
        ])
      ),
    ])
  }
}
