// The one Swift file that calls libreadstat (CReadStat): a writer and a parser, each owning its
// C handle in a final class that frees it in deinit; libreadstat's status codes become
// ExportError here.
import CReadStat
import Foundation

/// Writes a labelled dataset as a Stata or SPSS file, handing its bytes to a sink a megabyte at
/// a time (a 1M-row export is never held in memory whole).
final class ReadStatWriter {
  private let writer: UnsafeMutablePointer<readstat_writer_t>
  private let format: ExportFormat
  /// Bytes libreadstat has written and the sink has not yet been given.
  private var pending: [UInt8] = []
  private var sink: ((UnsafeRawBufferPointer) throws -> Void)?
  /// What the sink threw, rethrown in place of libreadstat's write error.
  private var sinkError: Error?
  private static let flushBytes = 1 << 20

  init(format: ExportFormat) {
    writer = readstat_writer_init()
    self.format = format
  }

  deinit { readstat_writer_free(writer) }

  /// The file's bytes, in memory (for small datasets and tests).
  func write(_ dataset: ExportDataset) throws -> [UInt8] {
    var bytes: [UInt8] = []
    try write(dataset) { bytes.append(contentsOf: $0) }
    return bytes
  }

  /// Writes the file, handing its bytes to `sink` in order. Stata files carry a time stamp: it
  /// is fixed (1 January 1970), so that the same data give the same bytes.
  func write(_ dataset: ExportDataset, to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
    try withoutActuallyEscaping(sink) { sink in
      self.sink = sink
      defer { self.sink = nil }
      pending.reserveCapacity(Self.flushBytes)
      try writeFile(dataset)
      if let sinkError { throw sinkError }
      try flush()
    }
  }

  private func flush() throws {
    guard !pending.isEmpty, let sink else { return }
    try pending.withUnsafeBytes { try sink($0) }
    pending.removeAll(keepingCapacity: true)
  }

  private func writeFile(_ dataset: ExportDataset) throws {
    try check(readstat_set_data_writer(writer) { data, length, context in
      guard let data, let context else { return 0 }
      let target = Unmanaged<ReadStatWriter>.fromOpaque(context).takeUnretainedValue()
      guard target.sinkError == nil else { return -1 }
      target.pending.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
      guard target.pending.count >= ReadStatWriter.flushBytes else { return length }
      do {
        try target.flush()
        return length
      } catch {
        target.sinkError = error
        return -1
      }
    }, nil)
    try check(readstat_writer_set_file_label(writer, dataset.label), nil)
    try check(readstat_writer_set_file_timestamp(writer, 0), nil)
    if format == .dta { try check(readstat_writer_set_file_format_version(writer, 118), nil) }
    var planned: [PlannedVariable] = []
    for variable in dataset.variables {
      // SPSS's user-missing values, once per variable (each looks at every row).
      let missingValues = format == .sav ? variable.userMissingValues : []
      let (handle, refs) = try add(variable, missingValues: missingValues, rows: dataset.rowCount)
      planned.append(PlannedVariable(variable: variable, handle: handle, missingValues: missingValues, refs: refs))
    }
    let context = Unmanaged.passUnretained(self).toOpaque()
    switch format {
    case .dta: try check(readstat_begin_writing_dta(writer, context, dataset.rowCount), nil)
    case .sav: try check(readstat_begin_writing_sav(writer, context, dataset.rowCount), nil)
    }
    for row in 0..<dataset.rowCount {
      try check(readstat_begin_row(writer), nil)
      for variable in planned { try insert(variable, row: row) }
      try check(readstat_end_row(writer), nil)
    }
    try check(readstat_end_writing(writer), nil)
  }

  /// One variable as the row loop writes it, with what `insert` needs looked up once rather
  /// than per cell (a 1M-row export of 27 variables makes 27M inserts).
  private final class PlannedVariable {
    let variable: ExportVariable
    let handle: UnsafeMutablePointer<readstat_variable_t>
    /// SPSS's user-missing values for the variable's missing codes.
    let missingValues: [Double]
    /// For a Stata strL: each row's string reference.
    let refs: [UnsafeMutablePointer<readstat_string_ref_t>]?

    init(
      variable: ExportVariable, handle: UnsafeMutablePointer<readstat_variable_t>, missingValues: [Double],
      refs: [UnsafeMutablePointer<readstat_string_ref_t>]?
    ) {
      self.variable = variable
      self.handle = handle
      self.missingValues = missingValues
      self.refs = refs
    }
  }

