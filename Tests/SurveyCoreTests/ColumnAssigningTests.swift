import Testing
import _SurveyTestSupport

@testable import SurveyCore

@Suite("Column.assign")
struct ColumnAssigningTests {
  /// The address of a column's value storage.
  func storage(_ column: Column) -> UnsafeRawPointer? {
    switch column.values {
    case .numbers(let v): return v.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    case .codes(let v): return v.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    case .texts(let v): return v.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    case .dates(let v): return v.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    case .selections(let v): return v.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    case .instants(let v): return v.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }
  }

  @Test("an assignment writes the cell in place: the column's storage is not copied")
  func inPlace() {
    var columns = [
      numberColumn("n", [1, 2, 3]), codeColumn("c", ["1", "2", nil]), textColumn("t", ["a", nil, "c"]),
      Column(name: "d", type: .date, values: .dates([0, 1, 2]), state: [.present, .present, .empty]),
      Column(
        name: "m", type: .multiple, values: .selections([0, 1, 2]), state: [.present, .present, .empty],
        levels: ["x", "y"]),
      Column(name: "i", type: .datetime, values: .instants([0, 1, 2]), state: [.present, .present, .empty]),
    ]
    let texts = ["4.5", "2", "z", "2026-03-01", "x y", "2026-03-14T09:12:33.120+02:00"]
    // A date-time is shown in UTC: 09:12 at +02:00 is 07:12Z.
    let shown = texts.dropLast() + ["2026-03-14T07:12:33.120Z"]
    for k in columns.indices {
      let before = storage(columns[k])
      let assigned = columns[k].assign(texts[k], row: 2)
      #expect(assigned)
      #expect(storage(columns[k]) == before, "\(columns[k].name) was copied")
      #expect(columns[k].formatted(row: 2) == shown[k])
    }
  }

  @Test("a text that is not a value leaves the cell and its state alone")
  func refused() {
    var column = codeColumn("c", ["1", "2", nil])
    let assigned = column.assign("7", row: 2)
    #expect(!assigned)
    #expect(column.state[2] == .empty)
    #expect(column.codes == [0, 1, -1])
  }

  @Test("10,000 assignments to a 1M-row column take well under a second (each one O(1))")
  func manyAssignments() {
    var column = Column(
      name: "n", type: .integer, values: .numbers([Double](repeating: 1, count: 1_000_000)),
      state: [CellState](repeating: .present, count: 1_000_000))
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      for k in 0..<10_000 { column.assign(String(k), row: k * 97) }
    }
    // Copying the column on every call moves 80 GB here; in place it is a few milliseconds.
    #expect(elapsed < .seconds(1), "10,000 assignments took \(elapsed)")
    #expect(column.formatted(row: 9_999 * 97) == "9999")
  }
}
