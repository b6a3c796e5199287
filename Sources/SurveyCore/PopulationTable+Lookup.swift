extension PopulationTable {
  /// The population of one domain and the rows it adds up.
  public struct Match: Sendable, Equatable {
    /// The sum of the rows' populations.
    public var population: Double
    /// The file's rows the domain takes.
    public var rows: [Row]
  }

  /// The population of each domain of a table by `variables`, whose levels are `levels` (one
  /// list per domain, in `variables` order).
  ///
  /// - Parameter year: the year to take when the table is not by `year` (a rate's `year:`).
  /// - Throws: ``CoreError/invalidValue(file:line:key:problem:)`` when the file has several
  ///   years and neither the table nor the rate says which, when the year asked for is not in
  ///   the file, or when a domain matches no row.
  public func matches(by variables: [String], levels: [[String]], year: String?) throws -> [Match] {
    let yearColumn = keyColumns.firstIndex(of: Self.yearColumn)
    var candidates = rows
    if let yearColumn, !variables.contains(Self.yearColumn) {
      let years = self.years
      if let year {
        guard years.contains(year) else {
          throw problem("no rows for year \(year) (the file has \(years.joined(separator: ", ")))")
        }
        candidates = rows.filter { $0.keys[yearColumn] == year }
      } else if years.count > 1 {
        throw problem(
          "rows for \(years.count) years (\(years.joined(separator: ", "))): give the rate's year, or tabulate by year")
      }
    }
    // The by-variables that are key columns of the file: where they sit in a domain and a row.
    let matched = variables.enumerated().compactMap { index, name in
      keyColumns.firstIndex(of: name).map { (domain: index, column: $0) }
    }
    var index: [[String]: [Row]] = [:]
    for row in candidates { index[matched.map { row.keys[$0.column] }, default: []].append(row) }
    return try levels.map { domain in
      let key = matched.map { domain[$0.domain] }
      guard let found = index[key], !found.isEmpty else {
        let named = zip(matched.map { keyColumns[$0.column] }, key).map { "\($0)=\($1)" }.joined(separator: ", ")
        throw problem("no row for \(named.isEmpty ? "the whole table" : named)")
      }
      return Match(population: found.reduce(0) { $0 + $1.population }, rows: found)
    }
  }

  private func problem(_ text: String) -> CoreError {
    .invalidValue(file: file, line: nil, key: Self.populationColumn, problem: text)
  }
}
