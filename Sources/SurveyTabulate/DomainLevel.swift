/// A by-variable and its level in one domain.
public struct DomainLevel: Sendable, Equatable {
  public var variable: String
  public var level: String

  public init(variable: String, level: String) {
    self.variable = variable
    self.level = level
  }
}
