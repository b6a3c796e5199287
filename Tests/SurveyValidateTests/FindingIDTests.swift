import SurveyCore
import SurveyIngest
import Testing
import _SurveyTestSupport

@testable import SurveyValidate

@Suite("finding ids")
struct FindingIDTests {
  static let header =
    "respondent_id,phone,sex,age,migrant_status,destination,year_departed,year_returned,oop_cost,visit_date,symptoms"

  /// The validation log of `batches` (name, records after the header), read in that order.
  static func log(_ batches: [(String, [String])]) throws -> ValidationLog {
    let folder = try TemporaryDirectory("finding-ids")
    var sources: [BatchSource] = []
    for (name, records) in batches {
      let path = try folder.write(name, ([header] + records).joined(separator: "\n") + "\n")
      sources.append(BatchSource(path: path, name: name, read: ReadOptions()))
    }
    let ingest = try Ingest.read(sources, schema: IngestSchema(codebook: ruleCodebook))
    return ValidationLog(findings: ingest.findings + (try Validate.run(ingest.table, codebook: ruleCodebook)))
  }

  /// `rule variable record-or-line` → id, for every finding of `log`.
  static func ids(_ log: ValidationLog) -> [String: String] {
    var ids: [String: String] = [:]
    for (finding, id) in zip(log.findings, log.ids) {
      let subject = finding.recordID ?? "line \(finding.line ?? 0)"
      ids["\(finding.rule) \(finding.variable ?? "") \(finding.batch ?? ""):\(subject)"] = id
    }
    return ids
  }

  static let south = ["S1,,3,40,3,,,,,,", "S2,,1,120,3,,,,,,", "S3,,1,40,3,,,,,,"]
  static let north = ["N1,,1,17,3,,,,,,", "N2,,9,40,3,,,,,,"]

  @Test("an id is F and ten hex digits of the SHA-256 of rule, variable and record id")
  func format() {
    let finding = Finding(severity: .error, rule: .range, variable: "age", recordID: "R1", batch: "b.csv", line: 7, message: "m")
    // printf 'range\x1fage\x1frecord\x1fR1' | sha256sum; the second one is a header finding (batch and line)
    #expect(FindingID.assign([finding]) == ["F356d3a452e"])
    let header = Finding(severity: .warning, rule: .unknownColumn, variable: "extra", batch: "b.csv", line: 1, message: "m")
    #expect(FindingID.assign([header]) == ["Fc6dbf6d213"])
  }

