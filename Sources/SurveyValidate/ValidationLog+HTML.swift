import SurveyCore

extension ValidationLog {
  /// `validation.html`: one self-contained page (inline style and script, nothing fetched) for
  /// reviewers who do not open CSV files: the totals, counts by rule, by batch and by enumerator,
  /// the enumerator report (``enumerators``), and every finding in a list that filters (by
  /// severity, rule, batch, enumerator and free text), sorts and pages, each with its raw record
  /// (personal data masked) when the driver gave it (``rawRecords``).
  ///
  /// Every value from the data is escaped (``HTMLText``); the page holds no time or path, so a
  /// rerun writes the same bytes.
  public func html(title: String) -> String {
    let name = HTMLText.escape(title)
    var page = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(name) — validation</title>
      <style>\(ValidationPageAssets.style)</style>
      </head><body><main>
      <h1>\(name): validation findings</h1>

      """
    page += summaryCards()
    page += countSections()
    page += enumeratorSection()
    page += findingsSection()
    page += "<script type=\"application/json\" id=\"findings-data\">\(findingsJSON())</script>\n"
    page += "<script>\(ValidationPageAssets.script)</script>\n</main></body></html>\n"
    return page
  }

  /// The totals: findings by severity and those no decision has settled.
  func summaryCards() -> String {
    let total = counts
    let open = unresolvedCounts.values.reduce(0, +)
    var html = "<p class=\"cards\"><span class=\"card\"><b>\(HTMLText.grouped(findings.count))</b> "
    html += "finding\(findings.count == 1 ? "" : "s")</span>"
    for severity in Finding.Severity.allCases {
      let n = total[severity] ?? 0
      let label = severity == .info ? "info" : severity.rawValue + (n == 1 ? "" : "s")
      html += "<span class=\"card \(severity.rawValue)\"><b>\(HTMLText.grouped(n))</b> \(label)</span>"
    }
    html += "<span class=\"card\"><b>\(HTMLText.grouped(open))</b> without a decision</span></p>\n"
    return html
  }

  /// The findings list: filters, pager and an empty table the script fills.
  func findingsSection() -> String {
    let hasEnumerators = findings.contains { !($0.enumerator ?? "").isEmpty }
    var html = "<section id=\"findings\"><h2>Findings</h2>\n<div class=\"filters\">\n"
    for (key, label) in [("severity", "severity"), ("rule", "rule"), ("batch", "batch")]
      + (hasEnumerators ? [("enumerator", "enumerator")] : [])
    {
      html += "<label>\(label) <select data-f=\"\(key)\"><option value=\"\">all</option></select></label>\n"
    }
    html += "<input type=\"search\" id=\"q\" placeholder=\"search id, variable, record, value, message, raw line…\" "
    html += "aria-label=\"search\">\n<label><input type=\"checkbox\" id=\"raw\" checked> raw lines</label>\n"
    html += "<button type=\"button\" id=\"reset\">clear</button>\n</div>\n"
    html += "<noscript><p>The list of findings needs JavaScript; validation.csv holds the same findings.</p></noscript>\n"
    html += "<div class=\"pager\"><button type=\"button\" id=\"prev\">‹ previous</button>"
    html += "<span id=\"status\"></span><button type=\"button\" id=\"next\">next ›</button></div>\n"
    html += "<div class=\"scroll\"><table class=\"list\" id=\"list\"><thead><tr>"
    let labels = [
      "finding_id": "id", "record_id": "record", "severity": "severity", "rule": "rule", "variable": "variable",
      "batch": "batch", "line": "line", "value": "value", "message": "message", "resolution": "resolution",
      "enumerator": "enumerator",
    ]
    for (index, column) in Self.pageColumns.enumerated() where column != "enumerator" || hasEnumerators {
      html += "<th data-c=\"\(index)\" class=\"c-\(column)\">"
      html += "<button type=\"button\">\(labels[column] ?? column)</button></th>"
    }
    html += "</tr></thead></table></div>\n"
    html += "<div class=\"pager\"><button type=\"button\" id=\"prev2\">‹ previous</button>"
    html += "<span id=\"status2\"></span><button type=\"button\" id=\"next2\">next ›</button></div>\n</section>\n"
    return html
  }
}
