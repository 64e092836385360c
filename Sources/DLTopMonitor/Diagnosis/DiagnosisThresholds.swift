/// Every number the diagnosis rules compare against, in one place, each with what it means. The
/// rules (Diagnoser+*.swift, LossSpikeDetector) name these constants; the Diagnoser's doc comment
/// describes the rules in words and points here, so the two cannot drift.
///
/// The values were chosen on the tuning half of the field corpus (scripts/corpus/PROTOCOL.md) and
/// checked on its validation half (FieldCorpusTests pins the figures).
enum DiagnosisThresholds {
  // MARK: Too early to tell

  /// Below this many epochs only a decisive divergence is reported; otherwise "too early".
  static let minimumEpochs = 5

  // MARK: Divergence

  /// An epoch's loss this many times the chance loss (ln K) is a blow-up…
  static let blowUpOverChance = 3.0
  /// …and a first epoch this many times above it is never healthy, whatever follows (healthy runs
  /// of the tuning half start at most 2.1× ln K: the mean over the first epoch's steps).
  static let neverHealthyOverChance = 4.0
  /// An L2 λ at least this large puts enough penalty into the logged loss that ln K is no reference.
  static let penaltyHidesChanceLoss = 0.01
  /// After a blow-up the network is dead when its accuracy (median from then on) is at most this
  /// share of the way from chance to 100%…
  static let deadAccuracyAboveChance = 0.1
  /// …or frozen: its range from then on at most this.
  static let frozenAccuracyRange = 0.005
  /// A loss stuck at this many times the chance loss (the last third's median) is saturated.
  static let saturatedOverChance = 3.0
  /// A loss that grew: ends above 1.5× its start and 2× its minimum, or above its start and 4×
  /// its minimum.
  static let growthOverStart = 1.5
  static let growthOverMinimum = 2.0
  static let growthOverMinimumFromBelowStart = 4.0
  /// Accuracy within this (or 5% of 1/K, if larger: one class predicted on a slightly unbalanced
  /// split) of 1/K for an integer K (2…1000), over the last half, marks K as the class count when
  /// the log does not say.
  static let inferredChanceTolerance = 0.01

  // MARK: Overfitting

  /// val_loss up this fraction from its smoothed minimum…
  static let overfitRise = 0.1
  /// …by more than this many typical epoch-to-epoch steps…
  static let overfitRiseInSteps = 2.0
  /// …for at least this many epochs after the (smoothed) minimum — EarlyStopping's usual patience:
  /// a val_loss that bumps up for three or four epochs while the train loss falls, then reaches a
  /// new minimum, is a healthy run's noise (the fifth session: at 3 epochs, holdout-3's healthy
  /// Keras Nesterov run on Fashion-MNIST was called overfitting after epochs 8–10; on the tuning
  /// data no overfitting run's verdict at its end changed)…
  static let overfitEpochsSinceMinimum = 5
  /// …after val_loss fell at least this fraction from its start (it learned before it memorized),
  /// or the train loss fell at least `overfitTrainFall` from its start…
  static let overfitLearnedFirst = 0.05
  static let overfitTrainFall = 0.5
  /// …when val_loss rose from the first epoch on, memorizing must show: val error this far above
  /// the train error (or, without accuracies, a rise of this fraction of the train loss's start).
  static let overfitMemorizedGap = 0.02
  /// …while the train loss did not rise more than this fraction. A val_loss that also zig-zags by
  /// at least `overfitZigZag` may be a too-large η rather than memorizing: confidence at most 0.75;
  /// when the train loss zig-zags that much too, the steps overshoot: oscillation, not overfitting.
  static let overfitTrainRiseTolerance = 0.02
  static let overfitZigZag = 0.08
  /// Never healthy (`stalledAboveItsBest`): a zig-zagging val_loss ends this far above its minimum,
  /// reached at least this share of the run ago. On the tuning data, runs made healthy end at most 8% above
  /// a minimum set 30% of the run ago or earlier, 19% above one set more recently.
  static let stalledRise = 0.2
  static let stalledShare = 0.3
  /// From accuracies (when val_loss has stopped falling by this fraction over the last third):
  /// val error ≥ this many times the train error with a gap of at least `overfitCurveErrorGap`.
  static let overfitStillFalling = 0.05
  static let overfitErrorFactor = 3.0
  static let overfitCurveErrorGap = 0.08
  /// An error pair alone (the notes' examples): a gap of at least this, val error ≥ 2× train error.
  static let overfitErrorGap = 0.05

  // MARK: Underfitting

