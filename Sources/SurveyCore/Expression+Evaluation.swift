/// Three-valued truth for expressions over data with missing values.
public enum Truth: UInt8, Sendable {
  case no = 0, yes = 1, unknown = 2

  init(_ value: Bool) { self = value ? .yes : .no }
}

/// An expression names a variable the table does not have.
public struct ExpressionEvaluationError: Error, Equatable, Sendable {
  public var variable: String
}

extension Expression {
  /// Evaluates the expression for every row of `table` at once.
  ///
  /// Missing cells (blank, missing codes, invalid values) make comparisons `unknown`; `and`,
  /// `or` and `not` follow three-valued logic, so `unknown and no` is `no`.
  /// - Parameters:
  ///   - table: the data.
  ///   - current: the variable that `.` stands for.
  /// - Throws: ``ExpressionEvaluationError`` when a name is not a column of `table`.
  public func evaluate(in table: DataTable, current: String? = nil) throws -> [Truth] {
    let evaluator = ExpressionEvaluator(table: table, current: current)
    return evaluator.truths(try evaluator.vector(self))
  }
}

/// The value of a sub-expression for every row.
enum ExpressionVector {
  case number(Double)
  case string(String)
  case boolean(Bool)
  /// Numbers with validity; dates are day numbers.
  case numbers([Double], valid: [Bool], isDate: Bool)
  /// Categorical or text values as indices into `levels`, -1 where missing.
  case labels(levels: [String], indices: [Int32])
  case selections([UInt64], valid: [Bool], levels: [String])
  case truths([Truth])
}

struct ExpressionEvaluator {
  let table: DataTable
  let current: String?
  var count: Int { table.rowCount }

  func truths(_ vector: ExpressionVector) -> [Truth] {
    switch vector {
    case .truths(let t): return t
    case .boolean(let b): return [Truth](repeating: Truth(b), count: count)
    case .number(let x): return [Truth](repeating: Truth(x != 0), count: count)
    case .string(let s): return [Truth](repeating: Truth(!s.isEmpty), count: count)
    case .numbers(let v, let valid, _):
      return (0..<count).map { valid[$0] ? Truth(v[$0] != 0) : .unknown }
    case .labels(_, let indices): return indices.map { $0 < 0 ? .unknown : .yes }
    case .selections(let v, let valid, _): return (0..<count).map { valid[$0] ? Truth(v[$0] != 0) : .no }
    }
  }

  func column(_ name: String) throws -> Column {
    guard let column = table.column(name) else { throw ExpressionEvaluationError(variable: name) }
    return column
  }

  /// The value of `expression` for every row. Each node's work is done in a helper, so that the
  /// frames of this recursion stay small (a tree may be ``Expression/maximumDepth`` deep and is
  /// evaluated on worker threads).
  func vector(_ expression: Expression) throws -> ExpressionVector {
    switch expression {
    case .number(let x): return .number(x)
    case .string(let s): return .string(s)
    case .boolean(let b): return .boolean(b)
    case .variable(let name): return try columnVector(try column(name))
    case .current: return try columnVector(try column(try currentName()))
    case .negate(let inner): return try arithmetic(.subtract, .number(0), try vector(inner))
    case .not(let inner): return .truths(Self.negated(truths(try vector(inner))))
    case .and(let items): return .truths(try combine(items, empty: .yes, Self.and))
    case .or(let items): return .truths(try combine(items, empty: .no, Self.or))
    case .binary(let op, let lhs, let rhs): return try binary(op, try vector(lhs), try vector(rhs))
    case .membership(let lhs, let list, let negated): return .truths(try membership(lhs, list, negated: negated))
    case .call(let function, let arguments) where function.isNumeric: return try number(function, arguments)
    case .call(let function, let arguments): return .truths(try call(function, arguments))
    }
  }

  func currentName() throws -> String {
    guard let current else { throw ExpressionEvaluationError(variable: ".") }
    return current
  }

  static func negated(_ truths: [Truth]) -> [Truth] {
    truths.map { $0 == .unknown ? .unknown : ($0 == .yes ? .no : .yes) }
  }

  func binary(_ op: Expression.BinaryOperator, _ a: ExpressionVector, _ b: ExpressionVector) throws
    -> ExpressionVector
  {
    op.isComparison ? .truths(compare(op, a, b)) : try arithmetic(op, a, b)
  }

  func membership(_ lhs: Expression, _ list: [Expression], negated: Bool) throws -> [Truth] {
    let a = try vector(lhs)
    var result = [Truth](repeating: .no, count: count)
    for item in list {
      result = zip(result, compare(.equal, a, try vector(item))).map(Self.or)
    }
    return negated ? Self.negated(result) : result
  }

