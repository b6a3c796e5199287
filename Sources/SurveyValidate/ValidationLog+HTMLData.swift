import SurveyCore

extension ValidationLog {
  /// The columns of the findings list in `validation.html`: the CSV's, then the enumerator.
  static let pageColumns = columns + ["enumerator"]

  /// The findings as JSON for the page's script: `columns`, `rows` (one array a finding, its
  /// cells as the CSV shows them but not formula-neutralised, `line` a number, then the index of
  /// its raw record in `raws` or -1) and `raws` (each raw record text once). Safe inside a
  /// `<script>` element (``HTMLText/scriptJSON(_:)``).
  func findingsJSON() -> String {
    var rawIndex: [String: Int] = [:]
    var raws: [String] = []
    var json = "{\"columns\": [" + Self.pageColumns.map { JSONText.string($0) }.joined(separator: ", ")
    json += "],\n\"rows\": [\n"
    for index in findings.indices {
      var cells = zip(Self.columns, cells(index)).map { column, cell in
        column == "line" ? cell ?? "null" : JSONText.string(cell)
      }
      cells.append(JSONText.string(findings[index].enumerator.map { LogText.capped($0) }))
      var raw = -1
      if let text = rawRecord(index) {
        if let known = rawIndex[text] {
          raw = known
        } else {
          raw = raws.count
          rawIndex[text] = raw
          raws.append(text)
        }
      }
      cells.append(String(raw))
      json += (index == 0 ? "" : ",\n") + "[" + cells.joined(separator: ",") + "]"
    }
    json += "],\n\"raws\": [\n" + raws.map { JSONText.string($0) }.joined(separator: ",\n") + "]}"
    return HTMLText.scriptJSON(json)
  }
}
