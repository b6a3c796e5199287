import SurveyCore

extension ExportDataset {
  /// The tidy data as a labelled dataset: every variable of `variables` (personal data left
  /// out), in order, then the final weight.
  ///
  /// - Numbers stay numbers; categorical variables with numeric codes keep their codes, those
  ///   with text codes (`RU`) become 1, 2, … in the codebook's order of the codes, each labelled
  ///   with its label (docs/outputs.md, "Labelled exports").
  /// - A multi-select becomes one 0/1 variable per option, `NAME_CODE`, labelled "label: option".
  /// - Dates and date-times stay dates.
  /// - A cell that held a missing code (`missingCodes[variable][row]`, from the cleaning log)
  ///   keeps it as a missing value with its label.
  ///
  /// - Parameters:
  ///   - missingCodes: per variable, per row, the missing code the cell held before cleaning.
  ///   - weight: the final weight and its name and label, if the data were weighted.
  public init(
    table: DataTable, variables: [Variable], codebook: Codebook, label: String,
    missingCodes: [String: [Int: String]] = [:], weight: (name: String, label: String, values: [Double])? = nil
  ) {
    var out: [ExportVariable] = []
    for variable in variables where !variable.pii {
      guard let column = table.column(variable.name) else { continue }
      out += Self.exportVariables(
        column, variable: variable, codes: codebook.missingCodes(for: variable),
        missing: missingCodes[variable.name] ?? [:])
    }
    if let weight {
      out.append(ExportVariable(name: weight.name, label: weight.label, kind: .number, numbers: weight.values))
    }
    self.init(label: label, rowCount: table.rowCount, variables: Self.distinctNames(out))
  }

  /// Names Stata and SPSS take, once each (case aside): a multi-select option's `NAME_CODE`
  /// that is not a valid name or is taken by another variable (`symptoms_other`, the "other"
  /// option, beside the question `symptoms_other`) becomes `NAME_k`, k its position.
  static func distinctNames(_ variables: [ExportVariable]) -> [ExportVariable] {
    var result = variables
    var taken = Set(variables.filter { $0.option == nil }.map { $0.name.lowercased() })
    for index in result.indices {
      guard let (base, position) = result[index].option else { continue }
      let name = result[index].name
      if ExportNames.isValid(name), !taken.contains(name.lowercased()) {
        taken.insert(name.lowercased())
        continue
      }
      var fallback = "\(base)_\(position)"
      while taken.contains(fallback.lowercased()) { fallback += "_" }
      result[index].name = fallback
      taken.insert(fallback.lowercased())
    }
    return result
  }

  /// The variables one column gives (one, or one per option of a multi-select).
  static func exportVariables(
    _ column: Column, variable: Variable, codes: [CodeLabel], missing: [Int: String]
  ) -> [ExportVariable] {
    let label = variable.label ?? variable.name
    let rows = column.count
    // A missing code that is not a whole number (`DK`) is written as −1, −2, … (its position);
    // Stata tags it `.a`, `.b` … whatever its number.
    let missingCodes = codes.enumerated().map { index, code in
      (value: Self.wholeNumber(code.code) ?? -Double(index + 1), label: code.label)
    }
    var missingCode = [UInt8](repeating: 0, count: missingCodes.isEmpty ? 0 : rows)
    for (row, code) in missing {
      if let index = codes.firstIndex(where: { $0.code == code }) { missingCode[row] = UInt8(index + 1) }
    }
    func present(_ row: Int) -> Bool { column.state[row] == .present }
    switch column.values {
    case .numbers(let values):
      let numbers = (0..<rows).map { present($0) ? values[$0] : .nan }
      return [
        ExportVariable(
          name: variable.name, label: label, kind: .number, numbers: numbers, missingCodes: missingCodes,
          missingCode: missingCode)
      ]
    case .codes(let values):
      let (numbers, labels) = codedNumbers(values, column: column, variable: variable, present: present)
      return [
        ExportVariable(
          name: variable.name, label: label, kind: .number, numbers: numbers, valueLabels: labels,
          missingCodes: missingCodes, missingCode: missingCode)
      ]
    case .texts(let values):
      return [ExportVariable(name: variable.name, label: label, kind: .text, texts: (0..<rows).map { present($0) ? values[$0] : "" })]
    case .dates(let days):
      return [
        ExportVariable(name: variable.name, label: label, kind: .date, numbers: (0..<rows).map { present($0) ? Double(days[$0]) : .nan })
      ]
    case .instants(let ms):
      return [
        ExportVariable(
          name: variable.name, label: label, kind: .dateTime, numbers: (0..<rows).map { present($0) ? Double(ms[$0]) : .nan })
      ]
    case .selections(let bits):
      return column.levels.enumerated().map { bit, code in
        let option = variable.codes.first { $0.code == code }?.label ?? code
        var split = ExportVariable(
          name: "\(variable.name)_\(code)", label: "\(label): \(option)", kind: .number,
          numbers: (0..<rows).map { present($0) ? Double((bits[$0] >> UInt64(bit)) & 1) : .nan },
          valueLabels: [(0, "No"), (1, "Yes")])
        split.option = (variable.name, bit + 1)
        return split
      }
    }
  }

  /// `text` as a whole number when it is written as one (`12`, `-3`; not `01`, `1.5`, `+2`).
  static func wholeNumber(_ text: String) -> Double? {
    guard let number = Int32(text), String(number) == text else { return nil }
    return Double(number)
  }

  /// A categorical column's numbers and value labels: codes that are all whole numbers as they
  /// are; otherwise (text codes, `01`, `1.5`) every code as its position (from 1) in the
  /// codebook's list, so that no two codes share a number and every label fits Stata's.
  static func codedNumbers(
    _ values: [Int32], column: Column, variable: Variable, present: (Int) -> Bool
  ) -> (numbers: [Double], labels: [(value: Double, label: String)]) {
    let numeric = variable.codes.allSatisfy { wholeNumber($0.code) != nil }
    let number: [String: Double] = Dictionary(
      variable.codes.enumerated().map { ($1.code, numeric ? wholeNumber($1.code)! : Double($0 + 1)) },
      uniquingKeysWith: { a, _ in a })
    let levelNumbers = column.levels.map { number[$0] ?? .nan }
    let numbers = (0..<values.count).map { present($0) ? levelNumbers[Int(values[$0])] : .nan }
    let labels = variable.codes.compactMap { code in number[code.code].map { (value: $0, label: code.label) } }
    return (numbers, labels)
  }
}
