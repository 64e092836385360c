/// Everything the dashboard shows that is not in the snapshot: the user's view choices.
package struct DashboardState: Sendable, Equatable {
  /// Panel 1…5 full screen, or nil for all panels.
  package var zoom: Int?
  package var helpVisible = false
  package var logScale = false
  package var smoothing = false
  /// The EMA weight chosen with `M` (TensorBoard's smoothing slider), or nil for the defaults:
  /// 0.6 on epoch curves, 0.9 on per-step series.
  package var smoothingWeight: Double?
  /// What the charts' x axis counts (`x` cycles epoch, step, wall time).
  package var xAxis = ChartXAxis.epoch
  package var confusionValues: Heatmap.Values = .counts
  /// The epoch whose confusion matrix is shown, pinned with ←/→ (nil follows the newest).
  package var confusionEpoch: Int?
  /// Epochs visible in a zoomed chart (nil = all).
  package var historySpan: Int?
  /// Epochs hidden at the right of a zoomed chart (scrolled back in time).
  package var historyOffset = 0
  /// A message for the footer and when it expires (seconds on the dashboard's clock).
  package var message: String?
  package var messageExpiry: Double = 0
  /// `q` was pressed while training runs: the next `q` or `y` quits, anything else cancels.
  package var quitPending = false
  /// The run picker (`r`) is open.
  package var runPickerVisible = false
  /// The run highlighted in the picker, by name (names survive runs appearing or reordering).
  package var runPickerSelection: String?
  /// Overlay visibility chosen in the picker, by run name; a run not in here follows its
  /// producer's `ComparisonRun.visible`.
  package var runOverlay: [String: Bool] = [:]
  /// The picker's order (`o` cycles it).
  package var runSort: RunList.Sort = .name
  /// The picker lists only runs whose name contains this (`/` edits it).
  package var runFilter = ""
  /// `/` was pressed in the picker: keys type into the filter until Enter or Esc.
  package var runFilterEditing = false
  /// The run-comparison table (`R`) is open, its sort column (nil: best loss), order and scroll.
  package var comparisonVisible = false
  package var comparisonSortColumn: Int?
  package var comparisonDescending = false
  package var comparisonScroll = 0
  /// The metric panel 2 shows, chosen with `v`; nil shows the task's main metric.
  package var chosenMetric: String?
  /// The test-results view (`t`) is open.
  package var testResultsVisible = false
  /// The view opened by itself once, when the run finished with test results; closing it is final.
  package var testResultsAnnounced = false

  package init() {}
}
