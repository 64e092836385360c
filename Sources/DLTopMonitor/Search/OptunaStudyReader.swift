import Foundation

/// Reads an Optuna study from its SQLite storage (`sqlite:///study.db`, as written by
/// `optuna.create_study(storage=…)`) into a `SearchSnapshot`, so `dltop watch study.db` shows the
/// search view for searches that Optuna runs, on one machine or many.
///
/// Tables read (Optuna's schema, stable since 2.x): `studies`, `study_directions`, `trials`,
/// `trial_params` (with each parameter's `distribution_json`), `trial_values` and
/// `trial_intermediate_values` (the per-step values that Optuna's pruners judge). The trial's
/// objective takes the place of `val_loss`; a maximized objective is shown negated so that lower
/// is better everywhere in the view (the title says so). Opened read-only: dltop never writes to a
/// study another process is optimizing.
package enum OptunaStudyReader {
  /// A study file that cannot be read as an Optuna study.
  package struct Failure: Error, Sendable, CustomStringConvertible {
    package var path: String
    package var message: String
    package var description: String { "\(path): \(message)" }
  }

  /// Whether `path` is a SQLite file with Optuna's tables.
  package static func isOptunaStudy(_ path: String) -> Bool {
    guard let header = FileManager.default.contents(atPath: path)?.prefix(16),
      String(decoding: header, as: UTF8.self).hasPrefix("SQLite format 3")
    else { return false }
    guard let database = try? SQLiteDatabase(path: path), let tables = try? database.tableNames()
    else { return false }
    return ["studies", "trials", "trial_params", "trial_values"].allSatisfy(tables.contains)
  }

  /// Reads the study named `name` (default: the first one) into a snapshot.
  package static func read(path: String, study name: String? = nil) throws -> SearchSnapshot {
    let database: SQLiteDatabase
    do {
      database = try SQLiteDatabase(path: path)
    } catch {
      throw Failure(path: path, message: "\(error)")
    }
    do {
      return try read(database, path: path, study: name)
    } catch let failure as Failure {
      throw failure
    } catch {
      throw Failure(path: path, message: "not an Optuna study: \(error)")
    }
  }

  private static func read(_ database: SQLiteDatabase, path: String, study name: String?) throws
    -> SearchSnapshot
  {
    let studies = try database.rows("SELECT study_id, study_name FROM studies ORDER BY study_id")
    guard let study = studies.first(where: { name == nil || $0[1].text == name }),
      let studyID = study[0].integer
    else {
      throw Failure(
        path: path, message: name.map { "no study named '\($0)'" } ?? "the storage holds no study")
    }
    let directions = try database.rows(
      "SELECT direction FROM study_directions WHERE study_id = ?1 ORDER BY objective",
      [.integer(studyID)])
    let maximize = directions.first?[0].text == "MAXIMIZE"
    let sign = maximize ? -1.0 : 1.0

    // Parameters: name → (domain, choices) from the first distribution seen, in first-seen order.
    var parameters: [SearchParameter] = []
    var categorical: [String: [String]] = [:]
    var values: [Int64: [String: ParameterValue]] = [:]
    let paramRows = try database.rows(
      """
      SELECT p.trial_id, p.param_name, p.param_value, p.distribution_json FROM trial_params p
      JOIN trials t ON t.trial_id = p.trial_id WHERE t.study_id = ?1 ORDER BY p.trial_id, p.param_id
      """, [.integer(studyID)])
    for row in paramRows {
      guard let trialID = row[0].integer, let name = row[1].text, let raw = row[2].number else {
        continue
      }
      let distribution = row[3].text.flatMap { try? JSONValue.parse($0) }
      if !parameters.contains(where: { $0.name == name }) {
        let (domain, choices) = domain(of: distribution)
        parameters.append(SearchParameter(name: name, domain: domain))
        if let choices { categorical[name] = choices }
      }
      let value: ParameterValue
      if let choices = categorical[name] {
        let index = Int(raw)
        value = .choice(index >= 0 && index < choices.count ? choices[index] : String(raw))
      } else {
        value = .number(raw)
      }
      values[trialID, default: [:]][name] = value
    }
    let space = SearchSpace(parameters)

    var intermediate: [Int64: [EpochRecord]] = [:]
    let stepRows = try database.rows(
      """
      SELECT v.trial_id, v.step, v.intermediate_value, v.intermediate_value_type FROM trial_intermediate_values v
      JOIN trials t ON t.trial_id = v.trial_id WHERE t.study_id = ?1 ORDER BY v.trial_id, v.step
      """, [.integer(studyID)])
    for row in stepRows {
      guard let trialID = row[0].integer, let step = row[1].integer else { continue }
      let value = number(row[2], type: row[3].text).map { $0 * sign } ?? .nan
      intermediate[trialID, default: []].append(
        EpochRecord(epoch: Int(step), metrics: [MetricName.validationLoss.rawValue: value]))
    }
    var objectives: [Int64: Double] = [:]
    let valueRows = try database.rows(
      """
      SELECT v.trial_id, v.value, v.value_type FROM trial_values v
      JOIN trials t ON t.trial_id = v.trial_id WHERE t.study_id = ?1 AND v.objective = 0
      """, [.integer(studyID)])
    for row in valueRows {
      if let trialID = row[0].integer, let value = number(row[1], type: row[2].text) {
        objectives[trialID] = value * sign
      }
    }

    let title =
      "optuna study \(study[1].text ?? "?")"
      + (maximize ? " (maximize: objective shown negated)" : "")
    var snapshot = SearchSnapshot(
      title: title, space: space, totalRounds: 1, pruner: "optuna", parallelTrials: 0)
    let trialRows = try database.rows(
      "SELECT trial_id, number, state FROM trials WHERE study_id = ?1 ORDER BY number",
      [.integer(studyID)])
    for row in trialRows {
      guard let trialID = row[0].integer, let number = row[1].integer else { continue }
      let given = values[trialID] ?? [:]
      let ordered = space.parameters.map { given[$0.name] ?? .choice("-") }
      var trial = TrialSummary(
        id: Int(number), round: 1, values: ordered, plannedEpochs: 0, command: "")
      trial.status = status(row[2].text)
      trial.epochs = intermediate[trialID] ?? []
      trial.objective = objectives[trialID]
      trial.note = "optuna \(row[2].text?.lowercased() ?? "?")"
      snapshot.trials.append(trial)
    }
    snapshot.status =
      snapshot.trials.contains { $0.status == .running } ? .running : .finished("optuna study")
    return snapshot
  }

  private static func status(_ state: String?) -> TrialStatus {
    switch state {
    case "COMPLETE": .done
    case "PRUNED": .pruned
    case "FAIL": .failed
    case "RUNNING": .running
    default: .queued
    }
  }

  /// A stored value with Optuna's `value_type` (`FINITE`, `INF_POS`, `INF_NEG`, `NAN`).
  private static func number(_ value: SQLiteDatabase.Value, type: String?) -> Double? {
    switch type {
    case "INF_POS": .infinity
    case "INF_NEG": -.infinity
    case "NAN": .nan
    default: value.number
    }
  }

  /// The search domain of an Optuna distribution: `FloatDistribution`/`IntDistribution` with
  /// `log` → log-uniform, else uniform; `CategoricalDistribution` → its choices as text.
  private static func domain(of distribution: JSONValue?) -> (ParameterDomain, [String]?) {
    let attributes = distribution?["attributes"]
    if let choices = attributes?["choices"], case .array(let items) = choices {
      let texts = items.map { item -> String in
        if case .number(let x) = item {
          return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        }
        return item.displayText
      }
      return (.choices(texts), texts)
    }
    let low = attributes?["low"]?.doubleValue ?? 0
    let high = attributes?["high"]?.doubleValue ?? 1
    let range = min(low, high)...max(low, high)
    if case .bool(true)? = attributes?["log"], low > 0 { return (.logUniform(range), nil) }
    return (.uniform(range), nil)
  }
}
