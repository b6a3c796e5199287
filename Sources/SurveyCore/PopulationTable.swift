import Foundation

/// An outside population for rates (a table's `rate: {population: FILE}`), as a census or the
/// statistics office publishes it: one row per combination of key columns (`region`, `year`,
/// `sex`, …) with its `population`, and optionally the `source` of the row.
///
/// A rate's domain takes the population of the rows whose keys match its by-variables; key
/// columns that are not by-variables of the table are added up (a national rate from a file by
/// region), except `year`, which is never added up: the table is by `year`, or the rate names
/// one (`year:`), or the file holds a single year.
public struct PopulationTable: Sendable, Equatable {
  /// One row of the file.
  public struct Row: Sendable, Equatable {
    /// The key cells, in ``PopulationTable/keyColumns`` order.
    public var keys: [String]
    /// The number of people.
    public var population: Double
    /// Where the figure comes from (the `source` column), if the file says.
    public var source: String?
    /// The 1-based line of the row in the file.
    public var line: Int

    /// A row with its keys (in key-column order), population, source and line.
    public init(keys: [String], population: Double, source: String? = nil, line: Int) {
      self.keys = keys
      self.population = population
      self.source = source
      self.line = line
    }
  }

  /// The file, as named in messages.
  public let file: String
  /// Every column but `population` and `source`, in file order.
  public let keyColumns: [String]
  public let rows: [Row]
  /// The SHA-256 and size of the bytes the rows were read from, when read from a file.
  public var sha256: String?
  public var bytes: Int?

  /// The column names with a meaning of their own.
  public static let populationColumn = "population"
  public static let sourceColumn = "source"
  public static let yearColumn = "year"

  /// Checks the rows read from `file`: a finite population above 0 in every row, and no
  /// combination of keys twice.
  ///
  /// - Throws: ``CoreError/invalidValue(file:line:key:problem:)`` naming the line.
  public init(file: String, keyColumns: [String], rows: [Row]) throws {
    self.file = file
    self.keyColumns = keyColumns
    self.rows = rows
    var seen: [[String]: Int] = [:]
    for row in rows {
      guard row.population.isFinite, row.population > 0 else {
        throw CoreError.invalidValue(
          file: file, line: row.line, key: Self.populationColumn, problem: "a population is a number above 0")
      }
      if let first = seen.updateValue(row.line, forKey: row.keys) {
        throw CoreError.invalidValue(
          file: file, line: row.line, key: keyColumns.joined(separator: ","),
          problem: "the same keys as line \(first): each combination of \(keyColumns.joined(separator: ", ")) once")
      }
    }
  }

  /// The years of the file's rows, sorted (empty without a `year` column).
  public var years: [String] {
    guard let column = keyColumns.firstIndex(of: Self.yearColumn) else { return [] }
    return Set(rows.map { $0.keys[column] }).sorted()
  }

  /// The sources of `rows`, each once, in file order.
  public func sources(of rows: [Row]) -> [String] {
    var seen = Set<String>()
    return rows.compactMap(\.source).filter { !$0.isEmpty && seen.insert($0).inserted }
  }
}
