import SurveyCore

/// Builds one typed column, a chunk of records at a time, straight from the field bytes in a
/// ``FieldSink``: numbers, codes and dates are read from the bytes without making a `String`.
///
/// `@unchecked Sendable`: a builder is filled only by the converting thread of its
/// ``RecordReader`` (one chunk at a time, in order) and read by the reader's owner only after
/// `RecordReader.readPart` has waited for that thread to finish (a later part's builders are
/// appended only after `RecordReader.read` has waited for that part's thread).
final class ColumnBuilder: @unchecked Sendable {
  enum Kind { case number, fixedCode, discoveredCode, text, date, instant, multiple }

  let field: IngestField
  let kind: Kind
  let isInteger: Bool
  var numbers: [Double] = []
  var codes: [Int32] = []
  var texts: [String] = []
  var dates: [Int32] = []
  var instants: [Int64] = []
  var selections: [UInt64] = []
  var state: [CellState] = []
  var raw: [Int: String] = [:]
  /// Split 0/1 columns that disagree with the space-separated column (rows of this batch).
  var splitConflicts: [SplitConflict] = []
  /// The codes' levels: the codebook's, or for a column that discovers them, those found so far.
  var levels: [String] { kind == .discoveredCode ? discovered.levels : fixedLevels }
  private let fixedLevels: [String]
  private var discovered = DiscoveredLevels()
  let matcher: LevelMatcher
  let missing: MissingMatcher
  /// For an export made with labels: the codes' and missing codes' labels.
  let labels: LabelMatcher?

  init(field: IngestField, missingTokens: [String], values: ValueFormat = .codes) {
    self.field = field
    switch field.type {
    case .integer, .decimal: kind = .number
    case .categorical: kind = field.discoversLevels ? .discoveredCode : .fixedCode
    case .text: kind = .text
    case .date: kind = .date
    case .datetime: kind = .instant
    case .multiple: kind = .multiple
    }
    isInteger = field.type == .integer
    fixedLevels = field.discoversLevels ? [] : field.levels
    matcher = LevelMatcher(fixedLevels)
    missing = MissingMatcher(tokens: missingTokens, codes: field.missingCodes)
    labels = values == .labels && (kind == .fixedCode || kind == .multiple) ? LabelMatcher(field: field) : nil
  }

  var count: Int { state.count }

  /// Makes room for `capacity` rows, so that reading does not copy the arrays as they grow.
  func reserve(_ capacity: Int) {
    state.reserveCapacity(capacity)
    switch kind {
    case .number: numbers.reserveCapacity(capacity)
    case .fixedCode, .discoveredCode: codes.reserveCapacity(capacity)
    case .text: texts.reserveCapacity(capacity)
    case .date: dates.reserveCapacity(capacity)
    case .instant: instants.reserveCapacity(capacity)
    case .multiple: selections.reserveCapacity(capacity)
    }
  }

  /// Opens `n` rows whose cells are missing until a `fill` types them.
  func openRows(_ n: Int) {
    state.append(contentsOf: repeatElement(.empty, count: n))
    switch kind {
    case .number: numbers.append(contentsOf: repeatElement(0, count: n))
    case .fixedCode, .discoveredCode: codes.append(contentsOf: repeatElement(-1, count: n))
    case .text: texts.append(contentsOf: repeatElement("", count: n))
    case .date: dates.append(contentsOf: repeatElement(0, count: n))
    case .instant: instants.append(contentsOf: repeatElement(0, count: n))
    case .multiple: selections.append(contentsOf: repeatElement(0, count: n))
    }
  }