  @Test("a finding keeps its id when a batch is added before its own")
  func batchAddedBefore() throws {
    let alone = Self.ids(try Self.log([("south.csv", Self.south)]))
    let both = Self.ids(try Self.log([("north.csv", Self.north), ("south.csv", Self.south)]))
    #expect(alone.count == 2)
    #expect(both.count == 4)
    for (finding, id) in alone { #expect(both[finding] == id, "\(finding)") }
    // In log order the south findings were F…1 and F…2 before; now the north ones come first.
    #expect(Set(both.values).count == 4)
  }

  @Test("a finding keeps its id when the rows of its batch are reordered")
  func rowsReordered() throws {
    let before = try Self.log([("south.csv", Self.south)])
    let after = try Self.log([("south.csv", Self.south.reversed())])
    #expect(before.findings.map(\.line) != after.findings.map(\.line))
    #expect(Self.ids(before) == Self.ids(after))
  }

  @Test("the same findings get the same ids on every run")
  func acrossRuns() throws {
    let first = try Self.log([("north.csv", Self.north), ("south.csv", Self.south)])
    let second = try Self.log([("north.csv", Self.north), ("south.csv", Self.south)])
    #expect(first.ids == second.ids)
    #expect(first.csv() == second.csv())
  }

  @Test("without a trusted record id, batch and line name the finding")
  func untrustedRecord() {
    let a = Finding(severity: .error, rule: .raggedRow, batch: "b.csv", line: 4, message: "m")
    let b = Finding(severity: .error, rule: .raggedRow, batch: "b.csv", line: 5, message: "m")
    let c = Finding(severity: .error, rule: .raggedRow, batch: "c.csv", line: 4, message: "m")
    let ids = FindingID.assign([a, b, c])
    #expect(Set(ids).count == 3)
    #expect(FindingID.assign([c, b, a]) == ids.reversed())
  }

  @Test("repeats of one key are told apart by their order; a collision takes the next free id")
  func repeatsAndCollisions() {
    let twice = Finding(severity: .error, rule: .type, variable: "age", recordID: "R1", batch: "a.csv", line: 2, message: "m")
    var again = twice
    again.batch = "b.csv"
    let ids = FindingID.assign([twice, again])
    #expect(ids[0] == FindingID.assign([twice])[0])
    #expect(ids[0] != ids[1])
    #expect(FindingID.assign([twice, again]) == ids)
    // With one hex digit 16 different findings must still get 16 different ids, the same each time.
    let many = (1...16).map { Finding(severity: .error, rule: .range, variable: "age", recordID: "R\($0)", message: "m") }
    let short = FindingID.assign(many, digits: 1)
    #expect(Set(short).count == 16)
    #expect(short.allSatisfy { $0.count == 2 })
    #expect(FindingID.assign(many, digits: 1) == short)
  }

  /// Found in review: a weighting class's finding was named by its message, which holds the
  /// class's counts and factor, so its id changed whenever a batch arrived.
  @Test("a weighting class's finding is named by its class (its value), not its counts")
  func weightingClassFinding() {
    let before = Finding(
      severity: .warning, rule: .nonresponseClass, variable: "responded", value: "region=1", message: "4 respondents, 2 nonrespondents")
    let after = Finding(
      severity: .warning, rule: .nonresponseClass, variable: "responded", value: "region=1", message: "3 respondents, 5 nonrespondents")
    let other = Finding(
      severity: .warning, rule: .nonresponseClass, variable: "responded", value: "region=2", message: "4 respondents, 2 nonrespondents")
    #expect(FindingID.assign([before]) == FindingID.assign([after]))
    #expect(FindingID.assign([before, other]) == FindingID.assign([after, other]))
    #expect(FindingID.assign([before])[0] != FindingID.assign([other])[0])
    #expect(FindingID.assign([other, before]) == FindingID.assign([before, other]).reversed())
  }

  @Test("a finding about the whole run is named by its rule and variable, not its counts")
  func runFinding() {
    let before = Finding(severity: .warning, rule: .negativeWeight, message: "3 final weights are negative")
    let after = Finding(severity: .warning, rule: .negativeWeight, message: "5 final weights are negative")
    #expect(FindingID.assign([before]) == FindingID.assign([after]))
    // printf 'negative-weight\x1f\x1frun' | sha256sum: 9e9d4ee0572f…
    #expect(FindingID.key(before) == "negative-weight\u{1F}\u{1F}run")
    #expect(FindingID.assign([before]) == ["F9e9d4ee057"])
  }

  /// Found in review: `dont-know-share` has no record, batch or line, and its message holds
  /// counts, so hashing the message gave the finding a new id whenever a batch arrived.
  @Test("a finding about one interviewer is named by the interviewer (its value), not its counts")
  func interviewerFinding() {
    let before = Finding(severity: .warning, rule: .dontKnowShare, value: "enum_c", message: "12 of 40 answers")
    let after = Finding(severity: .warning, rule: .dontKnowShare, value: "enum_c", message: "19 of 61 answers")
    let other = Finding(severity: .warning, rule: .dontKnowShare, value: "enum_d", message: "12 of 40 answers")
    #expect(FindingID.assign([before]) == FindingID.assign([after]))
    #expect(FindingID.assign([before]) != FindingID.assign([other]))
  }
}
