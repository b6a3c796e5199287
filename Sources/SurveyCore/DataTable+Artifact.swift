extension DataTable {
  /// Writes the whole table, losslessly: every column with its type, values, cell states, levels
  /// and the raw text of invalid cells and missing codes; the batches; each row's batch and
  /// line; the rows that could not be read field by field (with their id trust); the id column
  /// and the columns batches lacked.
  public func write(to writer: inout ArtifactWriter) {
    writer.int(batches.count)
    for batch in batches {
      writer.string(batch.name)
      writer.string(batch.path)
      writer.byte(batch.decimal)
    }
    writer.plain(rowBatch)
    writer.plain(rowLine)
    let issues = rowIssues.sorted { $0.key < $1.key }
    writer.plain(issues.map(\.key))
    writer.strings(issues.map(\.value.rule.rawValue))
    writer.plain(issues.map { $0.value.idTrusted ? UInt8(1) : 0 })
    writer.string(idColumn)
    let missing = missingColumns.sorted { ($0.batch, $0.variable) < ($1.batch, $1.variable) }
    writer.plain(missing.map(\.batch))
    writer.strings(missing.map(\.variable))
    writer.int(columns.count)
    for column in columns { column.write(to: &writer) }
  }

  /// Reads a table that ``write(to:)`` wrote.
  ///
  /// - Throws: ``CoreError/corruptArtifact(path:problem:)`` when the bytes do not make a table.
  public init(reading reader: inout ArtifactReader) throws(CoreError) {
    var batches: [BatchInfo] = []
    for _ in 0..<(try reader.count()) {
      batches.append(BatchInfo(name: try reader.string(), path: try reader.string(), decimal: try reader.byte()))
    }
    let rowBatch: [UInt16] = try reader.plain()
    let rowLine: [Int32] = try reader.plain()
    guard rowLine.count == rowBatch.count, rowBatch.allSatisfy({ Int($0) < batches.count }) else {
      throw reader.corrupt("the rows' batches do not match")
    }
    let issueRows: [Int] = try reader.plain()
    let issueRules = try reader.strings()
    let issueTrust: [UInt8] = try reader.plain()
    guard issueRules.count == issueRows.count, issueTrust.count == issueRows.count else {
      throw reader.corrupt("the row issues do not match")
    }
    var issues: [Int: RowIssue] = [:]
    for index in issueRows.indices {
      guard let rule = RuleID(rawValue: issueRules[index]), (0..<rowBatch.count).contains(issueRows[index]) else {
        throw reader.corrupt("a row issue is unknown")
      }
      issues[issueRows[index]] = RowIssue(rule: rule, idTrusted: issueTrust[index] != 0)
    }
    let idColumn = try reader.optionalString()
    let missingBatches: [Int] = try reader.plain()
    let missingVariables = try reader.strings()
    guard missingVariables.count == missingBatches.count else { throw reader.corrupt("the missing columns do not match") }
    var columns: [Column] = []
    for _ in 0..<(try reader.count()) {
      let column = try Column(reading: &reader)
      guard column.count == rowBatch.count else { throw reader.corrupt("the column '\(column.name)' has another length") }
      columns.append(column)
    }
    self.init(columns: columns, batches: batches, rowBatch: rowBatch, rowLine: rowLine, rowIssues: issues, idColumn: idColumn)
    missingColumns = Set(zip(missingBatches, missingVariables).map { MissingColumn(batch: $0, variable: $1) })
  }
}

extension Column {
  /// The values' kind, as written.
  enum ValueTag: UInt8 {
    case numbers, codes, texts, dates, selections, instants
  }

  func write(to writer: inout ArtifactWriter) {
    writer.string(name)
    writer.string(type.rawValue)
    writer.strings(levels)
    writer.states(state)
    let raws = raw.sorted { $0.key < $1.key }
    writer.plain(raws.map(\.key))
    writer.texts(raws.map(\.value))
    switch values {
    case .numbers(let v):
      writer.byte(ValueTag.numbers.rawValue)
      writer.compactNumbers(v)
    case .codes(let v):
      writer.byte(ValueTag.codes.rawValue)
      writer.compactIntegers(v)
    case .texts(let v):
      writer.byte(ValueTag.texts.rawValue)
      writer.texts(v)
    case .dates(let v):
      writer.byte(ValueTag.dates.rawValue)
      writer.compactIntegers(v)
    case .selections(let v):
      writer.byte(ValueTag.selections.rawValue)
      writer.plain(v)
    case .instants(let v):
      writer.byte(ValueTag.instants.rawValue)
      writer.plain(v)
    }
  }

  init(reading reader: inout ArtifactReader) throws(CoreError) {
    let name = try reader.string()
    let type = try reader.value(VariableType.self)
    let levels = try reader.strings()
    let state = try reader.states()
    let rawRows: [Int] = try reader.plain()
    let rawTexts = try reader.optionalStrings()
    guard rawTexts.count == rawRows.count, rawRows.allSatisfy({ (0..<state.count).contains($0) }) else {
      throw reader.corrupt("the raw texts of '\(name)' do not match")
    }
    var raw: [Int: String] = [:]
    raw.reserveCapacity(rawRows.count)
    for (row, text) in zip(rawRows, rawTexts) { raw[row] = text ?? "" }
    guard let tag = ValueTag(rawValue: try reader.byte()) else { throw reader.corrupt("the column '\(name)' has an unknown kind") }
    let values: ColumnValues
    switch tag {
    case .numbers: values = .numbers(try reader.compactNumbers())
    case .codes:
      let codes = try reader.compactIntegers()
      guard codes.allSatisfy({ $0 >= -1 && Int($0) < levels.count }) else { throw reader.corrupt("a code of '\(name)' is out of range") }
      values = .codes(codes)
    case .texts: values = .texts(try reader.texts())
    case .dates: values = .dates(try reader.compactIntegers())
    case .selections: values = .selections(try reader.plain())
    case .instants: values = .instants(try reader.plain())
    }
    guard values.count == state.count else { throw reader.corrupt("the column '\(name)' has values and states of other lengths") }
    self.init(name: name, type: type, values: values, state: state, levels: levels, raw: raw)
  }
}
