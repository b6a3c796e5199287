import Testing

@testable import SurveyCore

@Suite("Column.earlierDuplicates: each row's first earlier equal row")
struct ColumnDuplicatesTests {
  /// The answer by brute force: for each included row, the first earlier included row with the
  /// same value.
  static func bruteForce<T: Equatable>(_ values: [T], include: (Int) -> Bool) -> [Int32] {
    values.indices.map { row in
      guard include(row) else { return -1 }
      return Int32(values.indices.first { $0 < row && include($0) && values[$0] == values[row] } ?? -1)
    }
  }

  /// A deterministic generator (SplitMix64), so a failure repeats.
  struct Numbers {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state &+= 0x9e37_79b9_7f4a_7c15
      return Int(Column.mix(state) % UInt64(bound))
    }
  }

  @Test("texts: the same as brute force, with missing cells and skipped rows, in one bucket and in many", arguments: [0, 1, 7, 600, 3_000])
  func texts(count: Int) {
    var random = Numbers(state: UInt64(count))
    let values = (0..<count).map { _ in "MD-\(random.next(count / 2 + 1))" + (random.next(3) == 0 ? "-ș" : "") }
    let state: [CellState] = (0..<count).map { _ in random.next(10) == 0 ? .empty : .present }
    let skip = (0..<count).map { _ in random.next(8) == 0 }
    let column = Column(name: "id", type: .text, values: .texts(values), state: state)
    let expected = Self.bruteForce(values) { state[$0] == .present && !skip[$0] }
    #expect(column.earlierDuplicates(skipping: skip) == expected)
    #expect(column.earlierDuplicates() == Self.bruteForce(values) { state[$0] == .present })
  }

  @Test("numbers: +0 and -0 are one value; the same as brute force over many buckets")
  func numbers() {
    var random = Numbers(state: 9)
    var values = (0..<5_000).map { _ in Double(random.next(1_500)) / 4 }
    values[10] = 0
    values[20] = -0.0
    let state = [CellState](repeating: .present, count: values.count)
    let column = Column(name: "x", type: .decimal, values: .numbers(values), state: state)
    let duplicates = column.earlierDuplicates()
    #expect(duplicates == Self.bruteForce(values) { _ in true })
    #expect(duplicates[20] <= 10 && duplicates[20] >= 0)
  }

  @Test("codes and dates: the same as brute force")
  func codesAndDates() {
    var random = Numbers(state: 4)
    let codes = (0..<2_000).map { _ in Int32(random.next(5)) }
    let state = [CellState](repeating: .present, count: codes.count)
    let coded = Column(name: "c", type: .categorical, values: .codes(codes), state: state, levels: ["1", "2", "3", "4", "5"])
    #expect(coded.earlierDuplicates() == Self.bruteForce(codes) { _ in true })
    let days = (0..<2_000).map { _ in Int32(20_000 + random.next(900)) }
    let dated = Column(name: "d", type: .date, values: .dates(days), state: state)
    #expect(dated.earlierDuplicates() == Self.bruteForce(days) { _ in true })
  }

  @Test("buckets hold about 512 entries, at most 2^16 buckets", arguments: [(0, 0), (512, 0), (513, 1), (1_000_000, 11), (1 << 40, 16)])
  func bucketBits(count: Int, bits: Int) {
    #expect(Column.bucketBits(count) == bits)
  }
}
