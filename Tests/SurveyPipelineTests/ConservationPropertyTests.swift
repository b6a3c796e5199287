import Foundation
import SurveyClean
import SurveyCore
import SurveyIngest
import SurveyValidate
import Testing
import _SurveyTestSupport

/// The conservation invariant over generated CSV files (``GeneratedSurvey``), with ingest,
/// validate and clean run in process on many seeds; `SurveyPipeTests` runs fewer through the
/// binary. Reproduce a failure with `SURVEY_PROPERTY_SEEDS=<seed>`.
@Suite("Conservation over generated CSV files, in process")
struct ConservationPropertyTests {
  @Test(
    "every line is in a record, every record is kept or dropped with its reason, sound records keep their values, no personal data is written",
    arguments: PropertySeeds.list(1...400))
  func conservation(seed: UInt64) throws {
    let survey = GeneratedSurvey(seed: seed)
    let folder = try TemporaryDirectory("survey-property")
    try survey.write(to: folder.path)
    var problems: [String]
    do {
      let run = try StageRun(survey, folder: folder.path)
      problems = ConservationCheck(survey, run.outputs).problems + run.rowProblems(survey)
    } catch {
      problems = ["the stages threw: \(error.localizedDescription)"]
    }
    if !problems.isEmpty { Issue.record(Comment(rawValue: PropertySeeds.failureReport(survey, problems: problems))) }
  }

  @Test("the generator knows its files: the same seed gives the same bytes, and every feature occurs")
  func generatorCoverage() {
    #expect(GeneratedSurvey(seed: 7).batches.map(\.bytes) == GeneratedSurvey(seed: 7).batches.map(\.bytes))
    let surveys = (1...400 as ClosedRange<UInt64>).map(GeneratedSurvey.init(seed:))
    let batches = surveys.flatMap(\.batches)
    let summaries = batches.map(\.summary).joined(separator: "\n")
    for feature in [
      "windows1251", "windows1250", "latin1", "utf8WithBOM", "utf8 (auto)", "delimiter tab (sniffed)",
      "delimiter semicolon (declared)", "decimal comma", "line ends mixed", "line ends CR,", "quoting all",
    ] {
      #expect(summaries.contains(feature), "no generated batch has \(feature)")
    }
    let mutations = Set(surveys.flatMap(\.records).compactMap(\.mutation))
    #expect(mutations == Set(Mutation.allCases))
    #expect(batches.contains { $0.lines.blank > 0 } && batches.contains { $0.lines.emptyRecords > 0 })
    #expect(batches.contains { $0.lines.continuation > 0 })
  }

  @Test("the fixed seeds reach every way ingest and cleaning drop a record or clear a value")
  func outcomeCoverage() throws {
    var reasons = Set<String>()
    var rules = Set<String>()
    for seed in 1...100 as ClosedRange<UInt64> {
      let survey = GeneratedSurvey(seed: seed)
      let folder = try TemporaryDirectory("survey-property")
      try survey.write(to: folder.path)
      let run = try StageRun(survey, folder: folder.path)
      reasons.formUnion(run.cleaned.changes.map(\.reason))
      rules.formUnion(run.ingest.findings.map(\.rule.rawValue))
    }
    let expectedReasons: Set<String> = [
      "ragged-row", "bad-quote", "quoted-line-break", "duplicate-id", "range", "code", "type", "missing-code", "missing-design", "constraint",
    ]
    #expect(expectedReasons.subtracting(reasons).isEmpty, "never reached: \(expectedReasons.subtracting(reasons))")
    #expect(rules.contains("empty-record"))
  }
}

/// Ingest, validate and clean on a generated survey, and the outputs they lead to.
struct StageRun {
  let ingest: IngestResult
  let cleaned: CleanResult
  let outputs: RunOutputs

