import Foundation

/// The rscales of supplied replicate weights (`--rep-rscales FILE`): one number per line, in the
/// order of the replicate-weight columns. Blank lines are skipped, and a first line that is not a
/// number is a header; a byte-order mark is ignored.
public enum RScalesFile {
  /// The numbers of the file at `path`.
  ///
  /// - Throws: ``PipelineError/unreadableData(file:line:problem:)`` for a file that cannot be
  ///   read as UTF-8, or a line after the first that is not a number.
  public static func read(_ path: String) throws -> [Double] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw PipelineError.unreadableData(file: path, line: nil, problem: "the rscales file cannot be read as UTF-8 text")
    }
    var numbers: [Double] = []
    var header = false
    for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let field = line.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{FEFF}\"")))
      if field.isEmpty { continue }
      guard let number = Double(field), number.isFinite else {
        if numbers.isEmpty, !header {
          header = true
          continue
        }
        throw PipelineError.unreadableData(
          file: path, line: index + 1, problem: "not a number; an rscales file holds one number per line")
      }
      numbers.append(number)
    }
    return numbers
  }
}
