import SurveyCore

/// A numeric column; nil cells are missing.
func numberColumn(_ name: String, _ values: [Double?]) -> Column {
  Column(
    name: name, type: .decimal, values: .numbers(values.map { $0 ?? 0 }),
    state: values.map { $0 == nil ? .empty : .present })
}

/// A categorical column whose levels are the sorted distinct values.
func codeColumn(_ name: String, _ values: [String]) -> Column {
  let levels = Array(Set(values)).sorted()
  return Column(
    name: name, type: .categorical, values: .codes(values.map { Int32(levels.firstIndex(of: $0)!) }),
    state: values.map { _ in .present }, levels: levels)
}

/// Six rows from `batch.csv` (lines 2–7, records R1–R6): strata h, PSUs psu, and `extra` columns.
///
/// ```
/// row  h  psu
///  0   A  1
///  1   A  1
///  2   A  2
///  3   B  1      (psu ids repeat across strata: nested, so B has 3 PSUs)
///  4   B  2
///  5   B  3
/// ```
func weightTable(_ extra: [Column]) -> DataTable {
  let id = Column(
    name: "id", type: .text, values: .texts((1...6).map { "R\($0)" }), state: [CellState](repeating: .present, count: 6))
  return DataTable(
    columns: [codeColumn("h", ["A", "A", "A", "B", "B", "B"]), codeColumn("psu", ["1", "1", "2", "1", "2", "3"]), id] + extra,
    batches: [BatchInfo(name: "batch.csv", path: "/data/batch.csv")], rowBatch: [UInt16](repeating: 0, count: 6),
    rowLine: (2...7).map { Int32($0) }, idColumn: "id")
}