  /// Types the field at `position` of every record in `sink` into rows `base...`.
  func fill(from sink: UnsafePointer<FieldSink>, position: Int, base: Int, decimal: UInt8) {
    let rows = sink.pointee.rowCount
    // The reader keeps every column a builder reads.
    guard let slot = sink.pointee.slot(of: position) else { return }
    var invalid: [(Int, String)] = []
    var missingCodes: [(Int, String)] = []
    state.withUnsafeMutableBufferPointer { state in
      func eachField(_ body: (Int, UnsafeBufferPointer<UInt8>) -> CellState?) {
        for r in 0..<rows where Int32(position) < sink.pointee.rowFields[r] {
          let index = sink.pointee.rowFirst[r] + slot
          guard let bytes = sink.pointee.fieldBytes(index) else { continue }
          let row = base + r
          if bytes.isEmpty {
            // A quoted empty string: an explicit empty answer for text, missing otherwise.
            if kind == .text { state[row] = .present }
            continue
          }
          if missing.isToken(bytes) { continue }
          if let cell = body(row, bytes) {
            state[row] = cell
            if cell == .invalid { invalid.append((row, String(decoding: bytes, as: UTF8.self))) }
          }
        }
      }
      switch kind {
      case .number:
        numbers.withUnsafeMutableBufferPointer { values in
          eachField { row, bytes in
            // Not a number, not whole for an integer, or not held exactly: invalid, and the
            // type rule says which from the raw text (NumberText's rule).
            guard let value = NumberScanner.parse(bytes, decimal: decimal, integer: isInteger) else { return .invalid }
            values[row] = value
            if missing.hasNumbers, missing.isCode(value) {
              missingCodes.append((row, String(decoding: bytes, as: UTF8.self)))
              return .missingCode
            }
            return .present
          }
        }
      case .fixedCode:
        codes.withUnsafeMutableBufferPointer { values in
          eachField { row, bytes in
            if let level = labels?.level(bytes) ?? matcher.match(bytes) {
              values[row] = level
              return .present
            }
            if let index = labels?.missingCode(bytes) {
              // The cleaning log and the exports name the code the label stands for.
              missingCodes.append((row, field.missingCodes[index]))
              return .missingCode
            }
            if missing.isCode(bytes) {
              missingCodes.append((row, String(decoding: bytes, as: UTF8.self)))
              return .missingCode
            }
            return .invalid
          }
        }
      case .discoveredCode:
        // Moved out and back, so the table is not copied when it changes.
        var found = discovered
        discovered = DiscoveredLevels()
        codes.withUnsafeMutableBufferPointer { values in
          eachField { row, bytes in
            if missing.isCode(bytes) {
              missingCodes.append((row, String(decoding: bytes, as: UTF8.self)))
              return .missingCode
            }
            values[row] = found.index(of: bytes)
            return .present
          }
        }
        discovered = found
      case .text:
        texts.withUnsafeMutableBufferPointer { values in
          eachField { row, bytes in
            values[row] = String(decoding: bytes, as: UTF8.self)
            return .present
          }
        }
      case .date:
        let format = field.dateFormat
        dates.withUnsafeMutableBufferPointer { values in
          eachField { row, bytes in
            guard let days = format.days(bytes) else { return .invalid }
            values[row] = Int32(days)
            return .present
          }
        }
      case .instant:
        instants.withUnsafeMutableBufferPointer { values in
          eachField { row, bytes in
            guard let instant = ISODateTime.milliseconds(bytes) else { return .invalid }
            values[row] = instant
            return .present
          }
        }
      case .multiple:
        selections.withUnsafeMutableBufferPointer { values in
          eachField { row, bytes in
            let read = labels.map { $0.selections(bytes, codes: matcher) } ?? matcher.selections(bytes)
            guard let bits = read else { return .invalid }
            if bits == 0 { return nil }
            values[row] |= bits
            return state[row] == .invalid ? nil : .present
          }
        }
      }
    }
    for (row, text) in invalid { raw[row] = text }
    for (row, text) in missingCodes { raw[row] = text }
  }

  /// Types the 0/1 column of code `bit` of a split multi-select into rows `base...`.
  func fillSplit(from sink: UnsafePointer<FieldSink>, position: Int, bit: Int, base: Int) {
    let rows = sink.pointee.rowCount
    guard let slot = sink.pointee.slot(of: position) else { return }
    for r in 0..<rows where Int32(position) < sink.pointee.rowFields[r] {
      guard let bytes = sink.pointee.fieldBytes(sink.pointee.rowFirst[r] + slot), !bytes.isEmpty,
        !missing.isToken(bytes)
      else { continue }
      let row = base + r
      switch Self.splitFlag(bytes) {
      case true?:
        if state[row] != .invalid {
          selections[row] |= 1 << UInt64(bit)
          state[row] = .present
        }
      case false?:
        if state[row] == .empty { state[row] = .present }
      case nil:
        state[row] = .invalid
        raw[row] = "\(field.name)/\(levels[bit])=\(String(decoding: bytes, as: UTF8.self))"
      }
    }
  }

  /// Appends the rows of `other` (the next batch).
  func append(_ other: ColumnBuilder) {
    let offset = count
    state += other.state
    switch kind {
    case .number: numbers += other.numbers
    case .fixedCode: codes += other.codes
    case .discoveredCode:
      let remap = other.levels.map { discovered.index(ofText: $0) }
      codes += other.codes.map { $0 >= 0 ? remap[Int($0)] : -1 }
    case .text: texts += other.texts
    case .date: dates += other.dates
    case .instant: instants += other.instants
    case .multiple: selections += other.selections
    }
    for (row, text) in other.raw { raw[offset + row] = text }
  }

  /// The finished column, with discovered levels sorted (numerically when all are numbers).
  func build() -> Column {
    switch kind {
    case .number:
      return Column(name: field.name, type: field.type, values: .numbers(numbers), state: state, raw: raw)
    case .fixedCode:
      return Column(name: field.name, type: .categorical, values: .codes(codes), state: state, levels: levels, raw: raw)
    case .discoveredCode:
      // The same rule as numeric cells: no `nan`, `inf` or hexadecimal, nothing rounded to 0 or ∞.
      let numeric = levels.map { try? NumberText.read($0, integer: false).get() }
      let numericLevels = numeric.filter { $0 != nil }.count
      let allNumeric = !levels.isEmpty && numericLevels == levels.count
      // Mostly numbers: a numeric column whose few texts are invalid cells (reported by line),
      // rather than a silent switch to one total per category.
      if field.numericIfPossible, numericLevels > 0, numericLevels * 2 >= levels.count {
        var values = [Double](repeating: 0, count: codes.count)
        var states = state
        var cellText = raw
        for row in 0..<codes.count where codes[row] >= 0 {
          if let value = numeric[Int(codes[row])] {
            values[row] = value
          } else {
            states[row] = .invalid
            cellText[row] = levels[Int(codes[row])]
          }
        }
        return Column(name: field.name, type: .decimal, values: .numbers(values), state: states, raw: cellText)
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
    case .instant:
      return Column(name: field.name, type: .datetime, values: .instants(instants), state: state, raw: raw)
    case .multiple:
      return Column(name: field.name, type: .multiple, values: .selections(selections), state: state, levels: levels, raw: raw)
    }
  }
}
