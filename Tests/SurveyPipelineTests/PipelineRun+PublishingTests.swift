import Foundation
import SurveyCore
import SurveyExport
import Testing
import _SurveyTestSupport

@testable import SurveyPipeline

@Suite("PipelineRun's publish step: exports of long texts")
struct PipelineRunPublishingTests {
  @Test("a note over SPSS's 32,767 bytes: whole in survey.csv and survey.dta, cut in survey.sav with an export-truncated warning")
  func longText() throws {
    let folder = try TemporaryDirectory("publish-long-text")
    let long = String(repeating: "note-", count: 8_000)  // 40,000 bytes
    let medium = String(repeating: "z", count: 3_000)  // a strL in Stata, whole in SPSS
    try folder.write("d.csv", "id,note\nR1,\(long)\nR2,short\nR3,\(medium)\n")
    try folder.write(
      "c.yml", "survey: s\nid: id\nvariables:\n  - {name: id, type: text}\n  - {name: note, type: text, label: Interviewer's note}\n")
    let path = try folder.write("p.yml", "name: lt\ncodebook: c.yml\ninputs: [d.csv]\nexports: [dta, sav]\n")
    let (pipeline, codebook) = try PipelineRun.load(path)
    let out = folder.url.appendingPathComponent("run").path
    let outcome = try PipelineRun(pipeline: pipeline, codebook: codebook, outputPath: out, progress: ProgressLog(quiet: true))
      .execute()
    let truncated = outcome.log.findings.filter { $0.rule == .exportTruncated }
    #expect(truncated.count == 1)
    let finding = try #require(truncated.first)
    #expect(finding.severity == .warning && finding.variable == "note" && finding.recordID == "R1")
    #expect(finding.batch == "d.csv" && finding.line == 2 && finding.value == nil)
    #expect(
      finding.message
        == "note is 40000 bytes long; tidy/survey.sav holds at most its first 32767 bytes (the most the format holds), cut before a character; tidy/survey.csv holds it whole")
    #expect(!finding.message.contains("note-"))
    let csv = try String(contentsOfFile: out + "/validation.csv", encoding: .utf8)
    #expect(csv.contains("warning,export-truncated,note,R1,d.csv,2"))

    let stata = try LabelledFile.read(out + "/tidy/survey.dta", format: .dta)
    // (Booleans, so that a failure does not print 40,000 bytes.)
    #expect((stata.rows.map { $0[1] } == [.text(long), .text("short"), .text(medium)]) == true)
    let spss = try LabelledFile.read(out + "/tidy/survey.sav", format: .sav)
    let texts = spss.rows.map { row -> String in if case .text(let text) = row[1] { return text } else { return "?" } }
    // Debian's libreadstat 1.1.8 parser gives back 32,766 of a string's 32,767 bytes (its
    // buffer for the widest strings is a few bytes short); pyreadstat, with its own copy of
    // ReadStat, reads all 32,767 from the same file (docs/read-exports.py).
    #expect([32_766, 32_767].contains(texts[0].utf8.count))
    #expect(String(long.utf8.prefix(32_767))!.hasPrefix(texts[0]))
    #expect(texts[1...] == ["short", medium])
  }

  @Test("without a sav export nothing is cut and nothing is reported")
  func stataOnly() throws {
    let folder = try TemporaryDirectory("publish-long-text")
    try folder.write("d.csv", "id,note\nR1,\(String(repeating: "a", count: 40_000))\n")
    try folder.write("c.yml", "survey: s\nid: id\nvariables:\n  - {name: id, type: text}\n  - {name: note, type: text}\n")
    let path = try folder.write("p.yml", "name: lt\ncodebook: c.yml\ninputs: [d.csv]\nexports: [dta]\n")
    let (pipeline, codebook) = try PipelineRun.load(path)
    let outcome = try PipelineRun(
      pipeline: pipeline, codebook: codebook, outputPath: folder.url.appendingPathComponent("run").path,
      progress: ProgressLog(quiet: true)
    ).execute()
    #expect(!outcome.log.findings.contains { $0.rule == .exportTruncated })
  }
}
