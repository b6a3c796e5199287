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
      let end = text.count + 1
      return (1...end).contains(error.position) ? [] : ["a syntax error at character \(error.position) of \(end - 1)"]
    } catch {
      return ["Expression.parse threw \(type(of: error)), not an ExpressionSyntaxError: \(error)"]
    }
    return Self.writtenBackViolations(expression) + evaluationViolations(expression)
  }

  /// The description is the expression "written back in the language": it must parse to an
  /// expression with the same description.
  static func writtenBackViolations(_ expression: Expression) -> [String] {
    let written = expression.description
    do {
      let again = try Expression.parse(written).description
      return again == written ? [] : ["'\(written)' is written back as '\(again)'"]
    } catch {
      return ["'\(written)', the description of a parsed expression, does not parse: \(error)"]
    }
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
