import SurveyClean
import SurveyCore
import SurveyExport
import SurveyTabulate
import SurveyValidate

/// The sheets of `tables.xlsx` and `validation.xlsx` (the pipeline's `exports: [xlsx]`).
enum ExcelWorkbooks {
  /// `tables.xlsx`: an index sheet (one line per table: its sheet, title and rows), then one
  /// sheet per table in the pipeline's order, its rows as in the table's CSV plus the labels of
  /// levels and domains; numbers are numbers, a suppressed estimate reads "suppressed (n<K)".
  static func tables(_ items: [(name: String, table: EstimateTable?, test: TestRow?)], byVariables: [String: [String]]) -> [Sheet] {
    var taken: Set<String> = ["index"]
    var index: [[SheetCell]] = []
    var sheets: [Sheet] = []
    for item in items {
      let sheetName = Sheet.name(item.name, avoiding: taken)
      taken.insert(sheetName.lowercased())
      if let table = item.table {
        let sheet = estimates(table, name: sheetName, by: byVariables[item.name] ?? [])
        index.append([.text(item.name), .text(sheetName), .text(table.title), .number(Double(sheet.rows.count))])
        sheets.append(sheet)
      } else if let test = item.test {
        index.append([.text(item.name), .text(sheetName), .text("test of association"), .number(1)])
        sheets.append(tests([test], name: sheetName))
      }
    }
    let indexSheet = Sheet(name: "index", header: ["table", "sheet", "title", "rows"], rows: index, widths: [30, 30, 60, 6])
    return [indexSheet] + sheets
  }

  /// One table's sheet.
  static func estimates(_ table: EstimateTable, name: String, by: [String]) -> Sheet {
    let rows = table.rows
    let differences = rows.contains { $0.difference != nil }
    let quantiles = rows.contains { $0.quantile != nil }
    var header = ["statistic", "variable", "level", "level_label"]
    for variable in by { header += [variable, "\(variable)_label"] }
    header += ["estimate", "se", "ci_low", "ci_high", "deff", "df", "n", "cv", "cv_flag"]
    if differences { header.append("p_value") }
    if quantiles { header.append("quantile") }
    let body = rows.map { row -> [SheetCell] in
      var cells: [SheetCell] = [.text(row.statisticName), .text(row.variable)]
      cells += row.level.map { [.text($0), .text(table.labelled($0, of: row.variable))] } ?? [.blank, .blank]
      for variable in by {
        cells += [row.byLevel(variable).map(SheetCell.text) ?? .blank, .text(table.domainLabel(row, variable))]
      }
      if row.suppressed {
        cells += [.note("suppressed (n<\(table.suppressBelow.map(String.init) ?? "?"))"), .blank, .blank, .blank, .blank]
      } else {
        cells += [row.estimate, row.se, row.ciLow, row.ciHigh, row.deff].map(SheetCell.number)
      }
      cells += [.number(Double(row.df)), .number(Double(row.n)), .number(row.cv)]
      cells.append(row.cv == nil ? .blank : .number(row.isUnreliable(above: table.cvFlag) ? 1 : 0))
      if differences { cells.append(.number(row.pValue)) }
      if quantiles { cells.append(.number(row.quantile)) }
      return cells
    }
    return Sheet(name: name, header: header, rows: body)
  }

  /// A test of association's sheet: `test, variables, statistic, ndf, ddf, p_value`.
  static func tests(_ tests: [TestRow], name: String) -> Sheet {
    Sheet(
      name: name, header: ["test", "variables", "statistic", "ndf", "ddf", "p_value"],
      rows: tests.map { test in
        [.text(test.test), .text(test.variables.joined(separator: ":"))]
          + [test.statistic, test.ndf, test.ddf, test.pValue].map(SheetCell.number)
      })
  }

  /// `validation.xlsx`: the findings (the columns of validation.csv) and the cleaning log, each
  /// with a filter on its header; line numbers are numbers.
  static func validation(_ log: ValidationLog, changes: [CleaningChange]) -> [Sheet] {
    let columns = log.columnNames
    let findings = log.findings.indices.map { index in
      zip(columns, log.cells(index)).map { column, cell -> SheetCell in
        guard let cell else { return .blank }
        if column == "line", let line = Double(cell) { return .number(line) }
        return .text(cell)
      }
    }
    let cleaning = changes.map { change -> [SheetCell] in
      [change.recordID, change.variable, change.oldValue, change.newValue, change.reason, change.batch]
        .map { $0.map { SheetCell.text(LogText.capped($0)) } ?? .blank }
        + [change.line > 0 ? .number(Double(change.line)) : .blank]
    }
    return [
      Sheet(name: "findings", header: columns, rows: findings, widths: [13, 8, 20, 18, 14, 26, 6, 16, 70]),
      Sheet(name: "cleaning log", header: CleaningLog.columns, rows: cleaning, widths: [14, 18, 14, 14, 24, 26, 6]),
    ]
  }
}
