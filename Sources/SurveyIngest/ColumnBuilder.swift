import SurveyCore

/// Builds one typed column from field bytes, one row at a time.
///
/// `appendEmpty()` opens a row with a missing cell; `set(_:row:decimal:)` then types the field's
/// bytes into it. Numbers, codes and dates are read from the bytes without making a `String`.
final class ColumnBuilder {
  enum Kind { case number, fixedCode, discoveredCode, text, date, multiple }

  let field: IngestField
  let kind: Kind
  let isInteger: Bool
  var numbers: [Double] = []
  var codes: [Int32] = []
  var texts: [String] = []
  var dates: [Int32] = []
  var selections: [UInt64] = []
  var state: [CellState] = []
  var raw: [Int: String] = [:]
  var levels: [String]
  private var levelBytes: [[UInt8]]
  private var discovered: [String: Int32] = [:]
  private let missingNumbers: [Double]
  private let missingBytes: [[UInt8]]
  private let missingTokens: [[UInt8]]
  /// The last level matched, tried first: strata and PSU columns repeat values in runs.
  private var lastLevel: Int32 = -1

  init(field: IngestField, missingTokens: [String]) {
    self.field = field
    switch field.type {
    case .integer, .decimal: kind = .number
    case .categorical: kind = field.discoversLevels ? .discoveredCode : .fixedCode
    case .text: kind = .text
    case .date: kind = .date
    case .multiple: kind = .multiple
    }
    isInteger = field.type == .integer
    levels = field.discoversLevels ? [] : field.levels
    levelBytes = levels.map { Array($0.utf8) }
    missingNumbers = field.missingCodes.compactMap { Double($0) }
    missingBytes = field.missingCodes.map { Array($0.utf8) }
    self.missingTokens = missingTokens.map { Array($0.lowercased().utf8) }
  }

  var count: Int { state.count }

  func reserve(_ capacity: Int) {
    state.reserveCapacity(capacity)
    switch kind {
    case .number: numbers.reserveCapacity(capacity)
    case .fixedCode, .discoveredCode: codes.reserveCapacity(capacity)
    case .text: texts.reserveCapacity(capacity)
    case .date: dates.reserveCapacity(capacity)
    case .multiple: selections.reserveCapacity(capacity)
    }
  }

  /// Opens a row whose cell is missing until `set` types it.
  @inline(__always)
  func appendEmpty() {
    state.append(.empty)
    switch kind {
    case .number: numbers.append(0)
    case .fixedCode, .discoveredCode: codes.append(-1)
    case .text: texts.append("")
    case .date: dates.append(0)
    case .multiple: selections.append(0)
    }
  }

  /// Drops the last row (a record that held no data at all).
  func removeLast() {
    state.removeLast()
    raw[state.count] = nil
    switch kind {
    case .number: numbers.removeLast()
    case .fixedCode, .discoveredCode: codes.removeLast()
    case .text: texts.removeLast()
    case .date: dates.removeLast()
    case .multiple: selections.removeLast()
    }
  }

  @inline(__always)
  private func isMissingToken(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for token in missingTokens where token.count == bytes.count {
      var same = true
      for k in 0..<bytes.count where bytes[k] | 0x20 != token[k] | 0x20 {
        same = false
        break
      }
      if same { return true }
    }
    return false
  }

