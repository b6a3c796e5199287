import Foundation

/// Population totals for weighting, read from a margins file with the columns
/// `variable,level,total`.
///
/// A categorical variable has one row per level; a joint margin is named `sex:age_group` with
/// levels such as `1:18-29`; a numeric calibration variable has one row with an empty level and
/// its population total (as `calibrate(~stype + api99)` in R). Rows of variables a weighting
/// step does not use are ignored.
public struct Margins: Sendable, Equatable {
  /// One row of the file.
  public struct Row: Sendable, Equatable {
    public var variable: String
    public var level: String
    public var total: Double
    /// The 1-based line of the row in the file.
    public var line: Int

    public init(variable: String, level: String, total: Double, line: Int) {
      self.variable = variable
      self.level = level
      self.total = total
      self.line = line
    }
  }

  /// The file, as named in messages.
  public let file: String
  public let rows: [Row]
  /// The SHA-256 and size of the bytes the rows were read from, when read from a file.
  public var sha256: String?
  public var bytes: Int?

  /// Checks the rows read from `file`: each with a variable name, a total that is a finite
  /// number (0 or more for a level; a numeric variable's total may be negative), and no
  /// (variable, level) pair twice.
  ///
  /// - Parameters:
  ///   - records: the `variable`, `level` and `total` cells of every data row with its line (nil
  ///     cells are blank).
  ///   - decimal: the decimal mark of the totals (`.` or `,`).
  /// - Throws: ``CoreError/invalidValue(file:line:key:problem:)`` naming the line and column.
  public init(
    file: String, records: [(variable: String?, level: String?, total: String?, line: Int)], decimal: UInt8 = 0x2E
  ) throws {
    var rows: [Row] = []
    var seen: [String: Int] = [:]
    for record in records {
      let variable = (record.variable ?? "").trimmingCharacters(in: .whitespaces)
      guard !variable.isEmpty else {
        throw CoreError.invalidValue(file: file, line: record.line, key: "variable", problem: "the variable name is blank")
      }
      let name = MarginName.parts(variable).joined(separator: ":")
      let level = (record.level ?? "").trimmingCharacters(in: .whitespaces)
      let text = (record.total ?? "").trimmingCharacters(in: .whitespaces)
      let reading = NumberText.read(text, decimal: decimal, integer: false)
      guard case .success(let total) = reading, total >= 0 || level.isEmpty else {
        var problem =
          level.isEmpty
          ? "the total of \(name) must be a number" : "the total of \(name) = \(level) must be a number of 0 or more"
        if case .failure(let why) = reading, why != .notANumber { problem += " (it is \(why.explanation))" }
        throw CoreError.invalidValue(file: file, line: record.line, key: "total", problem: problem)
      }
      let key = name + "\u{0}" + level
      if let first = seen[key] {
        throw CoreError.invalidValue(
          file: file, line: record.line, key: "level",
          problem: "\(name)\(level.isEmpty ? "" : " = \(level)") already has a total on line \(first)")
      }
      seen[key] = record.line
      rows.append(Row(variable: name, level: level, total: total, line: record.line))
    }
    self.file = file
    self.rows = rows
  }

  /// The rows of `variable` (a joint name with its parts joined by `:`), in file order.
  public func rows(of variable: String) -> [Row] {
    let name = MarginName.parts(variable).joined(separator: ":")
    return rows.filter { $0.variable == name }
  }
}
