import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyIngest

@Suite("Ingest: a batch's provenance in the ingest stage's artifact")
struct BatchReportArtifactTests {
  @Test("every field of a batch report reads back, the line account included")
  func roundTrip() throws {
    let folder = try TemporaryDirectory("batch-report")
    let path = try folder.write("b.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("id;x\r\n1;2,5\r\n\r\n2;3\r\n".utf8))
    var read = ReadOptions()
    read.decimal = UInt8(ascii: ",")
    let result = try Ingest.read(
      [BatchSource(path: path, name: "b.csv", read: read)],
      schema: IngestSchema(fields: [IngestField(name: "id", type: .text), IngestField(name: "x", type: .decimal)]))
    let report = try #require(result.batches.first)
    #expect(report.byteOrderMark && report.delimiter == UInt8(ascii: ";") && report.lines.blank == 1)
    var writer = ArtifactWriter()
    report.write(to: &writer)
    var reader = ArtifactReader(bytes: writer.bytes, file: "ingest.artifact")
    #expect(try BatchReport(reading: &reader) == report)
    #expect(reader.atEnd)
  }
}