  /// Declares one variable with its label, display format, value labels and missing codes.
  /// Stata text longer than a `str2045` holds becomes a `strL` (its texts written at the end of
  /// the file); SPSS text is cut at ``ExportFormat/maximumTextBytes`` (the run reports each cut).
  /// The variable's handle, and for a Stata strL each row's string reference.
  private func add(
    _ variable: ExportVariable, missingValues: [Double], rows: Int
  ) throws -> (UnsafeMutablePointer<readstat_variable_t>, [UnsafeMutablePointer<readstat_string_ref_t>]?) {
    let isText = variable.kind == .text
    var width = 0
    var type = isText ? READSTAT_TYPE_STRING : READSTAT_TYPE_DOUBLE
    var refs: [UnsafeMutablePointer<readstat_string_ref_t>]?
    if isText {
      width = min(max(1, variable.texts.map(\.utf8.count).max() ?? 1), format.maximumTextBytes)
      if format == .dta, width > ExportFormat.stataFixedTextBytes {
        type = READSTAT_TYPE_STRING_REF
        width = 0
        refs = try addStringRefs(variable.texts)
      }
    }
    guard let handle = readstat_add_variable(writer, variable.name, type, width)
    else { throw ExportError.library(format: format.rawValue, variable: variable.name, message: "cannot add the variable") }
    readstat_variable_set_label(handle, String(variable.label.prefix(80)))
    if let display = displayFormat(variable.kind) { readstat_variable_set_format(handle, display) }
    if !variable.valueLabels.isEmpty || !variable.missingCodes.isEmpty {
      readstat_variable_set_label_set(handle, try labelSet(variable, missingValues: missingValues))
    }
    if format == .sav {
      for value in missingValues {
        try check(readstat_variable_add_missing_double_value(handle, value), variable.name)
      }
    }
    return (handle, refs)
  }

  /// One string reference per distinct text, in the order of first use; per row, its text's.
  private func addStringRefs(_ texts: [String]) throws -> [UnsafeMutablePointer<readstat_string_ref_t>] {
    // Keyed by bytes: two texts Swift calls equal (é, and e with a combining accent) stay apart.
    var byText: [[UInt8]: UnsafeMutablePointer<readstat_string_ref_t>] = [:]
    return try texts.map { text in
      let bytes = Array(text.utf8)
      if let known = byText[bytes] { return known }
      guard let ref = readstat_add_string_ref(writer, text) else {
        throw ExportError.library(format: format.rawValue, variable: nil, message: "cannot store a long text (out of memory)")
      }
      byText[bytes] = ref
      return ref
    }
  }

  /// Value labels: Stata's are whole numbers, its missing codes labelled extended missing
  /// values; SPSS labels any number, its missing codes as the codes they are.
  private func labelSet(
    _ variable: ExportVariable, missingValues: [Double]
  ) throws -> UnsafeMutablePointer<readstat_label_set_t> {
    let type = format == .dta ? READSTAT_TYPE_INT32 : READSTAT_TYPE_DOUBLE
    guard let set = readstat_add_label_set(writer, type, variable.name) else {
      throw ExportError.library(format: format.rawValue, variable: variable.name, message: "cannot add its value labels")
    }
    for (value, label) in variable.valueLabels {
      if format == .sav {
        readstat_label_double_value(set, value, ExportFormat.fitted(label, bytes: ExportFormat.spssValueLabelBytes))
      } else if let whole = Int32(exactly: value) {
        readstat_label_int32_value(set, whole, label)
      }
    }
    for (index, code) in variable.missingCodes.enumerated() {
      if format == .sav {
        readstat_label_double_value(
          set, missingValues[index], ExportFormat.fitted(code.label, bytes: ExportFormat.spssValueLabelBytes))
      } else {
        guard index < 26 else { throw ExportError.tooManyMissingCodes(variable: variable.name) }
        readstat_label_tagged_value(set, CChar(UInt8(ascii: "a") + UInt8(index)), code.label)
      }
    }
    return set
  }

  private func displayFormat(_ kind: ExportVariable.Kind) -> String? {
    switch (kind, format) {
    case (.date, .dta): return "%td"
    case (.dateTime, .dta): return "%tc"
    case (.date, .sav): return "DATE11"
    case (.dateTime, .sav): return "DATETIME23.3"
    default: return nil
    }
  }

  private func insert(_ planned: PlannedVariable, row: Int) throws {
    let handle = planned.handle
    let variable = planned.variable
    if variable.kind == .text {
      if let refs = planned.refs {
        try check(readstat_insert_string_ref(writer, handle, refs[row]), variable.name)
      } else {
        try check(readstat_insert_string_value(writer, handle, format.fitted(variable.texts[row])), variable.name)
      }
      return
    }
    if !variable.missingCode.isEmpty, variable.missingCode[row] > 0 {
      let index = Int(variable.missingCode[row]) - 1
      switch format {
      case .dta:
        try check(readstat_insert_tagged_missing_value(writer, handle, CChar(UInt8(ascii: "a") + UInt8(index))), variable.name)
      case .sav:
        try check(readstat_insert_double_value(writer, handle, planned.missingValues[index]), variable.name)
      }
      return
    }
    let value = variable.numbers[row]
    guard !value.isNaN else {
      try check(readstat_insert_missing_value(writer, handle), variable.name)
      return
    }
    try check(readstat_insert_double_value(writer, handle, stored(value, kind: variable.kind)), variable.name)
  }

