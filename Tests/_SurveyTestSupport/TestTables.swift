import SurveyCore

/// A numeric column; nil cells are missing.
public func numberColumn(_ name: String, _ values: [Double?]) -> Column {
  Column(
    name: name, type: .decimal, values: .numbers(values.map { $0 ?? 0 }),
    state: values.map { $0 == nil ? .empty : .present })
}

/// A categorical column whose levels are the sorted distinct values (or `levels`); nil cells
/// are missing.
public func codeColumn(_ name: String, _ values: [String?], levels: [String]? = nil) -> Column {
  let levels = levels ?? Array(Set(values.compactMap { $0 })).sorted()
  return Column(
    name: name, type: .categorical,
    values: .codes(values.map { value in value.flatMap { levels.firstIndex(of: $0) }.map(Int32.init) ?? -1 }),
    state: values.map { $0 == nil ? .empty : .present }, levels: levels)
}

/// A text column; nil cells are missing.
public func textColumn(_ name: String, _ values: [String?]) -> Column {
  Column(name: name, type: .text, values: .texts(values.map { $0 ?? "" }), state: values.map { $0 == nil ? .empty : .present })
}

/// A table from one batch (`test.csv` unless named), whose rows start on line 2; `id` names
/// the id column.
public func testTable(_ columns: [Column], id: String? = nil, batch: String = "test.csv") -> DataTable {
  let rows = columns.first?.count ?? 0
  return DataTable(
    columns: columns, batches: [BatchInfo(name: batch, path: "/data/\(batch)")],
    rowBatch: [UInt16](repeating: 0, count: rows), rowLine: (0..<rows).map { Int32($0 + 2) }, idColumn: id)
}

/// `|a − b| ≤ tolerance · max(1, |b|)`.
public func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-12) -> Bool {
  guard let a else { return false }
  return abs(a - b) <= tolerance * max(1, abs(b))
}
