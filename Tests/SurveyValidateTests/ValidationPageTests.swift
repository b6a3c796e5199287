import Foundation
import SurveyCore
import Testing

@testable import SurveyValidate

@Suite("validation.html")
struct ValidationPageTests {
  static let attack = "</script><script>alert(1)</script>"

  static func finding(
    _ rule: RuleID, record: String?, line: Int, value: String? = nil, enumerator: String? = nil, batch: String = "b.csv"
  ) -> Finding {
    var finding = Finding(
      severity: rule == .relevant ? .warning : .error, rule: rule, variable: "age", recordID: record, batch: batch,
      line: line, value: value, message: "age is wrong", row: line - 2, batchIndex: 0)
    finding.enumerator = enumerator
    return finding
  }

  /// The findings JSON of `html`, parsed.
  static func data(_ html: String) throws -> [String: Any] {
    let open = "<script type=\"application/json\" id=\"findings-data\">"
    let start = try #require(html.range(of: open)).upperBound
    let end = try #require(html.range(of: "</script>", range: start..<html.endIndex)).lowerBound
    return try #require(JSONSerialization.jsonObject(with: Data(html[start..<end].utf8)) as? [String: Any])
  }

  @Test("values from the data cannot inject HTML or script")
  func escaped() throws {
    let evil = Self.finding(
      .range, record: Self.attack, line: 3, value: "<img src=x onerror=alert(1)>", enumerator: "<b>E1</b>",
      batch: "<i>b</i>.csv")
    let raw = [ValidationLog.RecordPlace(batch: "<i>b</i>.csv", line: 3): "R1,•••," + Self.attack]
    let summary = EnumeratorSummary(
      enumerator: "<b>E1</b>", interviews: 3, findings: 1, medianDurationMinutes: nil, answers: 0, dontKnowAnswers: 0)
    let html = ValidationLog(findings: [evil], enumerators: [summary], rawRecords: raw).html(title: "<title>")
    // Only the page's own two script elements open.
    #expect(html.components(separatedBy: "<script").count == 3)
    #expect(!html.contains("<img"))
    #expect(!html.contains("<b>E1"))
    #expect(!html.contains("<i>b"))
    #expect(html.contains("&lt;i&gt;b&lt;/i&gt;.csv"))
    #expect(html.contains("<title>&lt;title&gt; — validation</title>"))
    let rows = try #require(Self.data(html)["rows"] as? [[Any]])
    #expect(rows.first?[4] as? String == Self.attack)
    #expect(try Self.data(html)["raws"] as? [String] == ["R1,•••," + Self.attack])
  }

  @Test("every finding is in the page's data with its raw record, each raw record once")
  func data() throws {
    let findings = [
      Self.finding(.range, record: "R1", line: 3, value: "120"), Self.finding(.relevant, record: "R1", line: 3),
      Self.finding(.type, record: nil, line: 4),
    ]
    let raw = [ValidationLog.RecordPlace(batch: "b.csv", line: 3): "R1,•••,120"]
    let log = ValidationLog(findings: findings, rawRecords: raw)
    let data = try Self.data(log.html(title: "t"))
    let rows = try #require(data["rows"] as? [[Any]])
    #expect(data["columns"] as? [String] == ValidationLog.columns + ["enumerator"])
    #expect(rows.map { $0[0] as? String } == log.ids.map { $0 })
    #expect(rows.map { $0.last as? Int } == [0, 0, -1])
    #expect(rows[2][6] as? Int == 4)
    #expect(data["raws"] as? [String] == ["R1,•••,120"])
  }

  @Test("the enumerator report is shown only when given")
  func enumerators() throws {
    let findings = [Self.finding(.range, record: "R1", line: 3, enumerator: "E1")]
    let without = ValidationLog(findings: findings).html(title: "t")
    #expect(!without.contains("<h2>Enumerators</h2>"))
    #expect(without.contains("<h2>By enumerator</h2>"))
    let summaries = [
      EnumeratorSummary(
        enumerator: "E1", interviews: 40, findings: 1, medianDurationMinutes: 23.46, answers: 200, dontKnowAnswers: 25),
      EnumeratorSummary(
        enumerator: "E2", interviews: 12, findings: 0, medianDurationMinutes: nil, answers: 0, dontKnowAnswers: 0),
    ]
    let with = ValidationLog(findings: findings, enumerators: summaries).html(title: "t")
    #expect(with.contains("<h2>Enumerators</h2>"))
    #expect(!with.contains("<h2>By enumerator</h2>"))
    #expect(with.contains("<td>E1</td><td class=\"n\">40</td><td class=\"n\">1</td><td class=\"n error\">1</td>"))
    #expect(with.contains(">23.5 min</td>"))
    #expect(with.contains(">12.5% (25 of 200)</td>"))
    #expect(with.contains("<td>E2</td><td class=\"n\">12</td>"))
    #expect(ValidationLog.minutes(-0.54) == "-0.5 min")
    #expect(ValidationLog.minutes(0.04) == "0.0 min")
  }

  @Test("counts by rule (most first) and by batch; the page is the same on every run")
  func counts() throws {
    let findings = [
      Self.finding(.relevant, record: "R1", line: 3), Self.finding(.range, record: "R2", line: 4),
      Self.finding(.range, record: "R3", line: 5),
    ]
    let html = ValidationLog(findings: findings).html(title: "t")
    let range = try #require(html.range(of: "<td>range</td>"))
    let relevant = try #require(html.range(of: "<td>relevant</td>"))
    #expect(range.lowerBound < relevant.lowerBound)
    #expect(html.contains("<tr data-k=\"batch\" data-v=\"b.csv\" title=\"show these findings\"><td>b.csv</td>"))
    #expect(html == ValidationLog(findings: findings).html(title: "t"))
    #expect(!html.contains("http"))
  }
}
