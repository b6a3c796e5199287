extension DataPackage {
  /// The variables of `variables` whose column in `table` keeps text that is not a value of the
  /// variable's Table Schema type (``fieldType(_:)``): invalid cells written as they arrived
  /// under `clean.invalid: keep`, or accepted by a reviewer. Their fields are declared `string`,
  /// since a reader checking `integer`, `number` or `date` would reject those cells.
  ///
  /// One look at each kept cell (``Column/raw``), not at the whole column.
  public static func keptTextVariables(in table: DataTable, variables: [Variable]) -> Set<String> {
    var names: Set<String> = []
    for variable in variables {
      guard let column = table.column(variable.name), !column.raw.isEmpty else { continue }
      let type = fieldType(variable)
      guard type != "string" else { continue }
      for (row, text) in column.raw where column.state[row] == .invalid && !reads(text, as: type) {
        names.insert(variable.name)
        break
      }
    }
    return names
  }

  /// True when `text` is, as written, a value of the Table Schema `type` (`integer`: digits with
  /// an optional sign; `number`: a decimal with an optional exponent, not `nan`, `inf` or hex;
  /// `date`: `YYYY-MM-DD`; `datetime`: ISO 8601 with an offset or `Z`).
  static func reads(_ text: String, as type: String) -> Bool {
    switch type {
    case "integer": return Int(text) != nil
    case "number":
      guard let number = Double(text), number.isFinite else { return false }
      return !text.lowercased().contains("x")
    case "date": return DateFormat.iso.parse(text) != nil
    case "datetime": return ISODateTime.milliseconds(text) != nil
    default: return true
    }
  }
}
