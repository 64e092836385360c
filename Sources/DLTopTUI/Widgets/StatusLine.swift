import DLTopMonitor

/// The two status rows at the top:
/// `name  RUNNING  epoch 12/30 ████░░ 234/469  12.3k/s  ETA 3:21  elapsed 5:02`
/// `lr 1e-3  adam  best val_loss 0.312 @ e9  patience 3/5`.
/// A watched run (not controllable) adds `advice only`, and reads `early stop would fire at e12`
/// once the policy would have stopped it.
/// Groups that do not fit are left out from the right; the progress bar takes the room left.
package struct StatusLine: Sendable {
  package var snapshot: TrainingSnapshot

  package init(snapshot: TrainingSnapshot) {
    self.snapshot = snapshot
  }

  package func render(into grid: inout CellGrid, area: Rect, theme: Theme) {
    guard area.height >= 1, area.width > 0 else { return }
    let progress = snapshot.progress
    let text = theme.style(.mainForeground)
    let dim = theme.style(.inactive)
    // Row 1: status word, epoch, bar, speed, time.
    var x = area.x
    let stateStyle: Style
    switch snapshot.status {
    case .paused: stateStyle = theme.style(.paused, bold: true).reversedIfMonochrome(theme)
    case .diverged, .failed: stateStyle = theme.style(.bad, bold: true)
    case .finished, .stopped: stateStyle = theme.style(.good, bold: true)
    default: stateStyle = theme.style(.title, bold: true)
    }
    x += grid.write(
      snapshot.status.label, x: x, y: area.y, style: stateStyle, maxWidth: area.maxX - x)
    x += 2
    let total = progress.totalEpochs.map { "/\($0)" } ?? ""
    x += grid.write("epoch ", x: x, y: area.y, style: dim, maxWidth: max(0, area.maxX - x))
    x += grid.write(
      "\(progress.epoch)\(total)", x: x, y: area.y, style: theme.style(.title, bold: true),
      maxWidth: max(0, area.maxX - x))
    var tail: [[Span]] = []
    if let loading = progress.loading {
      tail.append([Span(Self.loadingText(loading), theme.style(.message))])
    }
    if let quiet = progress.quietSeconds, snapshot.status.isLive, progress.loading == nil {
      tail.append([Span("last update \(Self.agoText(quiet))", theme.style(.warning, bold: true))])
    }
    if let perEpoch = progress.batchesPerEpoch {
      tail.append([Span("\(progress.batch)/\(perEpoch)", text)])
    }
    if let speed = progress.samplesPerSecond {
      tail.append([Span(NumberFormat.count(speed), text), Span(" samples/s", dim)])
    }
    if let eta = progress.etaSeconds, snapshot.status.isLive {
      tail.append([Span("ETA ", dim), Span(NumberFormat.duration(eta), text)])
    }
    tail.append([Span("elapsed ", dim), Span(NumberFormat.duration(progress.elapsedSeconds), text)])
    let tailWidths = tail.map { $0.width + 2 }
    var room = area.maxX - x - 1
    var fitted = 0
    while fitted < tail.count && tailWidths[...fitted].reduce(0, +) <= room - 8 { fitted += 1 }
    room -= tailWidths[..<fitted].reduce(0, +)
    if let perEpoch = progress.batchesPerEpoch, perEpoch > 0, room >= 6 {
      let barWidth = min(40, room - 1)
      ProgressBar(fraction: Double(progress.batch) / Double(perEpoch))
        .render(
          into: &grid, area: Rect(x: x + 1, y: area.y, width: barWidth, height: 1), theme: theme)
      x += barWidth + 1
    }
    for group in tail.prefix(fitted) {
      x += 2
      x += grid.write(group, x: x, y: area.y, maxWidth: max(0, area.maxX - x))
    }
    guard area.height >= 2 else { return }
    // Row 2: name, lr, optimizer, best, patience.
    var groups: [[Span]] = []
    if let rate = snapshot.learningRate {
      groups.append([
        Span("lr ", dim), Span(NumberFormat.rate(rate), theme.style(.learningRate, bold: true)),
      ])
    }
    if let optimizer = snapshot.run.optimizer { groups.append([Span(optimizer, text)]) }
    if let stopping = snapshot.earlyStopping {
      if let value = stopping.bestValue, let epoch = stopping.bestEpoch {
        groups.append([
          Span("best \(stopping.monitor) ", dim),
          Span(NumberFormat.compact(value), theme.style(.bestMark, bold: true)),
          Span(" @ e\(epoch)", dim),
        ])
      }
      if !snapshot.run.controllable, let stop = stopping.stoppedEpoch {
        // A watched run cannot be stopped: the policy only says where it would have.
        groups.append([
          Span("early stop would fire at ", dim),
          Span("e\(stop)", theme.style(.stopMark, bold: true)),
        ])
      } else if stopping.enabled {
        let style = stopping.wait * 2 >= stopping.patience ? theme.style(.warning) : text
        groups.append([
          Span("patience ", dim), Span("\(stopping.wait)/\(stopping.patience)", style),
        ])
      } else {
        groups.append([Span("early stop off", dim)])
      }
    } else if let best = bestValidationLoss() {
      groups.append([
        Span("best val_loss ", dim),
        Span(NumberFormat.compact(best.value), theme.style(.bestMark, bold: true)),
        Span(" @ e\(best.epoch)", dim),
      ])
    }
    if !snapshot.run.controllable {
      // A followed run that ended says so on the first line; only a live one gets advice.
      let note = snapshot.status.isLive ? "advice only" : "read from its log"
      groups.append([Span(note, theme.style(.message))])
    }
    groups.append([Span(snapshot.run.name, theme.style(.title))])
    x = area.x
    for group in groups {
      guard x + group.width <= area.maxX else { break }
      x += grid.write(group, x: x, y: area.y + 1, maxWidth: area.maxX - x) + 2
    }
  }

  /// `reading run.jsonl 45 MB / 200 MB`.
  static func loadingText(_ loading: LoadingProgress) -> String {
    "reading \(loading.file) \(NumberFormat.bytes(loading.bytesRead)) / \(NumberFormat.bytes(loading.totalBytes))"
  }

  /// `3 min ago`, `1 h 5 min ago`: how long a followed log has been quiet.
  static func agoText(_ seconds: Double) -> String {
    let minutes = Int(seconds / 60)
    guard minutes >= 60 else { return "\(minutes) min ago" }
    return "\(minutes / 60) h \(minutes % 60) min ago"
  }

  private func bestValidationLoss() -> (epoch: Int, value: Double)? {
    var best: (epoch: Int, value: Double)?
    for record in snapshot.epochs {
      guard let value = record.validationLoss, value.isFinite else { continue }
      if value < best?.value ?? .infinity { best = (record.epoch, value) }
    }
    return best
  }
}

extension Style {
  /// Reverse video in a monochrome theme, so an alarm word stands out without colour.
  package func reversedIfMonochrome(_ theme: Theme) -> Style { theme.monochrome ? reversed : self }
}