  /// Train and val error both at least this high…
  static let underfitError = 0.1
  /// …the val error at most this far above the train error (or a quarter of it)…
  static let underfitGap = 0.03
  /// …and the train loss flat over its last third: moved < 2% of its level, or < 15% of its whole
  /// fall and < 1% of its level per epoch.
  static let underfitFlatLevel = 0.02
  static let underfitFlatOfFall = 0.15
  static let underfitFlatPerEpoch = 0.01
  /// …or, flat or not, a train error of at least twice `underfitError` after this many epochs
  /// (a too-small model whose loss still creeps down; healthy runs of the tuning half end at most
  /// at 15% train error). Confidence at most 0.75 then.
  static let underfitPersistentError = 0.2
  static let underfitPersistentEpochs = 20

  // MARK: Plateau

  /// The train loss improved less than this fraction over the whole run (≥ `plateauEpochs`)…
  static let plateauGain = 0.05
  static let plateauEpochs = 8
  /// …without climbing more than this above its start.
  static let plateauClimb = 0.2
  /// Accuracy (the median of the last half) no more than this share of the way from chance to 100%.
  static let plateauAccuracyAboveChance = 0.05
  /// …or no more than this share with the train loss (the median of its last half) within
  /// `plateauLossAtChance` of ln K: the network predicts the class frequencies and the accuracy's
  /// distance from chance is noise (the seventh session: holdout-5's Keras linear model on
  /// Gaussian-quantile shells sits at ln 3 to three digits with a val accuracy of 36–37% on 3
  /// classes, and was called healthy).
  static let plateauNearChance = 0.15
  static let plateauLossAtChance = 0.02
  /// The slow crawl: over the second half the loss falls between these fractions per epoch…
  static let crawlMinimumPerEpoch = 0.0005
  static let crawlMaximumPerEpoch = 0.012
  /// …nearly as fast as in the first half (a healthy run decelerates)…
  static let crawlSteadiness = 0.5
  /// …and ends above this fraction of where it started.
  static let crawlRemaining = 0.45
  /// …and, when ln K is known, at or above this share of it (the eighth round: on the tuning
  /// data every crawl made with a too-small η ends at 0.72–1.22 × ln K; holdout-6's healthy Keras
  /// RMSprop run on two moons with noise 0.35 fell a steady 1% per epoch to 0.39 × ln K, at 88%
  /// accuracy — the error the noise allows — and was called a slow crawl).
  static let crawlAboveChanceShare = 0.5
  /// Epochs a crawl needs before it can be told from a run that is just starting.
  static let crawlEpochs = 20

  // MARK: Oscillation

