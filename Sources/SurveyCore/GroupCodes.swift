/// A column seen as groups: one small integer per row (-1 where the cell is not present) and the
/// text of each group, in level order.
///
/// Categorical columns keep their codes and levels; numbers, texts and dates are numbered by
/// their sorted distinct values (numbers written as tidy outputs write them).
public struct GroupCodes: Equatable, Sendable {
  /// Per row: its group, an index into ``levels``, or -1 where the cell is not present.
  public var codes: [Int32]
  /// The text of each group.
  public var levels: [String]

  /// Groups `column`, or returns nil for a multi-select column.
  public init?(_ column: Column) {
    let state = column.state
    switch column.values {
    case .codes(let values):
      var codes = values
      for row in codes.indices where state[row] != .present { codes[row] = -1 }
      self.init(codes: codes, levels: column.levels)
    case .numbers(let values):
      self.init(values, state: state) { NumberFormatting.string($0, integer: column.type == .integer) }
    case .texts(let values):
      self.init(values, state: state) { $0 }
    case .dates(let values):
      self.init(values, state: state) { CivilDate(daysSinceEpoch: Int($0)).iso }
    case .instants(let values):
      self.init(values, state: state) { ISODateTime.string($0) }
    case .selections:
      return nil
    }
  }

  /// Numbers the distinct present values of `values` in sorted order.
  ///
  /// Design columns (strata, PSUs) come in runs of equal values, so the value of the previous
  /// row is tried before the dictionary.
  private init<Value: Hashable & Comparable>(
    _ values: [Value], state: [CellState], label: (Value) -> String
  ) {
    var provisional: [Value: Int32] = [:]
    var distinct: [Value] = []
    var codes = [Int32](repeating: -1, count: values.count)
    var last: (value: Value, code: Int32)?
    for row in values.indices where state[row] == .present {
      let value = values[row]
      if let last, last.value == value {
        codes[row] = last.code
        continue
      }
      let code: Int32
      if let known = provisional[value] {
        code = known
      } else {
        code = Int32(distinct.count)
        provisional[value] = code
        distinct.append(value)
      }
      codes[row] = code
      last = (value, code)
    }
    let order = distinct.indices.sorted { distinct[$0] < distinct[$1] }
    var rank = [Int32](repeating: 0, count: distinct.count)
    for (position, index) in order.enumerated() { rank[index] = Int32(position) }
    for row in codes.indices where codes[row] >= 0 { codes[row] = rank[Int(codes[row])] }
    self.init(codes: codes, levels: order.map { label(distinct[$0]) })
  }

  /// Groups given directly: `codes` index into `levels` (-1 for no group).
  public init(codes: [Int32], levels: [String]) {
    self.codes = codes
    self.levels = levels
  }
}
