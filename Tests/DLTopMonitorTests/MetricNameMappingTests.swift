import Testing

@testable import DLTopMonitor

struct MetricNameMappingTests {
  @Test(arguments: [
    ("loss", "loss"), ("train_loss", "loss"), ("training_loss", "loss"), ("train/loss", "loss"),
    ("loss/train", "loss"), ("epoch_loss", "loss"), ("train_loss_epoch", "loss"),
    ("val_loss", "val_loss"), ("valid_loss", "val_loss"), ("validation_loss", "val_loss"),
    ("val/loss", "val_loss"), ("Loss/val", "val_loss"), ("val_loss_epoch", "val_loss"),
    ("eval_loss", "val_loss"), ("eval_accuracy", "val_accuracy"),
    ("acc", "accuracy"), ("accuracy", "accuracy"), ("train_acc", "accuracy"),
    ("sparse_categorical_accuracy", "accuracy"), ("epoch_accuracy", "accuracy"),
    ("val_acc", "val_accuracy"), ("val_accuracy", "val_accuracy"), ("valid_acc", "val_accuracy"),
    ("val_sparse_categorical_accuracy", "val_accuracy"),
    ("lr", "lr"), ("learning_rate", "lr"), ("lr-Adam", "lr"), ("lr-SGD", "lr"),
    ("lr-Adam/pg1", "lr"),
    ("grad_norm", "grad_norm"), ("grad_norm/dense1", "grad_norm/dense1"),
    ("dead_relu", "dead_relu"),
    ("val_auc", "val_auc"), ("lr-Adam-momentum", "lr-Adam-momentum"), ("train_loss_step", "loss"),
  ])
  func namesMapOntoTheCanonicalVocabulary(raw: String, expected: String) {
    #expect(MetricNameMapping.canonicalName(raw) == expected)
  }

  @Test func tensorBoardTagsUnderAValidationRunGetTheValPrefix() {
    #expect(MetricNameMapping.canonicalName("epoch_loss", context: .validation) == "val_loss")
    #expect(
      MetricNameMapping.canonicalName("epoch_accuracy", context: .validation) == "val_accuracy")
    #expect(MetricNameMapping.canonicalName("epoch_accuracy", context: .train) == "accuracy")
    #expect(MetricNameMapping.canonicalName("epoch_learning_rate", context: .train) == "lr")
    #expect(MetricNameMapping.canonicalName("auc", context: .validation) == "val_auc")
  }
}