  init(_ survey: GeneratedSurvey, folder: String) throws {
    let codebook = try Codebook.parse(yaml: GeneratedSurvey.codebookYAML)
    let sources = survey.batches.map { BatchSource(path: folder + "/" + $0.name, name: $0.name, read: $0.readOptions) }
    ingest = try Ingest.read(sources, schema: IngestSchema(codebook: codebook))
    let findings = try Validate.run(ingest.table, codebook: codebook)
    cleaned = Clean.run(
      ingest.table, codebook: codebook, findings: findings, policy: CleanPolicy(), designColumns: ["w"])
    let log = ValidationLog(findings: cleaned.resolve(ingest.findings + findings) + cleaned.findings)
    let tidy = String(
      decoding: TidyCSV(table: cleaned.table, columns: GeneratedSurvey.tidyVariables).chunks().joined(), as: UTF8.self)
    let cleaningLog = CleaningLog.csv(cleaned.changes)
    var lines: [String: (counts: GeneratedBatch.LineCounts, accounted: Bool)] = [:]
    for batch in ingest.batches {
      let account = batch.lines
      let counts = GeneratedBatch.LineCounts(
        total: account.total, header: account.header, records: account.records, emptyRecords: account.emptyRecords,
        blank: account.blank, continuation: account.continuation)
      lines[batch.name] = (counts, account.accounted)
    }
    outputs = RunOutputs(
      tidy: tidy, cleaningLog: cleaningLog,
      texts: [
        ("tidy/survey.csv", tidy), ("cleaning-log.csv", cleaningLog), ("validation.csv", log.csv()),
        ("validation.jsonl", log.jsonLines()), ("validation.html", log.html(title: "prop")),
      ],
      lines: lines, raw: cleaned.rawRecords, tidyRecords: cleaned.table.rowCount, dropped: cleaned.droppedRecords)
  }

  /// Row by row: every record ingest read (by batch and line) is either a row of the clean
  /// table or dropped in the cleaning log, never both; every record the generator wrote starts
  /// a record of ingest; the delimiter was found; empty records are reported on their lines.
  func rowProblems(_ survey: GeneratedSurvey) -> [String] {
    var problems: [String] = []
    let names = ingest.table.batches.map(\.name)
    func key(_ table: DataTable, _ row: Int) -> String { "\(names[Int(table.rowBatch[row])])|\(table.rowLine[row])" }
    let read = (0..<ingest.table.rowCount).map { key(ingest.table, $0) }
    let kept = (0..<cleaned.table.rowCount).map { key(cleaned.table, $0) }
    let drops = cleaned.changes.filter { ConservationCheck.dropReasons.contains($0.reason) }
    let dropped = drops.map { "\($0.batch)|\($0.line)" }
    let readSet = Set(read)
    if readSet.count != read.count { problems.append("two records of ingest start on one line") }
    let both = Set(kept).intersection(dropped)
    if !both.isEmpty { problems.append("records both kept and dropped: \(both.sorted())") }
    if (kept + dropped).sorted() != read.sorted() {
      let lost = readSet.subtracting(kept).subtracting(dropped)
      let extra = Set(kept + dropped).subtracting(readSet)
      problems.append(
        "records read but neither kept nor dropped: \(lost.sorted()); kept or dropped but not read: \(extra.sorted())")
    }
    for record in survey.records where !readSet.contains("\(record.batch)|\(record.firstLine)") {
      problems.append("\(record.batch):\(record.firstLine) (\(record.id)): ingest read no record starting on this line")
    }
    for (batch, report) in zip(survey.batches, ingest.batches) {
      if report.delimiter != batch.delimiter {
        problems.append("\(batch.name): read with delimiter \(report.delimiter), written with \(batch.delimiter)")
      }
      let emptyLines = ingest.findings.filter { $0.rule == .emptyRecord && $0.batch == batch.name }.compactMap(\.line)
      if !batch.hostile, emptyLines != batch.emptyRecordLines {
        problems.append(
          "\(batch.name): empty records reported on lines \(emptyLines), written on \(batch.emptyRecordLines)")
      }
    }
    return problems
  }
}
