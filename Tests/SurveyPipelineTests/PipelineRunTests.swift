import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyPipeline

@Suite("PipelineRun, in process")
struct PipelineRunTests {
  @Test("the example pipeline: counts, conservation and the files of the run folder")
  func example() throws {
    let (pipeline, codebook) = try PipelineRun.load(Fixtures.repoPath("pipelines/moldova-migrant-health.yml"))
    let folder = try TemporaryDirectory("pipeline-run")
    let out = folder.url.appendingPathComponent("run").path
    let outcome = try PipelineRun(pipeline: pipeline, codebook: codebook, outputPath: out, progress: ProgressLog(quiet: true))
      .execute()
    // 24 + 12 + 25 records; dropped: a duplicate id, a ragged row, a bad quote, a reviewer's drop.
    #expect(outcome.rawRecords == 61)
    #expect(outcome.droppedRecords == 4)
    #expect(outcome.tidyRecords == outcome.rawRecords - outcome.droppedRecords)
    // 13 planted findings, the unknown decision, and a small nonresponse class; the reviewer's
    // decisions settle three errors (sex, and two ages).
    #expect(outcome.log.findings.count == 15)
    #expect(outcome.log.unresolvedCounts[.error] == 7)
    #expect(outcome.tables == pipeline.tables.map(\.name))
    for file in ["run.json", "validation.csv", "cleaning-log.csv", "tidy/survey.csv", "weights.json", "tables.md"] {
      #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)")
    }
  }

  @Test("a table that cannot be estimated becomes a table-failed finding; the run folder is written")
  func tableError() throws {
    let folder = try TemporaryDirectory("pipeline-run")
    try folder.write("d.csv", "id,g,w,y\n1,1,1,5\n2,2,1,6\n3,2,1,7\n")
    try folder.write(
      "c.yml",
      "survey: s\nid: id\nvariables:\n  - {name: id, type: text}\n  - {name: g, type: categorical, codes: {1: a, 2: b}}\n  - {name: w, type: decimal}\n  - {name: y, type: decimal}\n"
    )
    let path = try folder.write(
      "p.yml", "name: lp\ncodebook: c.yml\ninputs: [d.csv]\ndesign: {weight: w, strata: g}\ntables:\n  - {name: ymean, mean: y}\n")
    let (pipeline, codebook) = try PipelineRun.load(path)
    let out = folder.url.appendingPathComponent("run").path
    let outcome = try PipelineRun(pipeline: pipeline, codebook: codebook, outputPath: out, progress: ProgressLog(quiet: true))
      .execute()
    #expect(outcome.tables.isEmpty)
    let failure = try #require(outcome.failures.first)
    #expect(outcome.failures.count == 1)
    #expect(failure.rule == .tableFailed && failure.severity == .error)
    #expect(failure.line == 6)
    #expect(failure.batch == "p.yml")
    #expect(failure.message.hasPrefix("tables: ymean: "))
    #expect(failure.message.contains("stratum '1' of 'g' has only one PSU"))
    #expect(outcome.log.findings.contains(failure))
    for file in ["run.json", "validation.csv", "cleaning-log.csv", "tidy/survey.csv", "weights.json"] {
      #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)")
    }
    #expect(!FileManager.default.fileExists(atPath: out + "/tables/ymean.csv"))
  }

  @Test("read: {values: labels} with two codes sharing a label is refused when loaded (check says so), naming the line")
  func sharedLabels() throws {
    let folder = try TemporaryDirectory("pipeline-labels")
    try folder.write("d.csv", "id,q\nR1,Yes\n")
    try folder.write(
      "c.yml", "survey: s\nid: id\nvariables:\n  - {name: id, type: text}\n  - {name: q, type: categorical, codes: {1: Yes, 2: \"yes \"}}\n")
    let path = try folder.write("p.yml", "name: p\ncodebook: c.yml\ninputs: [d.csv]\nread: {values: labels}\n")
    #expect {
      _ = try PipelineRun.load(path)
    } throws: { error in
      error.localizedDescription.hasSuffix(
        "p.yml:4: read.values: labels are read back to codes, but codes '1' and '2' of 'q' share the label 'Yes'; give them distinct labels in the codebook")
    }
    let codes = try folder.write("p2.yml", "name: p\ncodebook: c.yml\ninputs: [d.csv]\n")
    _ = try PipelineRun.load(codes)
  }
}
