/// The codebook of a survey: its variables, their types, codes and rules.
public struct Codebook: Sendable {
  /// The survey's identifier, e.g. `moldova-migrant-health`.
  public var survey: String
  /// The name of the variable that identifies a respondent.
  public var idVariable: String
  /// Survey-wide missing codes, such as 98 = Don't know and 99 = Refused.
  public var missingCodes: [CodeLabel]
  public var variables: [Variable]
  /// The file the codebook was read from (as given to the loader).
  public var file: String
  /// The SHA-256 of the bytes parsed, when the codebook was read from a file.
  public var sha256: String?

  public init(
    survey: String, idVariable: String, missingCodes: [CodeLabel] = [], variables: [Variable],
    file: String = "codebook.yml"
  ) {
    self.survey = survey
    self.idVariable = idVariable
    self.missingCodes = missingCodes
    self.variables = variables
    self.file = file
  }

  /// The variable called `name`, exactly.
  public func variable(named name: String) -> Variable? {
    variables.first { $0.name == name }
  }

  /// The index of the variable called `name`, exactly.
  public func index(of name: String) -> Int? {
    variables.firstIndex { $0.name == name }
  }

  /// The missing codes that apply to `variable`: its own list, or the survey-wide one for
  /// integer, decimal and categorical variables.
  public func missingCodes(for variable: Variable) -> [CodeLabel] {
    if let own = variable.missingCodes { return own }
    switch variable.type {
    case .integer, .decimal, .categorical: return missingCodes
    case .text, .date, .multiple: return []
    }
  }
}
