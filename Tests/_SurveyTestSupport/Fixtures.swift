import Foundation

/// Paths into the repository: fixtures, pipelines and the built binary.
public enum Fixtures {
  /// The repository root (found from this file's location).
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `fixtures/<relative>`.
  public static func path(_ relative: String) -> String {
    root.appendingPathComponent("fixtures").appendingPathComponent(relative).path
  }

  /// `<repo>/<relative>`.
  public static func repoPath(_ relative: String) -> String {
    root.appendingPathComponent(relative).path
  }

  /// The contents of `fixtures/<relative>`.
  public static func text(_ relative: String) throws -> String {
    try String(contentsOfFile: path(relative), encoding: .utf8)
  }

  /// Parses a small CSV text without quotes-in-quotes subtleties (fixture metadata files):
  /// the header and the rows as dictionaries. Quoted fields may contain commas.
  public static func simpleCSV(_ text: String) -> [[String: String]] {
    var lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.hasPrefix("#") }
    guard !lines.isEmpty else { return [] }
    let header = splitCSVLine(lines.removeFirst())
    return lines.map { line in
      let fields = splitCSVLine(line)
      var row: [String: String] = [:]
      for (index, name) in header.enumerated() { row[name] = index < fields.count ? fields[index] : "" }
      return row
    }
  }

  /// Splits one CSV line on commas outside double quotes, removing the quotes.
  public static func splitCSVLine(_ line: String) -> [String] {
    var fields: [String] = []
    var current = ""
    var quoted = false
    var iterator = Array(line)
    var i = 0
    while i < iterator.count {
      let c = iterator[i]
      if c == "\"" {
        if quoted, i + 1 < iterator.count, iterator[i + 1] == "\"" {
          current.append("\"")
          i += 1
        } else {
          quoted.toggle()
        }
      } else if c == ",", !quoted {
        fields.append(current)
        current = ""
      } else {
        current.append(c)
      }
      i += 1
    }
    fields.append(current)
    iterator.removeAll()
    return fields
  }
}
