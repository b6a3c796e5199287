/// A rate: a total per `per` units of a denominator (a table's `rate:`).
///
/// Against an outside population (`population: FILE`): the weighted total of `numerator` in
/// each domain, divided by the domain's population from the file and multiplied by `per`, as a
/// density per 10,000 population. The population is a known constant, so the rate's SE is the
/// total's SE scaled the same way.
///
/// Against a variable of the data (`denominator: VAR`): the ratio of the two totals (R's
/// `svyratio`) multiplied by `per`, as exits per 1,000 registered workers.
public struct RateSpec: Sendable, Equatable {
  /// The numeric variable counted (a 0/1 indicator or a count).
  public var numerator: String
  /// The variable whose total is the denominator, when the rate is within the data.
  public var denominator: String?
  /// The rate's unit: per 1,000, per 10,000, …
  public var per: Double
  /// The population file, resolved against the pipeline's folder, when the denominator is an
  /// outside population.
  public var population: String?
  /// The year of the population file's rows to use, when the file holds several years and the
  /// table is not by `year`; for a file without a `year` column, the year its population is
  /// (for the table's metadata).
  public var year: String?
  /// Where the population comes from (`source:`), for the table's metadata; a `source` column
  /// of the file is used when this is not given.
  public var source: String?

  /// A rate of `numerator` per `per` units of `denominator`'s total or of `population`.
  public init(
    numerator: String, denominator: String? = nil, per: Double, population: String? = nil, year: String? = nil,
    source: String? = nil
  ) {
    self.numerator = numerator
    self.denominator = denominator
    self.per = per
    self.population = population
    self.year = year
    self.source = source
  }

  /// Whether `variable` is a condition a rate can count: categorical with the codes 0 and 1 (or
  /// one of them) and no other, as a derived condition (`expression: "activity == 1"`).
  public static func isCondition(_ variable: Variable) -> Bool {
    variable.type == .categorical && !variable.codes.isEmpty && variable.codes.allSatisfy { conditionCodes.contains($0.code) }
  }

  /// The codes of a condition (``DeriveSpec/conditionCodes``: 0 = No, 1 = Yes).
  public static let conditionCodes = Set(DeriveSpec.conditionCodes.map(\.code))

  /// The variable an estimate row of the rate names: the numerator, or `NUM/DEN`.
  public var variable: String { denominator.map { "\(numerator)/\($0)" } ?? numerator }

  /// `per 10,000 population` or `per 1,000 registered`, for titles and notes.
  public var unitText: String {
    let amount = NumberFormatting.string(per)
    return denominator.map { "per \(amount) \($0)" } ?? "per \(amount) population"
  }
}

/// What a table measures, named so that it travels with the numbers (a table's `indicator:`):
/// the indicator's code (as `NHWA 1-02` for WHO's National Health Workforce Accounts, or the
/// pipeline's own), its name and definition, and which units it counts (for health workers:
/// which activity status, licensed, practising or professionally active).
public struct IndicatorSpec: Sendable, Equatable {
  /// The indicator's code, such as `NHWA 1-02`.
  public var code: String
  /// Its name, such as `Health worker density`.
  public var name: String
  /// What is divided by what, over which units.
  public var definition: String
  /// Which units the indicator counts, in words (`counts:`), such as "practising".
  public var counts: String?

  /// An indicator with its code, name, definition and, optionally, what it counts.
  public init(code: String, name: String, definition: String, counts: String? = nil) {
    self.code = code
    self.name = name
    self.definition = definition
    self.counts = counts
  }

  /// The sentences `tables.md` and `tables.html` show under the table's title.
  public var notes: [String] {
    ["Indicator \(code): \(name). \(definition)"] + (counts.map { ["Counts: \($0)."] } ?? [])
  }
}
