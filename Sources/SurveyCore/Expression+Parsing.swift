/// Why an expression could not be parsed, and where (a 1-based character position, counting
/// Unicode code points: a letter written with a separate combining accent counts two).
public struct ExpressionSyntaxError: Error, Equatable, Sendable {
  public var position: Int
  public var problem: String

  public var description: String { "at character \(position): \(problem)" }
}

extension Expression {
  /// The deepest an expression may nest: parentheses (with function calls and `in` lists) inside
  /// one another, and operators inside operators (`a + b + c` is two deep, `not not x` too).
  ///
  /// A chain of `and` or `or` counts once however long it is. The limit keeps every recursive walk
  /// of a parsed tree (evaluation, printing, equality, destruction) far from the end of the stack:
  /// a tree at the limit is walked on a 512 KB stack (a secondary thread's on macOS) in a debug
  /// build with room to spare, where one about 2.5 times deeper would not be.
  public static let maximumDepth = 100

  /// Parses `text` as an expression.
  ///
  /// Parsing uses no recursion and never traps, whatever `text` holds: this is the entry point a
  /// fuzzer calls. Expressions nested deeper than ``maximumDepth`` are refused.
  /// - Throws: ``ExpressionSyntaxError`` naming the character position of the problem.
  public static func parse(_ text: String) throws -> Expression {
    var parser = ExpressionParser(tokens: try ExpressionLexer.tokens(of: text))
    return try parser.parse()
  }
}
