/// A parser that holds an epoch back until it knows the epoch is complete (a later epoch began, or
/// the file was finished) and can show that unfinished epoch meanwhile.
///
/// TensorBoard files write an epoch's scalars one by one and Lightning writes training and
/// validation rows separately, so such parsers emit `.epoch` only when the next epoch starts.
/// `WatchSession` shows `pendingEpochs` at once and settles them when the file goes quiet.
package protocol PendingEpochsReporting {
  /// Epochs seen but not yet emitted, oldest first (usually zero or one).
  var pendingEpochs: [EpochRecord] { get }
}