  @inline(__always)
  private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ other: [UInt8]) -> Bool {
    guard bytes.count == other.count else { return false }
    for k in 0..<bytes.count where bytes[k] != other[k] { return false }
    return true
  }

  private func fixedLevel(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
    if lastLevel >= 0, Self.equal(bytes, levelBytes[Int(lastLevel)]) { return lastLevel }
    for (index, level) in levelBytes.enumerated() where Self.equal(bytes, level) {
      lastLevel = Int32(index)
      return lastLevel
    }
    return nil
  }

  private func missingCode(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for code in missingBytes where Self.equal(bytes, code) { return true }
    return false
  }

  /// Types the bytes of one field into the cell at `row`; `nil` is an empty unquoted field.
  @inline(__always)
  func set(_ field: UnsafeBufferPointer<UInt8>?, row: Int, decimal: UInt8) {
    guard let bytes = field else { return }
    if bytes.isEmpty {
      // A quoted empty string: an explicit empty answer for text, missing for everything else.
      if kind == .text { state[row] = .present }
      return
    }
    if isMissingToken(bytes) { return }
    switch kind {
    case .number:
      if let value = NumberScanner.parse(bytes, decimal: decimal) {
        if !missingNumbers.isEmpty, missingNumbers.contains(value) {
          numbers[row] = value
          state[row] = .missingCode
          raw[row] = String(decoding: bytes, as: UTF8.self)
        } else if isInteger, value != value.rounded() {
          invalid(bytes, row: row)
        } else {
          numbers[row] = value
          state[row] = .present
        }
      } else {
        invalid(bytes, row: row)
      }
    case .fixedCode:
      if let level = fixedLevel(bytes) {
        codes[row] = level
        state[row] = .present
      } else if missingCode(bytes) {
        state[row] = .missingCode
        raw[row] = String(decoding: bytes, as: UTF8.self)
      } else {
        invalid(bytes, row: row)
      }
    case .discoveredCode:
      if lastLevel >= 0, Self.equal(bytes, levelBytes[Int(lastLevel)]) {
        codes[row] = lastLevel
        state[row] = .present
        return
      }
      if missingCode(bytes) {
        state[row] = .missingCode
        raw[row] = String(decoding: bytes, as: UTF8.self)
        return
      }
      let text = String(decoding: bytes, as: UTF8.self)
      let index: Int32
      if let known = discovered[text] {
        index = known
      } else {
        index = Int32(levels.count)
        discovered[text] = index
        levels.append(text)
        levelBytes.append(Array(bytes))
      }
      lastLevel = index
      codes[row] = index
      state[row] = .present
    case .text:
      texts[row] = String(decoding: bytes, as: UTF8.self)
      state[row] = .present
    case .date:
      if let date = self.field.dateFormat.parse(bytes) {
        dates[row] = Int32(date.daysSinceEpoch)
        state[row] = .present
      } else {
        invalid(bytes, row: row)
      }
    case .multiple:
      setSelections(bytes, row: row)
    }
  }

  private func invalid(_ bytes: UnsafeBufferPointer<UInt8>, row: Int) {
    state[row] = .invalid
    raw[row] = String(decoding: bytes, as: UTF8.self)
  }

  /// A multi-select in one column: space-separated codes.
  private func setSelections(_ bytes: UnsafeBufferPointer<UInt8>, row: Int) {
    var bits: UInt64 = 0
    var start = 0
    var bad = false
    var any = false
    while start < bytes.count {
      while start < bytes.count, bytes[start] == 0x20 { start += 1 }
      var end = start
      while end < bytes.count, bytes[end] != 0x20 { end += 1 }
      if end > start {
        any = true
        let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if let level = fixedLevel(token) {
          bits |= 1 << UInt64(level)
        } else {
          bad = true
        }
      }
      start = end
    }
    guard any else { return }
    if bad {
      invalid(bytes, row: row)
    } else if state[row] != .invalid {
      selections[row] |= bits
      state[row] = .present
    }
  }

  /// A multi-select split into 0/1 columns (`symptoms/fever`): one code's column.
  func setSplit(_ field: UnsafeBufferPointer<UInt8>?, bit: Int, row: Int) {
    guard let bytes = field, !bytes.isEmpty, !isMissingToken(bytes) else { return }
    let original = String(decoding: bytes, as: UTF8.self)
    switch original.lowercased() {
    case "1", "true", "yes":
      if state[row] != .invalid {
        selections[row] |= 1 << UInt64(bit)
        state[row] = .present
      }
    case "0", "false", "no":
      if state[row] == .empty { state[row] = .present }
    default:
      state[row] = .invalid
      raw[row] = "\(self.field.name)/\(levels[bit])=\(original)"
    }
  }

  /// The finished column, with discovered levels sorted (numerically when all are numbers).
  func build() -> Column {
    switch kind {
    case .number:
      return Column(name: field.name, type: field.type, values: .numbers(numbers), state: state, raw: raw)
    case .fixedCode:
      return Column(name: field.name, type: .categorical, values: .codes(codes), state: state, levels: levels, raw: raw)
    case .discoveredCode:
      let numeric = levels.map { Double($0) }
      let allNumeric = !levels.isEmpty && numeric.allSatisfy { $0 != nil }
      if field.numericIfPossible, allNumeric {
        var values = [Double](repeating: 0, count: codes.count)
        for row in 0..<codes.count where codes[row] >= 0 { values[row] = numeric[Int(codes[row])]! }
        return Column(name: field.name, type: .decimal, values: .numbers(values), state: state, raw: raw)
      }
      let order: [Int] =
        allNumeric
        ? levels.indices.sorted { numeric[$0]! < numeric[$1]! || (numeric[$0]! == numeric[$1]! && levels[$0] < levels[$1]) }
        : levels.indices.sorted { Array(levels[$0].utf8).lexicographicallyPrecedes(Array(levels[$1].utf8)) }
      var remap = [Int32](repeating: -1, count: levels.count)
      for (newIndex, oldIndex) in order.enumerated() { remap[oldIndex] = Int32(newIndex) }
      let sortedCodes = codes.map { $0 >= 0 ? remap[Int($0)] : -1 }
      return Column(
        name: field.name, type: .categorical, values: .codes(sortedCodes), state: state,
        levels: order.map { levels[$0] }, raw: raw)
    case .text:
      return Column(name: field.name, type: .text, values: .texts(texts), state: state, raw: raw)
    case .date:
      return Column(name: field.name, type: .date, values: .dates(dates), state: state, raw: raw)
    case .multiple:
      return Column(name: field.name, type: .multiple, values: .selections(selections), state: state, levels: levels, raw: raw)
    }
  }
}
