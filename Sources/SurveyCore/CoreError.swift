import Foundation

/// An error that stops survey-pipe before or while reading its configuration.
///
/// Every case names the file and, where it is known, the line and the key, so a message reads
/// like a compiler diagnostic: `codebook.yml:14: variables[2].type: unknown type "intger"`.
/// Messages quote configuration text (keys, type names, file names) but never respondent values.
public enum CoreError: Error, Equatable, Sendable {
  /// A file could not be read at all.
  case unreadableFile(path: String, reason: String)
  /// A YAML file is not well-formed YAML.
  case invalidYAML(file: String, line: Int?, column: Int?, problem: String)
  /// A key is present but its value is wrong.
  case invalidValue(file: String, line: Int?, key: String, problem: String)
  /// A required key is absent.
  case missingKey(file: String, line: Int?, key: String)
  /// A key is not part of the format (a typo, most often).
  case unknownKey(file: String, line: Int?, key: String, known: [String])
  /// A key names something the current version cannot do yet.
  case unsupported(file: String, line: Int?, key: String, problem: String)
  /// An output could not be written.
  case unwritableOutput(path: String, reason: String)
  /// A stage artifact is not one, is damaged or truncated (docs/stages.md).
  case corruptArtifact(path: String, problem: String)
  /// A stage artifact was written in another format version.
  case artifactVersion(path: String, found: Int, expected: Int)
}

extension CoreError: LocalizedError {
  public var errorDescription: String? {
    switch self {
    case .unreadableFile(let path, let reason):
      return "\(path): cannot read the file: \(reason)"
    case .invalidYAML(let file, let line, let column, let problem):
      return "\(Self.location(file, line, column)): not valid YAML: \(problem)"
    case .invalidValue(let file, let line, let key, let problem):
      return "\(Self.location(file, line, nil)): \(key): \(problem)"
    case .missingKey(let file, let line, let key):
      return "\(Self.location(file, line, nil)): \(key): this key is required"
    case .unknownKey(let file, let line, let key, let known):
      var text = "\(Self.location(file, line, nil)): \(key): unknown key"
      let last = key.split(separator: ".").last.map(String.init) ?? key
      if let suggestion = closest(to: last, in: known) {
        text += " (did you mean '\(suggestion)'?)"
      } else if !known.isEmpty {
        text += " (known keys: \(known.joined(separator: ", ")))"
      }
      return text
    case .unsupported(let file, let line, let key, let problem):
      return "\(Self.location(file, line, nil)): \(key): not supported yet: \(problem)"
    case .unwritableOutput(let path, let reason):
      return "\(path): cannot write: \(reason)"
    case .corruptArtifact(let path, let problem):
      return "\(path): the stage artifact cannot be used: \(problem); run the stage that writes it again"
    case .artifactVersion(let path, let found, let expected):
      return "\(path): the stage artifact has format version \(found), this survey-pipe reads version \(expected); run the stage that writes it again"
    }
  }

  static func location(_ file: String, _ line: Int?, _ column: Int?) -> String {
    var text = file
    if let line { text += ":\(line)" }
    if let line, let column, line > 0 { text += ":\(column)" }
    return text
  }
}

/// The known word nearest to `word` by edit distance, when it is close enough to be a likely typo.
func closest(to word: String, in candidates: [String]) -> String? {
  let target = Array(word.lowercased())
  var best: (String, Int)?
  for candidate in candidates {
    let distance = editDistance(target, Array(candidate.lowercased()))
    if distance <= max(1, target.count / 3), best == nil || distance < best!.1 {
      best = (candidate, distance)
    }
  }
  return best?.0
}

/// Edit distance with adjacent transpositions (`lable` → `label` is one edit).
private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
  for i in 0...a.count { table[i][0] = i }
  for j in 0...b.count { table[0][j] = j }
  for i in 1...a.count {
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
      }
    }
  }
  return table[a.count][b.count]
}
