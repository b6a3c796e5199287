import SurveyCore
import SurveyIngest

/// The expression language under fuzzing: each input (as UTF-8, invalid bytes replaced) is parsed
/// with `Expression.parse`; an expression that parses is written back, parsed again and evaluated
/// on the Moldova batches, with `.` standing for `age`.
public struct ExpressionFuzzTarget: FuzzTarget {
  public static let name = "expression"

  /// The three Moldova batches as the example pipeline reads them.
  let table: DataTable

  /// - Throws: when the example pipeline or its batches cannot be read.
  public init() throws {
    let pipeline = try Pipeline.load(path: FuzzInputs.path("pipelines/moldova-migrant-health.yml"))
    let codebook = try Codebook.load(path: pipeline.codebookPath)
    table = try Ingest.read(try Ingest.sources(for: pipeline), schema: IngestSchema(codebook: codebook)).table
  }

  public func violations(of input: [UInt8]) -> [String] {
    let text = String(decoding: input, as: UTF8.self)
    let expression: Expression
    do {
      expression = try Expression.parse(text)
    } catch let error as ExpressionSyntaxError {
      let end = text.unicodeScalars.count + 1
      return (1...end).contains(error.position) ? [] : ["a syntax error at character \(error.position) of \(end - 1)"]
    } catch {
      return ["Expression.parse threw \(type(of: error)), not an ExpressionSyntaxError: \(error)"]
    }
    return Self.writtenBackViolations(expression) + evaluationViolations(expression)
  }

  /// The description is the expression "written back in the language": where the language can
  /// write the expression at all, it must parse back to the same expression.
  static func writtenBackViolations(_ expression: Expression) -> [String] {
    guard writable(expression) else { return [] }
    let written = expression.description
    do {
      let again = try Expression.parse(written)
      return again == expression ? [] : ["'\(written)' is read back as '\(again)'"]
    } catch {
      return ["'\(written)', the description of a parsed expression, does not parse: \(error)"]
    }
  }

  /// The words the lexer reads as something other than a variable name.
  static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false"]

  /// Whether the language can write every leaf: it has no escapes, so not a string holding the
  /// quote descriptions use (`'`), nor a name (from `${…}`) that is not an identifier; and no
  /// number literal for infinity (`1e999` reads as one).
  static func writable(_ expression: Expression) -> Bool {
    let unwritable: Bool? = expression.firstResult { node in
      switch node {
      case .string(let text): return text.contains("'") ? true : nil
      case .number(let value): return value.isFinite ? nil : true
      case .variable(let name): return isIdentifier(name) ? nil : true
      default: return nil
      }
    }
    return unwritable == nil
  }

  /// A name the lexer reads back as the same name.
  static func isIdentifier(_ name: String) -> Bool {
    guard let first = name.first, first.isLetter || first == "_", !keywords.contains(name) else { return false }
    return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
  }

  /// Evaluation gives one truth per row, or names a variable the table does not have.
  func evaluationViolations(_ expression: Expression) -> [String] {
    do {
      let truths = try expression.evaluate(in: table, current: "age")
      return truths.count == table.rowCount ? [] : ["\(truths.count) truths for \(table.rowCount) rows"]
    } catch let error as ExpressionEvaluationError {
      return table.column(error.variable) == nil ? [] : ["evaluation says \(error.variable) is missing, but it is a column"]
    } catch {
      return ["evaluate threw \(type(of: error)), not an ExpressionEvaluationError: \(error)"]
    }
  }
}
