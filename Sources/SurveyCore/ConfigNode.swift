import Foundation
import Yams

/// A YAML node that remembers which file and key it came from, so that every error it raises
/// names the file, the line and the key path (`variables[3].range`).
struct ConfigNode {
  let node: Node
  let file: String
  let path: String
  /// The SHA-256 of the file's bytes, on the root node of a file read from disk.
  var sha256: String? = nil

  /// Parses `text` as one YAML document.
  static func load(text: String, file: String) throws -> ConfigNode {
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw CoreError.invalidYAML(file: file, line: nil, column: nil, problem: "the file is empty")
      }
      return ConfigNode(node: node, file: file, path: "")
    } catch let error as YamlError {
      throw Self.translate(error, file: file)
    }
  }

  /// Reads a YAML file from disk; a named pipe, device or folder is refused before it is
  /// opened (reading a FIFO with no writer would hang).
  static func load(path: String, displayName: String) throws -> ConfigNode {
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
      throw CoreError.unreadableFile(path: displayName, reason: "it is not a regular file (a folder, pipe or device)")
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw CoreError.unreadableFile(path: displayName, reason: describe(error))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CoreError.invalidYAML(
        file: displayName, line: nil, column: nil, problem: "the file is not UTF-8 text")
    }
    var root = try load(text: text, file: displayName)
    root.sha256 = FileDigest.sha256(data)
    return root
  }

  private static func translate(_ error: YamlError, file: String) -> CoreError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
      return .invalidYAML(file: file, line: mark.line, column: mark.column, problem: problem)
    case .composer(_, let problem, let mark, _):
      return .invalidYAML(file: file, line: mark.line, column: mark.column, problem: problem)
    case .reader(let problem, _, _, _):
      return .invalidYAML(file: file, line: nil, column: nil, problem: problem)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return .invalidValue(
        file: file, line: context.mark.line, key: duplicates.first ?? "(mapping)",
        problem: "the key \(keys) appears more than once in the same mapping")
    default:
      return .invalidYAML(file: file, line: nil, column: nil, problem: "\(error)")
    }
  }

  var line: Int? { node.mark?.line }

  func child(_ key: String, _ node: Node) -> ConfigNode {
    ConfigNode(node: node, file: file, path: path.isEmpty ? key : "\(path).\(key)")
  }

  func element(_ index: Int, _ node: Node) -> ConfigNode {
    ConfigNode(node: node, file: file, path: "\(path)[\(index)]")
  }

  func invalid(_ problem: String) -> CoreError {
    .invalidValue(file: file, line: line, key: path.isEmpty ? "(top level)" : path, problem: problem)
  }

  func unsupported(_ problem: String) -> CoreError {
    .unsupported(file: file, line: line, key: path, problem: problem)
  }

  var isNull: Bool {
    if case .scalar(let scalar) = node {
      return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
    return false
  }

  // MARK: Scalars

  func string() throws -> String {
    guard case .scalar(let scalar) = node else { throw invalid("expected a single value") }
    return scalar.string
  }

  func bool() throws -> Bool {
    guard case .scalar(let scalar) = node else { throw invalid("expected true or false") }
    switch scalar.string.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default: throw invalid("expected true or false, found '\(scalar.string)'")
    }
  }

  func double() throws -> Double {
    let text = try string()
    guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
      throw invalid("expected a number, found '\(text)'")
    }
    return value
  }

  func int() throws -> Int {
    let text = try string()
    guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
      throw invalid("expected a whole number, found '\(text)'")
    }
    return value
  }

  /// One of `choices`, spelled exactly.
  func choice(_ choices: [String]) throws -> String {
    let text = try string()
    guard choices.contains(text) else {
      throw invalid("'\(text)' is not one of \(choices.joined(separator: ", "))")
    }
    return text
  }

  // MARK: Collections

  func sequence() throws -> [ConfigNode] {
    guard case .sequence(let sequence) = node else { throw invalid("expected a list") }
    return sequence.enumerated().map { element($0.offset, $0.element) }
  }

  /// A list, or a single scalar taken as a list of one.
  func list() throws -> [ConfigNode] {
    if case .scalar = node { return [self] }
    return try sequence()
  }

  func strings() throws -> [String] {
    try list().map { try $0.string() }
  }

  /// The pairs of a mapping, in file order, with duplicate keys rejected.
  func pairs() throws -> [(key: String, value: ConfigNode)] {
    guard case .mapping(let mapping) = node else { throw invalid("expected a mapping of keys to values") }
    var seen = Set<String>()
    var result: [(key: String, value: ConfigNode)] = []
    for (keyNode, valueNode) in mapping {
      guard case .scalar(let keyScalar) = keyNode else { throw invalid("a key must be a single value") }
      let key = keyScalar.string
      if !seen.insert(key).inserted {
        throw CoreError.invalidValue(
          file: file, line: keyNode.mark?.line, key: path.isEmpty ? key : "\(path).\(key)",
          problem: "the key appears twice")
      }
      result.append((key, child(key, valueNode)))
    }
    return result
  }

  /// A mapping read as a keyed record: unknown keys are an error, naming the nearest known key.
  func record(known: [String]) throws -> ConfigRecord {
    let pairs = try pairs()
    for (key, value) in pairs where !known.contains(key) {
      if key.contains(where: { "() ".contains($0) }) {
        throw CoreError.invalidValue(
          file: file, line: value.line, key: path,
          problem: "'\(key)' is not a key; a comma inside { } ends a value, so put an expression that has commas in quotes")
      }
      throw CoreError.unknownKey(
        file: file, line: value.line, key: value.path, known: known)
    }
    return ConfigRecord(owner: self, values: Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.value) }))
  }
}

/// The keys of one YAML mapping, with the node they hang off for error messages.
struct ConfigRecord {
  let owner: ConfigNode
  let values: [String: ConfigNode]

  subscript(key: String) -> ConfigNode? {
    guard let value = values[key], !value.isNull else { return nil }
    return value
  }

  func required(_ key: String) throws -> ConfigNode {
    guard let value = self[key] else {
      throw CoreError.missingKey(
        file: owner.file, line: owner.line, key: owner.path.isEmpty ? key : "\(owner.path).\(key)")
    }
    return value
  }
}

/// A short, user-facing reason for a Foundation error.
func describe(_ error: Error) -> String {
  let nsError = error as NSError
  if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
    underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
  {
    return String(cString: strerror(code.rawValue))
  }
  if nsError.domain == NSCocoaErrorDomain {
    switch nsError.code {
    case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
    case NSFileReadNoPermissionError: return "permission denied"
    default: break
    }
  }
  return nsError.localizedDescription
}
