import Foundation
import SurveyCore

/// The `choices` sheet: each list's codes and labels, in order.
struct ChoiceLists {
  var lists: [String: [CodeLabel]] = [:]
  /// The lists' names in the order the sheet first names them.
  var order: [String] = []

  init(_ sheet: FormSheet, language: String?) throws {
    let label = sheet.labelColumn(language)
    for row in sheet.rows.indices {
      let list = sheet.value(row, "list_name")
      let code = sheet.value(row, "name")
      guard !list.isEmpty, !code.isEmpty else { continue }
      let text = label.map { sheet.cell(row, $0) } ?? ""
      if lists[list] == nil { order.append(list) }
      lists[list, default: []].append(CodeLabel(code: code, label: text.isEmpty ? code : text))
    }
  }

  /// The label of `code` in the first list (in the sheet's order) that has it.
  func label(of code: String) -> String? {
    for name in order {
      if let choice = lists[name]?.first(where: { $0.code == code }) { return choice.label }
    }
    return nil
  }
}