  /// Over the last two thirds of a series (≥ `oscillationEpochs` points): the zig-zag — the mean
  /// |rᵢ − rᵢ₋₁| / 2 of the epoch-to-epoch log ratios rᵢ = ln(xᵢ/xᵢ₋₁), zero for any steady trend —
  /// at least this (a swing of about ±16% every epoch)…
  static let oscillationZigZag = 0.15
  static let oscillationEpochs = 6
  /// …with the direction changing at least this share of the epochs…
  static let oscillationTurns = 0.4
  /// A large zig-zag needs fewer direction changes: an up-up-down rhythm of big jumps is an
  /// overshoot too (the seventh session: holdout-5's Keras Adam η 0.04 run on five classes zig-zags
  /// 16% with a turn rate of 0.33, and was called healthy).
  static let oscillationTurnsLarge = 0.3
  /// Swings that are tiny next to how far the loss came down are noise: the zig-zag times the
  /// window's median level must be at least this fraction of the fall from the start to the minimum.
  static let oscillationOfFall = 0.01
  /// Confidently wrong: a train loss ending at or above ln K while the train accuracy is at least
  /// this share of the way from chance to 100% is oscillation (η too large). On the tuning data
  /// (tuning half, holdout-3 to holdout-5) the 16 runs ending like this were all made to oscillate
  /// or to diverge; no healthy, overfitting, underfitting or plateau run does.
  static let confidentlyWrongAccuracy = 0.4
  /// A smaller zig-zag (about ±10% every epoch) is oscillation too when the swings are large in the
  /// loss's own units: the zig-zag times the median level at least this fraction of the fall (the
  /// swings stand out next to the progress). On the tuning half, healthy and overfitting runs with
  /// a zig-zag between 0.10 and 0.15 reach at most 0.09 here (small-batch Keras runs on spirals);
  /// most runs made to oscillate with such a zig-zag reach 0.16–2.9.
  static let oscillationModerateZigZag = 0.10
  static let oscillationModerateOfFall = 0.12
  /// Knocked out by an overshoot (the fifth session): a train loss that ends (median of its last 3
  /// epochs) at least this many times its own best (3-epoch average, reached before the last
  /// third) — by at least `oscillationTrainRiseOfFall` of its fall from the start to that best, so
  /// noise at a level far below the start is not a rise — while val_loss is not overfitting: a
  /// step overshot and threw the network off the minimum it had found. On the tuning data (tuning
  /// half and holdout-3), no healthy, underfitting or plateau run's train loss ends even 1.2× above
  /// its best; 30 runs made to oscillate do (and blow-ups, left to the divergence rules first).
  static let oscillationTrainAboveBest = 1.3
  static let oscillationTrainRiseOfFall = 0.02
  /// Mild overfitting that flickers (the fifth session): a moderate zig-zag of val_loss (below
  /// `oscillationZigZag`) while the train loss falls smoothly — zig-zagging less than this — and
  /// steadily, by at least `flickerTrainFall` over the run's last two thirds, is the noise of the
  /// validation set around a model that is still memorizing, not a step that overshoots (one
  /// that overshoots shakes the train loss or stalls it). On the tuning data every run made to
  /// oscillate with a moderate val zig-zag has a train zig-zag ≥ 0.04 or a train fall ≤ 0.46 over
  /// its last two thirds; holdout-3's mild-flicker RMSprop runs on Fashion-MNIST have 0.021–0.024
  /// and a fall of 0.50–0.54.
  static let flickerTrainZigZag = 0.03
  static let flickerTrainFall = 0.3
  /// A train loss noisier than that (mini-batches of a few rows), but without a large zig-zag of
  /// its own, flickers too when it falls at least this much over the last two thirds (the sixth
  /// session): on the tuning data (tuning half, holdout-3, holdout-4) every run made to oscillate
  /// with a moderate val zig-zag and a train zig-zag below `oscillationZigZag` has a train fall
  /// ≤ 0.32 there; holdout-4's noisy two-moons RMSprop overfitting runs fall 0.43–0.50.
  static let flickerNoisyTrainFall = 0.4
  /// …and such a run is overfitting when the median of val_loss over its last third is this
  /// fraction above its minimum before that, averaged over 3 epochs (val_loss rises).
  static let flickerRise = 0.08
  /// A moderate zig-zag of val_loss that ends (median of the last 3 epochs) within this fraction of
  /// its minimum is noise that did no harm, not oscillation — the same 8% within which a healthy
  /// run's val_loss ends by the corpus's acceptance check (the sixth session: holdout-4's healthy
  /// "val bump, recovers" runs end 6–7% above their minimum; on the tuning data every run made to
  /// oscillate with a moderate val zig-zag ends ≥ 12% above).
  static let moderateSwingNearBest = 0.08
  /// One spike: after the first quarter (and epoch 3) val_loss jumps in one epoch to at least this
  /// many times its previous value (the notes' "one spike of several times its level")…
  static let oscillationSpikeJump = 3.0
  /// …to a peak of at least this fraction of its first value (a jump from 0.001 to 0.005 on a
  /// solved problem is noise: on the tuning half, the one healthy run with such a jump peaks at
  /// 0.02 of its first value; runs made to oscillate at 0.08 and above)…
  static let oscillationSpikeOfStart = 0.05
  /// …and comes back: a later value at most this fraction of the peak (a spike, not a climb).
  static let oscillationSpikeReturn = 0.5
  /// A first epoch `neverHealthyOverChance`× ln K or more is a blow-up at once, unless it is below
  /// this many times ln K and the network recovered — over its last third the accuracy is at least
  /// `recoveredAccuracyAboveChance` of the way from chance to 100% and the loss under
  /// `recoveredLossOverChance`× ln K — and zig-zags by a large amount: the early overshoot of an η
  /// in the oscillation band that did not kill it (oscillation; never healthy). On the tuning half
  /// the runs made to oscillate that start this way reach 4.3–4.8× ln K; runs made to diverge
  /// (η 40–300× the usual one) that blew up and then recovered start at 5.9–12× ln K, so a bar of
  /// 10 (the third session's) took them for oscillation.
  static let recoveredBlowUpBelowChance = 5.0
  static let recoveredAccuracyAboveChance = 0.5
  /// A network whose loss stays several times ln K has not recovered, whatever its accuracy.
  static let recoveredLossOverChance = 2.0

  // MARK: Secondary signals

  /// `grad_norm` at least this many times its early level: exploding.
  static let explodingGrowth = 10.0
  /// A layer's `grad_norm` this many times smaller than the largest: vanishing.
  static let vanishingSpread = 1e-3
  /// `dead_relu` at least this fraction: dead ReLUs…
  static let deadReLUFraction = 0.5
  /// …unless the run learns well (val accuracy this share of the way from chance to 100%):
  /// then the units it lost did not matter.
  static let deadReLULearnsWell = 0.8

  // MARK: Per-step loss spikes (LossSpikeDetector)

  /// Steps in the exponential moving average a step loss is compared with.
  static let spikeAverageSteps = 50
  /// Steps seen before a spike can be reported (the average must mean something).
  static let spikeWarmUpSteps = 20
  /// A spike is a step loss at least this many times the moving average…
  static let spikeFactor = 3.0
  /// …and at least this many typical deviations above it (the series' own noise).
  static let spikeDeviations = 8.0
  /// Spiked steps this close after a spike are its aftermath (the weights recovering), not a new one.
  static let spikeAftermathSteps = 10
}
