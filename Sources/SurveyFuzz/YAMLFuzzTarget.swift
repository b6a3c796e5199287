import SurveyCore

/// The YAML loaders under fuzzing: each input (as UTF-8, invalid bytes replaced) is loaded both as
/// a codebook (`Codebook.parse(yaml:)`) and as a pipeline (`Pipeline.parse(yaml:)`, then checked
/// against the Moldova codebook). A loader may refuse the text only with a `CoreError` whose
/// message starts with the file's name; what it accepts must keep the promises of its checks.
public struct YAMLFuzzTarget: FuzzTarget {
  public static let name = "yaml"
  static let file = "fuzz.yml"

  /// What pipelines are checked against.
  let codebook: Codebook

  /// - Throws: when fixtures/moldova/codebook.yml cannot be read.
  public init() throws {
    codebook = try Codebook.load(path: FuzzInputs.path("fixtures/moldova/codebook.yml"))
  }

  public func violations(of input: [UInt8]) -> [String] {
    let text = String(decoding: input, as: UTF8.self)
    var found: [String] = []
    do {
      found += Self.codebookViolations(try Codebook.parse(yaml: text, file: Self.file))
    } catch {
      found += Self.errorViolations(error, loader: "Codebook.parse")
    }
    do {
      // Relative paths resolve against a folder that does not exist: loading reads no file.
      let pipeline = try Pipeline.parse(yaml: text, file: Self.file, directory: "/nonexistent-fuzz")
      try pipeline.check(against: codebook)
    } catch {
      found += Self.errorViolations(error, loader: "Pipeline.parse or check")
    }
    return found
  }

  /// A refusal is a `CoreError` naming the file first.
  static func errorViolations(_ error: any Error, loader: String) -> [String] {
    guard let error = error as? CoreError else {
      return ["\(loader) threw \(type(of: error)), not a CoreError: \(error)"]
    }
    let message = error.errorDescription ?? ""
    return message.hasPrefix(file) ? [] : ["\(loader): the message does not start with the file name: \(message)"]
  }

  /// What `Codebook.parse` promises of a codebook it returns.
  static func codebookViolations(_ codebook: Codebook) -> [String] {
    var found: [String] = []
    let names = codebook.variables.map(\.name)
    if Set(names).count != names.count { found.append("a variable is defined twice: \(names)") }
    if let id = codebook.variable(named: codebook.idVariable) {
      if id.type == .multiple || id.pii { found.append("the id variable \(id.name) is \(id.type) or pii") }
    } else {
      found.append("the id variable '\(codebook.idVariable)' is not a variable")
    }
    for variable in codebook.variables {
      if variable.relevant?.usesCurrent == true { found.append("\(variable.name): relevant uses '.'") }
      let used = (variable.relevant?.variables ?? []) + (variable.constraint?.variables ?? [])
      for name in used where codebook.variable(named: name) == nil {
        found.append("\(variable.name): an expression names '\(name)', which is not a variable")
      }
    }
    return found
  }
}