  /// Dates and date-times in the format's own epoch and unit: Stata counts days and
  /// milliseconds from 1960-01-01, SPSS seconds from 1582-10-14.
  private func stored(_ value: Double, kind: ExportVariable.Kind) -> Double {
    switch (kind, format) {
    case (.date, .dta): return value + 3653
    case (.dateTime, .dta): return value + 315_619_200_000
    case (.date, .sav): return (value + 141_428) * 86_400
    case (.dateTime, .sav): return value / 1000 + 12_219_379_200
    default: return value
    }
  }

  private func check(_ status: readstat_error_t, _ variable: String?) throws {
    guard status != READSTAT_OK else { return }
    if let sinkError { throw sinkError }
    throw ExportError.library(format: format.rawValue, variable: variable, message: String(cString: readstat_error_message(status)))
  }
}

/// A Stata or SPSS file read back through libreadstat's parser (for tests and checks).
public struct LabelledFile: Sendable {
  /// One value as the file holds it.
  public enum Value: Sendable, Equatable {
    case number(Double)
    case text(String)
    /// Stata's `.` and SPSS's system-missing.
    case systemMissing
    /// Stata's extended missing value `.a` … `.z`.
    case tagged(Character)
    /// An SPSS user-missing value.
    case userMissing(Double)
  }

  public struct Variable: Sendable {
    public var name: String
    public var label: String
    public var format: String
    /// The name of its value labels, "" without.
    public var labelSet: String
  }

  public var variables: [Variable] = []
  /// By label set: each value (a number, or a tagged missing value) with its label.
  public var valueLabels: [String: [(value: Value, label: String)]] = [:]
  /// Row by row, one value per variable.
  public var rows: [[Value]] = []

  /// Parses the file at `path` as `format`.
  public static func read(_ path: String, format: ExportFormat) throws -> LabelledFile {
    let parser = ReadStatParser()
    return try parser.read(path, format: format)
  }
}

/// Owns a libreadstat parser and collects what its callbacks report.
final class ReadStatParser {
  private let parser: UnsafeMutablePointer<readstat_parser_t>
  var file = LabelledFile()

  init() { parser = readstat_parser_init() }

  deinit { readstat_parser_free(parser) }

  func read(_ path: String, format: ExportFormat) throws -> LabelledFile {
    readstat_set_variable_handler(parser) { _, variable, labels, context in
      let me = Unmanaged<ReadStatParser>.fromOpaque(context!).takeUnretainedValue()
      me.file.variables.append(
        LabelledFile.Variable(
          name: String(cString: readstat_variable_get_name(variable)),
          label: readstat_variable_get_label(variable).map { String(cString: $0) } ?? "",
          format: readstat_variable_get_format(variable).map { String(cString: $0) } ?? "",
          labelSet: labels.map { String(cString: $0) } ?? ""))
      return Int32(READSTAT_HANDLER_OK)
    }
    readstat_set_value_handler(parser) { row, variable, value, context in
      let me = Unmanaged<ReadStatParser>.fromOpaque(context!).takeUnretainedValue()
      if Int(row) >= me.file.rows.count { me.file.rows.append([]) }
      me.file.rows[Int(row)].append(ReadStatParser.value(value, variable: variable))
      return Int32(READSTAT_HANDLER_OK)
    }
    readstat_set_value_label_handler(parser) { set, value, label, context in
      let me = Unmanaged<ReadStatParser>.fromOpaque(context!).takeUnretainedValue()
      me.file.valueLabels[String(cString: set!), default: []].append(
        (ReadStatParser.value(value, variable: nil), String(cString: label!)))
      return Int32(READSTAT_HANDLER_OK)
    }
    let context = Unmanaged.passUnretained(self).toOpaque()
    let status = format == .dta ? readstat_parse_dta(parser, path, context) : readstat_parse_sav(parser, path, context)
    guard status == READSTAT_OK else {
      throw ExportError.unreadable(path: path, message: String(cString: readstat_error_message(status)))
    }
    return file
  }

  static func value(_ value: readstat_value_t, variable: UnsafeMutablePointer<readstat_variable_t>?) -> LabelledFile.Value {
    if readstat_value_is_tagged_missing(value) != 0 { return .tagged(Character(UnicodeScalar(UInt8(readstat_value_tag(value))))) }
    if readstat_value_is_system_missing(value) != 0 { return .systemMissing }
    if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING {
      return .text(readstat_string_value(value).map { String(cString: $0) } ?? "")
    }
    let number = readstat_double_value(value)
    if let variable, readstat_value_is_defined_missing(value, variable) != 0 { return .userMissing(number) }
    return .number(number)
  }
}
