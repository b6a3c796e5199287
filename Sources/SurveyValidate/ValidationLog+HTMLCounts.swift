import SurveyCore

extension ValidationLog {
  /// The value a count row or a filter gives to findings without a batch or an enumerator (the
  /// page's script reads null and blank cells as this).
  static let noneKey = "\u{1}none"

  /// Counts by severity of `key` values (blank and nil read as none), in first-seen order;
  /// keys are cut as the logs cut them.
  func tally(optional key: (Finding) -> String?) -> [(key: String?, counts: [Finding.Severity: Int])] {
    var order: [String?] = []
    var counts: [String?: [Finding.Severity: Int]] = [:]
    for finding in findings {
      let k = key(finding).flatMap { $0.isEmpty ? nil : LogText.capped($0) }
      if counts[k] == nil { order.append(k) }
      counts[k, default: [:]][finding.severity, default: 0] += 1
    }
    return order.map { ($0, counts[$0]!) }
  }

  /// The count tables: by rule (most findings first), by batch (in run order) and, when any
  /// finding names an interviewer and no enumerator report was given, by enumerator.
  func countSections() -> String {
    let rules = tally(optional: { $0.rule.rawValue }).sorted { a, b in
      let (ta, tb) = (a.counts.values.reduce(0, +), b.counts.values.reduce(0, +))
      return ta != tb ? ta > tb : (a.key ?? "") < (b.key ?? "")
    }
    var html = "<div class=\"counts\">\n"
    html += countTable(title: "By rule", column: "rule", filter: "rule", rows: rules, none: "")
    html += countTable(title: "By batch", column: "batch", filter: "batch", rows: tally(optional: \.batch), none: "(run)")
    let byEnumerator = tally(optional: \.enumerator)
    if enumerators.isEmpty, byEnumerator.contains(where: { $0.key != nil }) {
      html += countTable(
        title: "By enumerator", column: "enumerator", filter: "enumerator", rows: byEnumerator, none: "(none)")
    }
    return html + "</div>\n"
  }

  /// One table of counts by severity with a total; a click on a row filters the list by it.
  func countTable(
    title: String, column: String, filter: String, rows: [(key: String?, counts: [Finding.Severity: Int])],
    none: String
  ) -> String {
    var html = "<section><h2>\(title)</h2>\n<div class=\"scroll\"><table class=\"sortable\"><thead><tr>"
    html += "<th>\(column)</th>" + Finding.Severity.allCases.map { "<th class=\"n\">\($0.rawValue)</th>" }.joined()
    html += "<th class=\"n\">total</th></tr></thead>\n<tbody>\n"
    for (key, counts) in rows {
      let value = HTMLText.escape(key ?? Self.noneKey)
      html += "<tr data-k=\"\(filter)\" data-v=\"\(value)\" title=\"show these findings\">"
      html += "<td>\(HTMLText.escape(key ?? none))</td>" + severityCells(counts) + "</tr>\n"
    }
    return html + "</tbody></table></div></section>\n"
  }

  /// The cells of counts by severity, then their total.
  func severityCells(_ counts: [Finding.Severity: Int]) -> String {
    let cells = Finding.Severity.allCases.map { severity in
      let n = counts[severity] ?? 0
      return "<td class=\"n\(n > 0 ? " \(severity.rawValue)" : "")\">\(HTMLText.grouped(n))</td>"
    }
    return cells.joined() + "<td class=\"n\">\(HTMLText.grouped(counts.values.reduce(0, +)))</td>"
  }

  /// The enumerator report (``enumerators``): interviews, findings by severity, median interview
  /// length and share of missing-code answers; empty without a report.
  func enumeratorSection() -> String {
    guard !enumerators.isEmpty else { return "" }
    var bySeverity: [String: [Finding.Severity: Int]] = [:]
    for (key, counts) in tally(optional: \.enumerator) { bySeverity[key ?? Self.noneKey] = counts }
    var html = "<section class=\"enumerators\"><h2>Enumerators</h2>\n"
    html += "<div class=\"scroll\"><table class=\"sortable\"><thead><tr>"
    html += "<th>enumerator</th><th class=\"n\">interviews</th><th class=\"n\">findings</th>"
    html += Finding.Severity.allCases.map { "<th class=\"n\">\($0.rawValue)</th>" }.joined()
    html += "<th class=\"n\">median duration</th><th class=\"n\">don't know</th></tr></thead>\n<tbody>\n"
    for summary in enumerators {
      let name = summary.enumerator.isEmpty ? nil : LogText.capped(summary.enumerator)
      let counts = bySeverity[name ?? Self.noneKey] ?? [:]
      html += "<tr data-k=\"enumerator\" data-v=\"\(HTMLText.escape(name ?? Self.noneKey))\" title=\"show these findings\">"
      html += "<td>\(HTMLText.escape(name ?? "(none)"))</td><td class=\"n\">\(HTMLText.grouped(summary.interviews))</td>"
      html += "<td class=\"n\">\(HTMLText.grouped(summary.findings))</td>"
      html += Finding.Severity.allCases.map { severity in
        let n = counts[severity] ?? 0
        return "<td class=\"n\(n > 0 ? " \(severity.rawValue)" : "")\">\(HTMLText.grouped(n))</td>"
      }.joined()
      html += "<td class=\"n\" data-s=\"\(summary.medianDurationMinutes.map { NumberFormatting.string($0) } ?? "")\">"
      html += "\(summary.medianDurationMinutes.map { Self.minutes($0) } ?? "–")</td>"
      html += "<td class=\"n\" data-s=\"\(summary.dontKnowShare.map { NumberFormatting.string($0) } ?? "")\">"
      html += "\(Self.share(summary))</td></tr>\n"
    }
    return html + "</tbody></table></div></section>\n"
  }

  /// `23.5 min`: minutes to one decimal.
  static func minutes(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    let tenths = Int((abs(value) * 10).rounded())
    return "\(value < 0 && tenths > 0 ? "-" : "")\(tenths / 10).\(tenths % 10) min"
  }

  /// `12.5% (25 of 200)`, or `–` without answers.
  static func share(_ summary: EnumeratorSummary) -> String {
    guard let share = summary.dontKnowShare else { return "–" }
    let tenths = Int((share * 1000).rounded())
    let counts = "\(HTMLText.grouped(summary.dontKnowAnswers)) of \(HTMLText.grouped(summary.answers))"
    return "\(tenths / 10).\(tenths % 10)% (\(counts))"
  }
}
