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
    case .selections:
      return nil
    }
  }

  /// Numbers the distinct present values of `values` in sorted order.
  private init<Value: Hashable & Comparable>(
    _ values: [Value], state: [CellState], label: (Value) -> String
  ) {
    var index: [Value: Int32] = [:]
    for row in values.indices where state[row] == .present && index[values[row]] == nil {
      index[values[row]] = 0
    }
    let sorted = index.keys.sorted()
    for (position, value) in sorted.enumerated() { index[value] = Int32(position) }
    var codes = [Int32](repeating: -1, count: values.count)
    for row in values.indices where state[row] == .present { codes[row] = index[values[row]]! }
    self.init(codes: codes, levels: sorted.map(label))
  }

  /// Groups given directly: `codes` index into `levels` (-1 for no group).
  public init(codes: [Int32], levels: [String]) {
    self.codes = codes
    self.levels = levels
  }
}
