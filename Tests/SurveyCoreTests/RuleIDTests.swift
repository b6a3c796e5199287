import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@Suite("Rule ids: one typed set, documented")
struct RuleIDTests {
  @Test("raw values are distinct, lower-case words joined by hyphens")
  func rawValues() {
    let raw = RuleID.allCases.map(\.rawValue)
    #expect(Set(raw).count == raw.count)
    for value in raw {
      #expect(value.allSatisfy { $0 == "-" || ("a"..."z").contains($0) }, "\(value)")
    }
  }

  @Test("every rule is in the rule table of docs/outputs.md, which names no other")
  func documented() throws {
    let doc = try String(contentsOfFile: Fixtures.repoPath("docs/outputs.md"), encoding: .utf8)
    // The table under the header `| rule | severity | raised by | meaning |`, to its first blank line.
    let lines = doc.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex { $0.hasPrefix("| rule | severity |") })
    let rows = lines[start...].prefix { !$0.isEmpty }.filter { $0.hasPrefix("| `") }
    let documented = Set(rows.compactMap { $0.split(separator: "`").dropFirst().first.map(String.init) })
    for rule in RuleID.allCases where rule.rawValue.hasPrefix("decision-") == false {
      #expect(documented.contains(rule.rawValue), "\(rule.rawValue) is not documented")
    }
    #expect(documented.contains("decision-*") && documented.contains("decision-conflict"))
    let known = Set(RuleID.allCases.map(\.rawValue)).union(["decision-*"])
    #expect(documented.subtracting(known).isEmpty, "documented but unknown: \(documented.subtracting(known))")
  }
}
