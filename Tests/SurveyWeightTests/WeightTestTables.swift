import SurveyCore
import _SurveyTestSupport

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

/// Margins from `margins.csv` lines 2, 3, …: (variable, level, total).
func margins(_ rows: [(String, String, Double)], file: String = "margins.csv") throws -> Margins {
  try Margins(
    file: file,
    records: rows.enumerated().map { index, row in
      (variable: row.0, level: row.1, total: String(row.2), line: index + 2)
    })
}

/// The location of row `line` of `batch.csv` with its record id.
func place(_ line: Int) -> RowLocation { RowLocation(batch: "batch.csv", line: line, recordID: "R\(line - 1)") }

/// `|a − b| ≤ 1e-12 · max(1, |b|)` for every pair.
func allClose(_ a: [Double], _ b: [Double], tolerance: Double = 1e-12) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
}