  func call(_ function: Expression.Function, _ arguments: [Expression]) throws -> [Truth] {
    let name: String
    if case .variable(let variable) = arguments.first { name = variable } else { name = try currentName() }
    let column = try column(name)
    switch function {
    case .missing: return column.state.map { Truth($0.isMissing) }
    case .present: return column.state.map { Truth(!$0.isMissing) }
    case .selected:
      let code: String
      switch try arguments.dropFirst().first.map(vector) {
      case .string(let s): code = s
      case .number(let x): code = NumberFormatting.string(x)
      default: code = ""
      }
      guard case .selections(let bits) = column.values, let bit = column.levels.firstIndex(of: code) else {
        return [Truth](repeating: .no, count: count)
      }
      let mask = UInt64(1) << UInt64(bit)
      return (0..<count).map { column.state[$0] == .present ? Truth(bits[$0] & mask != 0) : .no }
    case .countSelected, .stringLength:
      // Numbers, not truths: `vector` evaluates them (``number(_:_:)``); as a condition, as
      // any number, they are true where not zero.
      return truths(try number(function, arguments))
    }
  }

  /// `count_selected(x)`: the options chosen; `string_length(x)`: the characters of the value
  /// as written; missing where x is.
  func number(_ function: Expression.Function, _ arguments: [Expression]) throws -> ExpressionVector {
    let name: String
    if case .variable(let variable) = arguments.first { name = variable } else { name = try currentName() }
    let column = try column(name)
    let valid = column.state.map { $0 == .present }
    let values: [Double] = (0..<count).map { row in
      guard valid[row] else { return 0 }
      if function == .countSelected, case .selections(let bits) = column.values { return Double(bits[row].nonzeroBitCount) }
      return Double(column.formatted(row: row)?.count ?? 0)
    }
    return .numbers(values, valid: valid, isDate: false)
  }

  func columnVector(_ column: Column) throws -> ExpressionVector {
    let valid = column.state.map { $0 == .present }
    switch column.values {
    case .numbers(let v): return .numbers(v, valid: valid, isDate: false)
    case .dates(let d): return .numbers(d.map(Double.init), valid: valid, isDate: true)
    // Seconds since the epoch: differences of two datetimes are in seconds.
    case .instants(let t): return .numbers(t.map { Double($0) / 1000 }, valid: valid, isDate: false)
    case .codes(let c):
      return .labels(levels: column.levels, indices: (0..<count).map { valid[$0] ? c[$0] : -1 })
    case .texts(let texts):
      var levels: [String] = []
      var lookup: [String: Int32] = [:]
      var indices = [Int32](repeating: -1, count: count)
      for row in 0..<count where valid[row] {
        if let index = lookup[texts[row]] {
          indices[row] = index
        } else {
          let index = Int32(levels.count)
          lookup[texts[row]] = index
          levels.append(texts[row])
          indices[row] = index
        }
      }
      return .labels(levels: levels, indices: indices)
    case .selections(let bits): return .selections(bits, valid: valid, levels: column.levels)
    }
  }

  /// The operands of an `and` or `or` chain joined row by row, one operand at a time (`empty`
  /// for a chain without operands, which the parser never makes).
  func combine(_ items: [Expression], empty: Truth, _ join: (Truth, Truth) -> Truth) throws -> [Truth] {
    var result = [Truth](repeating: empty, count: count)
    for item in items {
      let next = truths(try vector(item))
      for row in 0..<count { result[row] = join(result[row], next[row]) }
    }
    return result
  }

  static func and(_ a: Truth, _ b: Truth) -> Truth {
    if a == .no || b == .no { return .no }
    if a == .unknown || b == .unknown { return .unknown }
    return .yes
  }

  static func or(_ a: Truth, _ b: Truth) -> Truth {
    if a == .yes || b == .yes { return .yes }
    if a == .unknown || b == .unknown { return .unknown }
    return .no
  }

  /// Numbers per row, with validity, for arithmetic and numeric comparison.
  func numeric(_ vector: ExpressionVector, dateHint: Bool) -> (values: [Double], valid: [Bool])? {
    switch vector {
    case .number(let x): return ([Double](repeating: x, count: count), [Bool](repeating: true, count: count))
    case .string(let s):
      if dateHint, let date = DateFormat.iso.parse(s) {
        return ([Double](repeating: Double(date.daysSinceEpoch), count: count), [Bool](repeating: true, count: count))
      }
      guard let x = Double(s) else { return nil }
      return ([Double](repeating: x, count: count), [Bool](repeating: true, count: count))
    case .numbers(let v, let valid, _): return (v, valid)
    case .labels(let levels, let indices):
      let numbers = levels.map { Double($0) }
      var values = [Double](repeating: 0, count: count)
      var valid = [Bool](repeating: false, count: count)
      for row in 0..<count where indices[row] >= 0 {
        if let x = numbers[Int(indices[row])] {
          values[row] = x
          valid[row] = true
        }
      }
      return (values, valid)
    case .boolean, .truths, .selections: return nil
    }
  }

