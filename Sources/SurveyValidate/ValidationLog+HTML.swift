import SurveyCore

extension ValidationLog {
  /// `validation.html`: a self-contained page with counts by batch and by rule, then every
  /// finding, for reviewers who do not open CSV files.
  public func html(title: String) -> String {
    func escape(_ text: String?) -> String {
      guard let text else { return "" }
      var out = ""
      for c in text {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(c)
        }
      }
      return out
    }
    func countRow(_ name: String, _ counts: [Finding.Severity: Int]) -> String {
      "<tr><td>\(escape(name))</td>"
        + Finding.Severity.allCases.map { "<td class=\"n\">\(counts[$0] ?? 0)</td>" }.joined() + "</tr>\n"
    }
    let severityHeader = Finding.Severity.allCases.map { "<th>\($0.rawValue)</th>" }.joined()
    var page = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>\(escape(title)) — validation</title>
      <style>
      body{font-family:system-ui,sans-serif;margin:2em;color:#222}
      table{border-collapse:collapse;margin-bottom:2em}
      th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
      td.n{text-align:right}
      tr.error td:nth-child(2){color:#a00;font-weight:bold}
      tr.warning td:nth-child(2){color:#a60}
      </style></head><body>
      <h1>\(escape(title)): validation findings</h1>

      """
    let total = counts
    page += "<p>\(findings.count) finding\(findings.count == 1 ? "" : "s"): "
    page += Finding.Severity.allCases.map { "\(total[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ") + ".</p>\n"
    page += "<h2>By batch</h2>\n<table><tr><th>batch</th>\(severityHeader)</tr>\n"
    for (batch, counts) in tally({ $0.batch ?? "(run)" }) { page += countRow(batch, counts) }
    page += "</table>\n<h2>By rule</h2>\n<table><tr><th>rule</th>\(severityHeader)</tr>\n"
    for (rule, counts) in tally({ $0.rule.rawValue }) { page += countRow(rule, counts) }
    page += "</table>\n<h2>Findings</h2>\n<table><tr>"
    page += Self.columns.map { "<th>\($0)</th>" }.joined() + "</tr>\n"
    for (index, finding) in findings.enumerated() {
      page += "<tr class=\"\(finding.severity.rawValue)\">"
      page += cells(index).map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
    }
    page += "</table>\n</body></html>\n"
    return page
  }
}
