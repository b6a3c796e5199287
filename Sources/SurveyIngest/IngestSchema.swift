import SurveyCore

/// One column to read: its name, the header names it may arrive under, and how to type its cells.
public struct IngestField: Sendable {
  public var name: String
  public var type: VariableType
  /// The codes of a categorical or multiple field, in order.
  public var levels: [String]
  /// For categorical fields without a code list: collect the levels found in the data (sorted,
  /// numerically when all are numbers).
  public var discoversLevels: Bool
  /// With `discoversLevels`: turn the column into a decimal one when every level is a number.
  public var numericIfPossible: Bool
  public var aliases: [String]
  /// Cell texts that mean "missing, for this reason" (98, 99, …).
  public var missingCodes: [String]
  public var dateFormat: DateFormat
  /// A missing column is an error finding (not a warning).
  public var required: Bool
  /// Quoted cells may hold line breaks (free-text answers); elsewhere a quoted field that runs
  /// past its line sets the record aside with a finding.
  public var lineBreaks: Bool
  /// Personal data: its cell texts never reach a finding.
  public var pii = false
  /// A column the file may leave out (a column added to a fixed format later, such as the
  /// decisions file's `finding_id`): absent, it reads as blank in every row, with no finding and
  /// no error even when the schema makes missing columns fatal.
  public var mayBeAbsent = false
  /// The question's label: its header in an export made with labels (`read: {headers: labels}`).
  public var label: String?
  /// The labels of `levels`, in order ("" for a code without one): what the cells of an export
  /// made with labels hold (`read: {values: labels}`).
  public var levelLabels: [String] = []
  /// The labels of `missingCodes`, in order.
  public var missingLabels: [String] = []

  public init(
    name: String, type: VariableType, levels: [String] = [], discoversLevels: Bool = false,
    numericIfPossible: Bool = false, aliases: [String] = [], missingCodes: [String] = [],
    dateFormat: DateFormat = .iso, required: Bool = false, lineBreaks: Bool = false
  ) {
    self.name = name
    self.type = type
    self.levels = levels
    self.discoversLevels = discoversLevels
    self.numericIfPossible = numericIfPossible
    self.aliases = aliases
    self.missingCodes = missingCodes
    self.dateFormat = dateFormat
    self.required = required
    self.lineBreaks = lineBreaks
  }
}

/// What to read from batch files and how strictly to hold their headers to it.
public struct IngestSchema: Sendable {
  public var fields: [IngestField]
  /// The field that identifies respondents.
  public var idField: String?
  /// Report header columns that match no field (codebook runs) rather than ignore them.
  public var reportsUnknownColumns: Bool
  /// Fail when a field's column is absent (ad-hoc reads) rather than report it as a finding.
  public var missingColumnIsFatal: Bool
  /// Cell texts, besides an empty cell, that mean missing (compared case-insensitively).
  public var missingTokens: [String]
  /// Quoted cells of columns no field reads may hold line breaks. Codebook runs say no (the
  /// codebook describes every column, and a stray quote must not swallow records); ad-hoc
  /// reads of analysis files (`estimate`, `weight`) say yes, as their unread columns may be
  /// free-text notes.
  public var unreadColumnsMayBreakLines = false
  /// Compute each batch's SHA-256 (``BatchReport/sha256``), for run manifests and artifacts.
  /// Commands that record no provenance (`estimate`, `weight`) skip it; the report's hash is
  /// then empty.
  public var hashesBatches = true

  public init(
    fields: [IngestField], idField: String? = nil, reportsUnknownColumns: Bool = true,
    missingColumnIsFatal: Bool = false, missingTokens: [String] = ["null"]
  ) {
    self.fields = fields
    self.idField = idField
    self.reportsUnknownColumns = reportsUnknownColumns
    self.missingColumnIsFatal = missingColumnIsFatal
    self.missingTokens = missingTokens
  }

  /// Every variable of `codebook`, typed and coded as the codebook says.
  public init(codebook: Codebook) {
    let fields = codebook.variables.map { variable in
      var field = IngestField(
        name: variable.name, type: variable.type, levels: variable.codes.map(\.code),
        aliases: variable.aliases, missingCodes: codebook.missingCodes(for: variable).map(\.code),
        dateFormat: variable.format.flatMap { try? DateFormat($0) } ?? .iso, required: variable.required,
        lineBreaks: variable.lineBreaks)
      field.pii = variable.pii
      field.label = variable.label
      field.levelLabels = variable.codes.map(\.label)
      field.missingLabels = codebook.missingCodes(for: variable).map(\.label)
      return field
    }
    self.init(fields: fields, idField: codebook.idVariable)
  }
}
