import SurveyCore
import SurveyDesign
import SurveyIngest
import SurveyTabulate

/// What one published table measures and how it was computed: the sentences under its title in
/// `tables.md`, `tables.html` and `tables.xlsx`, and its entry in `tables.json`.
///
/// Its indicator (code, name, definition, which units it counts), the rows a filter kept,
/// whether the data are a census (no sampling error) or a sample (and how SEs were computed),
/// and for a rate its unit and population: the file, its SHA-256, the source and year of the
/// rows used and each domain's population.
struct TableMetadata {
  let spec: TableSpec
  let census: Bool
  let replicates: ReplicateWeights?
  let population: PopulationTable?
  /// The population of each estimate row's domain, for a rate against a population file.
  let matches: [PopulationTable.Match]

  /// - Parameter matches: the population rows of each estimate row, for a rate against a
  ///   population file (``SurveyTabulate/Estimator/populationMatches(_:by:rows:population:filter:)``).
  init(spec: TableSpec, design: Design, population: PopulationTable?, matches: [PopulationTable.Match]) {
    self.spec = spec
    census = design.spec.census
    replicates = design.replicates
    self.population = population
    self.matches = matches
  }

  /// The table's title: `NAME: STATISTIC of VARIABLE by BY`, a rate with its unit.
  var title: String {
    let what =
      spec.rate.map { "rate of \($0.numerator) \($0.unitText)" } ?? "\(spec.statistic.rawValue) of \(spec.variable)"
    return "\(spec.name): \(what)" + (spec.by.isEmpty ? "" : " by \(spec.by.joined(separator: ", "))")
  }

  /// The sentences shown under the title.
  var notes: [String] {
    var notes = spec.indicator?.notes ?? []
    notes += EstimateTable.notes(filter: spec.filter, replicates: replicates)
    if census { notes.append(Self.censusNote) }
    if let rate = spec.rate, let population { notes.append(populationNote(rate, population)) }
    return notes
  }

  /// What a census table says about its precision.
  static let censusNote =
    "Census (design: {census: true}): every unit is counted once, so these figures have no sampling error: SE 0, and no confidence interval, design effect or degrees of freedom."

  private var usedRows: [PopulationTable.Row] {
    var seen = Set<Int>()
    return matches.flatMap(\.rows).filter { seen.insert($0.line).inserted }
  }

  private var usedYears: [String] {
    // A file without years is the population of the rate's `year:`, when it names one.
    guard let column = population?.keyColumns.firstIndex(of: PopulationTable.yearColumn) else {
      return spec.rate?.year.map { [$0] } ?? []
    }
    return Set(usedRows.map { $0.keys[column] }).sorted()
  }

  private var sources: [String] {
    if let source = spec.rate?.source { return [source] }
    return population?.sources(of: usedRows) ?? []
  }

  private func populationNote(_ rate: RateSpec, _ population: PopulationTable) -> String {
    var text = "Rate \(rate.unitText): the total of \(rate.numerator) × \(NumberFormatting.string(rate.per)) ÷ the population in \(Ingest.fileName(population.file))"
    if !sources.isEmpty { text += ", source: \(sources.joined(separator: "; "))" }
    if !usedYears.isEmpty { text += ", year \(usedYears.joined(separator: ", "))" }
    return text + ". The population is taken as known: the SE is the total's, scaled the same way."
  }

  /// The table's entry in `tables.json`.
  var json: String {
    JSONText.object([
      ("name", JSONText.string(spec.name)), ("file", JSONText.string("tables/\(spec.name).csv")),
      ("title", JSONText.string(title)),
      ("statistic", JSONText.string(spec.association == nil ? spec.statistic.rawValue : "chisq")),
      ("variable", JSONText.string(spec.variable)), ("by", Self.array(spec.by.map { JSONText.string($0) })),
      ("filter", JSONText.string(spec.filter?.description)),
      ("design", JSONText.string(census ? "census" : "sample")),
      ("sampling_error", JSONText.string(census ? "none: a census" : replicates.map { "replicates: \($0.summary)" } ?? "linearization")),
      ("indicator", indicatorJSON), ("rate", rateJSON), ("notes", Self.array(notes.map { JSONText.string($0) })),
    ])
  }

  private var indicatorJSON: String {
    guard let indicator = spec.indicator else { return "null" }
    return JSONText.object([
      ("code", JSONText.string(indicator.code)), ("name", JSONText.string(indicator.name)),
      ("definition", JSONText.string(indicator.definition)), ("counts", JSONText.string(indicator.counts)),
    ])
  }

  private var rateJSON: String {
    guard let rate = spec.rate else { return "null" }
    var pairs = [
      ("numerator", JSONText.string(rate.numerator)), ("denominator", JSONText.string(rate.denominator)),
      ("per", JSONText.number(rate.per)),
    ]
    if let population {
      let domains = matches.map { match in
        JSONText.object([
          ("keys", Self.array(match.rows.map { row in JSONText.object(zip(population.keyColumns, row.keys.map { JSONText.string($0) }).map { ($0, $1) }) })),
          ("population", JSONText.number(match.population)),
        ])
      }
      pairs.append(
        (
          "population",
          JSONText.object([
            ("file", JSONText.string(Ingest.fileName(population.file))), ("sha256", JSONText.string(population.sha256)),
            ("sources", Self.array(sources.map { JSONText.string($0) })),
            ("years", Self.array(usedYears.map { JSONText.string($0) })), ("by_row", Self.array(domains)),
          ])
        ))
    }
    return JSONText.object(pairs)
  }

  static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

  /// `tables.json`: every estimated table's metadata, in the pipeline's order.
  static func document(_ tables: [TableMetadata]) -> String {
    "{\n  \"tables\": [\n" + tables.map { "    " + $0.json }.joined(separator: ",\n") + "\n  ]\n}\n"
  }
}
