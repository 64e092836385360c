import Testing

@testable import DLTopMonitor

struct MetricNameTests {
  @Test func knownNamesHaveTheirKindAndForeignNamesPassThrough() {
    #expect(MetricName("loss").kind == .loss)
    #expect(MetricName("val_accuracy").kind == .validationAccuracy)
    #expect(MetricName("grad_norm/dense1").kind == .layerGradientNorm(layer: "dense1"))
    #expect(MetricName.gradientNorm(of: "conv2") == MetricName("grad_norm/conv2"))
    #expect(MetricName("dead_relu").kind == .deadReLU)
    #expect(MetricName("top5_error").kind == .foreign)
    #expect(MetricName("top5_error").rawValue == "top5_error")
  }

  @Test func recordsAreReadAndWrittenByTypedName() {
    var metrics: [String: Double] = [:]
    metrics[MetricName.validationLoss] = 0.5
    #expect(metrics["val_loss"] == 0.5)
    #expect(EpochRecord(epoch: 1, metrics: metrics).validationLoss == 0.5)
    #expect("val_loss" == MetricName.validationLoss)
  }
}