  func arithmetic(_ op: Expression.BinaryOperator, _ a: ExpressionVector, _ b: ExpressionVector) throws
    -> ExpressionVector
  {
    if case .number(let x) = a, case .number(let y) = b { return .number(Self.apply(op, x, y)) }
    guard let (va, ma) = numeric(a, dateHint: false), let (vb, mb) = numeric(b, dateHint: false) else {
      return .numbers([Double](repeating: 0, count: count), valid: [Bool](repeating: false, count: count), isDate: false)
    }
    var values = [Double](repeating: 0, count: count)
    var valid = [Bool](repeating: false, count: count)
    for row in 0..<count where ma[row] && mb[row] {
      let x = Self.apply(op, va[row], vb[row])
      if x.isFinite {
        values[row] = x
        valid[row] = true
      }
    }
    return .numbers(values, valid: valid, isDate: false)
  }

  static func apply(_ op: Expression.BinaryOperator, _ x: Double, _ y: Double) -> Double {
    switch op {
    case .add: return x + y
    case .subtract: return x - y
    case .multiply: return x * y
    case .divide: return x / y
    default: return .nan
    }
  }

  static func order(_ op: Expression.BinaryOperator, _ c: Int) -> Bool {
    switch op {
    case .equal: return c == 0
    case .notEqual: return c != 0
    case .less: return c < 0
    case .lessOrEqual: return c <= 0
    case .greater: return c > 0
    default: return c >= 0
    }
  }

  static func order(_ op: Expression.BinaryOperator, _ x: Double, _ y: Double) -> Bool {
    order(op, x < y ? -1 : (x > y ? 1 : 0))
  }

  /// A label compared with a constant: numerically when both read as numbers, else as text.
  static func compareLabel(_ op: Expression.BinaryOperator, _ label: String, _ constant: ExpressionVector) -> Truth {
    switch constant {
    case .number(let y):
      if let x = Double(label) { return Truth(order(op, x, y)) }
      return op == .equal ? .no : (op == .notEqual ? .yes : .unknown)
    case .string(let s):
      if let x = Double(label), let y = Double(s) { return Truth(order(op, x, y)) }
      return Truth(order(op, label < s ? -1 : (label > s ? 1 : 0)))
    default: return .unknown
    }
  }

  func compare(_ op: Expression.BinaryOperator, _ a: ExpressionVector, _ b: ExpressionVector) -> [Truth] {
    switch (a, b) {
    case (.labels(let levels, let indices), .number), (.labels(let levels, let indices), .string):
      let perLevel = levels.map { Self.compareLabel(op, $0, b) }
      return indices.map { $0 < 0 ? .unknown : perLevel[Int($0)] }
    case (.number, .labels), (.string, .labels):
      return compare(Self.mirrored(op), b, a)
    case (.labels(let la, let ia), .labels(let lb, let ib)):
      return (0..<count).map { row in
        guard ia[row] >= 0, ib[row] >= 0 else { return .unknown }
        return Self.compareLabel(op, la[Int(ia[row])], .string(lb[Int(ib[row])]))
      }
    case (.truths(let t), _), (_, .truths(let t)):
      let other: [Truth] = { if case .truths = a { return truths(b) } else { return truths(a) } }()
      guard op == .equal || op == .notEqual else { return [Truth](repeating: .unknown, count: count) }
      return (0..<count).map { row in
        guard t[row] != .unknown, other[row] != .unknown else { return .unknown }
        return Truth((t[row] == other[row]) == (op == .equal))
      }
    case (.boolean(let x), _), (_, .boolean(let x)):
      let other: [Truth] = { if case .boolean = a { return truths(b) } else { return truths(a) } }()
      return other.map { $0 == .unknown ? .unknown : Truth((($0 == .yes) == x) == (op == .equal)) }
    default:
      let isDate: Bool = {
        if case .numbers(_, _, true) = a { return true }
        if case .numbers(_, _, true) = b { return true }
        return false
      }()
      guard let (va, ma) = numeric(a, dateHint: isDate), let (vb, mb) = numeric(b, dateHint: isDate) else {
        if case .string(let x) = a, case .string(let y) = b {
          return [Truth](repeating: Truth(Self.order(op, x < y ? -1 : (x > y ? 1 : 0))), count: count)
        }
        return [Truth](repeating: .unknown, count: count)
      }
      return (0..<count).map { row in
        ma[row] && mb[row] ? Truth(Self.order(op, va[row], vb[row])) : .unknown
      }
    }
  }

  static func mirrored(_ op: Expression.BinaryOperator) -> Expression.BinaryOperator {
    switch op {
    case .less: return .greater
    case .lessOrEqual: return .greaterOrEqual
    case .greater: return .less
    case .greaterOrEqual: return .lessOrEqual
    default: return op
    }
  }
}
