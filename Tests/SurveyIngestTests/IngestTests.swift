import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyIngest

@Suite("Ingest: reading batch files")
struct IngestTests {
  @Test("a plain UTF-8 comma file is read into typed columns")
  func plainFile() throws {
    let result = try ingest(
      """
      respondent_id,sex,age,oop_cost,region,interview_date,symptoms
      R1,1,34,120.5,Nord,05.03.2024,fever cough
      R2,2,51,0,Sud,06.03.2024,
      """)
    #expect(result.table.rowCount == 2)
    #expect(result.findings.isEmpty)
    #expect(result.column("age").numbers == [34, 51])
    #expect(result.column("oop_cost").numbers == [120.5, 0])
    #expect(result.column("sex").codes == [0, 1])
    #expect(result.column("region").formatted(row: 1) == "Sud")
    #expect(result.column("interview_date").formatted(row: 0) == "2024-03-05")
    #expect(result.column("symptoms").formatted(row: 0) == "fever cough")
    #expect(result.column("symptoms").state[1] == .empty)
    #expect(result.table.rowLine == [2, 3])
    #expect(result.batches[0].delimiter == UInt8(ascii: ","))
    #expect(result.batches[0].encoding == .utf8)
    #expect(result.batches[0].records == 2)
  }

  @Test("a UTF-8 byte-order mark is stripped from the first header name")
  func byteOrderMark() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("respondent_id,age\nR1,40\n".utf8)
    let result = try ingest([("bom.csv", bytes)])
    #expect(result.batches[0].byteOrderMark)
    #expect(result.table.recordID(row: 0) == "R1")
    #expect(!result.rules.contains("unknown-column"))
  }

  @Test("semicolon files with a decimal comma, sniffed delimiter")
  func semicolonDecimalComma() throws {
    let result = try ingest(
      "respondent_id;age;oop_cost\nR1;40;12,5\nR2;41;\"1 000,25\"\nR3;42;7\n",
      read: ReadOptions(decimal: UInt8(ascii: ",")))
    #expect(result.batches[0].delimiter == UInt8(ascii: ";"))
    #expect(result.column("oop_cost").numbers?[0] == 12.5)
    // A thousands separator is not a number: the cell is invalid, kept as text for the log.
    #expect(result.column("oop_cost").state[1] == .invalid)
    #expect(result.column("oop_cost").raw[1] == "1 000,25")
    #expect(result.column("oop_cost").numbers?[2] == 7)
  }

  @Test("tab-delimited files keep empty fields between tabs")
  func tabDelimited() throws {
    let result = try ingest("respondent_id\tage\tregion\nR1\t\tNord\nR2\t30\t\n")
    #expect(result.batches[0].delimiter == UInt8(ascii: "\t"))
    #expect(result.column("age").state == [.empty, .present])
    #expect(result.column("region").formatted(row: 0) == "Nord")
    #expect(result.findings.filter { $0.rule == .raggedRow }.isEmpty)
  }

  @Test("CRLF line ends and a quoted field with a line break (where allowed) keep the record lines right")
  func crlfAndQuotedNewline() throws {
    let result = try ingestNotes("respondent_id,note,age\r\nR1,\"Chișinău\r\nsector Botanica\",30\r\nR2,Nord,31\r\n")
    #expect(result.table.rowCount == 2)
    #expect(result.column("note").formatted(row: 0) == "Chișinău\r\nsector Botanica")
    #expect(result.table.rowLine == [2, 4])
    #expect(result.findings.filter { $0.rule != .missingColumn }.isEmpty)
  }

  @Test("doubled quotes inside a quoted field are one quote")
  func doubledQuotes() throws {
    let result = try ingest("respondent_id,region\nR1,\"satul \"\"Nou\"\"\"\n")
    #expect(result.column("region").formatted(row: 0) == "satul \"Nou\"")
  }

  @Test("a ragged row is kept, flagged and reported with its line")
  func raggedRow() throws {
    let result = try ingest("respondent_id,sex,age\nR1,1,30\nR2,2\nR3,1,40,extra\nR4,2,50\n")
    #expect(result.table.rowCount == 4)
    let ragged = result.findings.filter { $0.rule == .raggedRow }
    #expect(ragged.map(\.line) == [3, 4])
    #expect(ragged.map(\.recordID) == ["R2", "R3"])
    #expect(ragged[0].message == "the record has 2 fields; the header has 3")
    #expect(result.table.rowIssues[1]?.rule == .raggedRow)
    #expect(result.table.rowIssues[2]?.rule == .raggedRow)
    #expect(result.column("age").numbers?[3] == 50)
  }

  @Test("text after a closing quote breaks only its own record")
  func badQuoteMidFile() throws {
    let result = try ingest("respondent_id,region,age\nR1,Nord,30\nR2,\"Sud\"x,31\nR3,Centru,32\n")
    #expect(result.table.rowCount == 3)
    let bad = result.findings.filter { $0.rule == .badQuote }
    #expect(bad.count == 1)
    #expect(bad.first?.line == 3)
    #expect(bad.first?.recordID == "R2")
    #expect(result.table.rowIssues[1]?.rule == .badQuote)
    #expect(result.table.recordID(row: 2) == "R3")
    #expect(result.column("age").numbers?[2] == 32)
  }

  @Test("an unterminated quote does not swallow the records after it")
  func unterminatedQuote() throws {
    let result = try ingest("respondent_id,region,age\nR1,Nord,30\nR2,\"Sud,31\nR3,Centru,32\nR4,Nord,33\n")
    #expect(result.table.rowCount == 4)
    let bad = result.findings.filter { $0.rule == .quotedLineBreak }
    #expect(bad.map(\.line) == [3])
    #expect((0..<4).map { result.table.recordID(row: $0) } == ["R1", "R2", "R3", "R4"])
    #expect(result.column("age").numbers?[3] == 33)
    #expect(result.table.rowLine == [2, 3, 4, 5])
  }

  @Test("an unterminated quote closed by a later quote is still caught")
  func unterminatedQuoteClosedLater() throws {
    let result = try ingest("respondent_id,region,age\nR1,\"Nord,30\nR2,\"Sud\",31\nR3,Centru,32\n")
    #expect(result.findings.filter { $0.rule == .quotedLineBreak }.map(\.line) == [2])
    #expect((0..<3).map { result.table.recordID(row: $0) } == ["R1", "R2", "R3"])
    #expect(result.column("region").formatted(row: 1) == "Sud")
  }

  @Test("an empty file is a finding, not a crash")
  func emptyFile() throws {
    let result = try ingest([("empty.csv", [])])
    #expect(result.table.rowCount == 0)
    #expect(result.rules == ["empty-file"])
    let bomOnly = try ingest([("bom-only.csv", [0xEF, 0xBB, 0xBF, 0x0A])])
    #expect(bomOnly.rules == ["empty-file"])
  }

  @Test("a header-only file is a warning and gives no rows")
  func headerOnly() throws {
    let result = try ingest("respondent_id,sex,age,oop_cost,region,interview_date,symptoms\n")
    #expect(result.table.rowCount == 0)
    #expect(result.rules == ["no-records"])
    #expect(result.findings[0].severity == .warning)
  }

  @Test("headers match case- and space-insensitively and through aliases; others are reported")
  func headerMatching() throws {
    let result = try ingest("Respondent_ID,Q1_SEX, A GE ,comment\nR1,2,30,hello\n")
    #expect(result.column("sex").codes == [1])
    #expect(result.column("age").numbers == [30])
    let unknown = result.findings.filter { $0.rule == .unknownColumn }
    #expect(unknown.map(\.variable) == ["comment"])
    let missing = result.findings.filter { $0.rule == .missingColumn }.compactMap(\.variable)
    #expect(missing == ["oop_cost", "region", "interview_date", "symptoms"])
    #expect(result.table.missingColumns.contains(MissingColumn(batch: 0, variable: "region")))
  }

  @Test("a repeated header column is reported and its values are not read twice")
  func duplicateHeader() throws {
    let result = try ingest("respondent_id,age,Age\nR1,30,31\n")
    let duplicate = result.findings.filter { $0.rule == .duplicateColumn }
    #expect(duplicate.count == 1)
    #expect(duplicate.first?.severity == .error)
    #expect(duplicate.first?.line == 1)
    #expect(result.column("age").numbers == [30])
  }

  @Test("multi-selects arrive as one column of codes or as split 0/1 columns")
  func multiSelectForms() throws {
    let split = try ingest("respondent_id,symptoms/fever,symptoms/cough,symptoms.pain\nR1,1,0,1\nR2,0,0,0\nR3,,,\n")
    #expect(split.column("symptoms").formatted(row: 0) == "fever pain")
    #expect(split.column("symptoms").formatted(row: 1) == "")
    #expect(split.column("symptoms").state[2] == .empty)
    #expect(!split.rules.contains("unknown-column"))
    let single = try ingest("respondent_id,symptoms\nR1,cough fever\nR2,fever rash\n")
    #expect(single.column("symptoms").formatted(row: 0) == "fever cough")
    #expect(single.column("symptoms").state[1] == .invalid)
    #expect(single.column("symptoms").raw[1] == "fever rash")
  }

  @Test("blanks, null, quoted empty strings and missing codes")
  func blanksAndMissingCodes() throws {
    let result = try ingest("respondent_id,sex,age,region\nR1,98,99,null\nR2,,NULL,\"\"\nR3,7,abc,\n")
    let sex = result.column("sex")
    #expect(sex.state == [.missingCode, .empty, .invalid])
    #expect(sex.raw[0] == "98")
    #expect(sex.raw[2] == "7")
    let age = result.column("age")
    #expect(age.state == [.missingCode, .empty, .invalid])
    #expect(age.raw[2] == "abc")
    let region = result.column("region")
    // `null` is missing; a quoted "" is an explicit empty answer; an empty field is missing.
    #expect(region.state == [.empty, .present, .empty])
  }

  @Test("a non-integer in an integer column and an impossible date are invalid")
  func invalidTypes() throws {
    let result = try ingest("respondent_id,age,interview_date\nR1,30.5,31.02.2024\nR2,3e1,29.02.2024\n")
    #expect(result.column("age").state == [.invalid, .present])
    #expect(result.column("age").numbers?[1] == 30)
    #expect(result.column("interview_date").state == [.invalid, .present])
  }

  @Test("several batches keep their own batch and line")
  func severalBatches() throws {
    let result = try ingest([
      ("a.csv", Array("respondent_id,age\nA1,30\nA2,31\n".utf8)),
      ("b.csv", Array("age;respondent_id\n\n40;B1\n".utf8)),
    ])
    #expect(result.table.rowCount == 3)
    #expect(result.table.rowBatch == [0, 0, 1])
    #expect(result.table.rowLine == [2, 3, 3])
    #expect(result.column("age").numbers == [30, 31, 40])
    #expect(result.batches.map(\.records) == [2, 1])
    #expect(result.batches[1].delimiter == UInt8(ascii: ";"))
  }

  @Test("a record with only empty fields is skipped and reported")
  func emptyRecord() throws {
    let result = try ingest("respondent_id,age\nR1,30\n,\n;\nR2,31\n")
    #expect(result.table.rowCount == 3)
    #expect(result.findings.filter { $0.rule == .emptyRecord }.map(\.line) == [3])
    #expect(result.findings.filter { $0.rule == .raggedRow }.map(\.line) == [4])
  }

  @Test("the provenance hash is the SHA-256 of the raw bytes")
  func provenanceHash() throws {
    let result = try ingest("respondent_id\nR1\n")
    // printf 'respondent_id\nR1\n' | sha256sum
    #expect(result.batches[0].sha256 == "2e4a02e395ee378dba1113147cc4c01f1dc4c09edd378b54292579a7ef6888ed")
    #expect(result.batches[0].bytes == 17)
  }

  @Test("a missing file and a directory are errors naming the path")
  func unreadable() throws {
    let source = BatchSource(path: "/nonexistent/batch.csv", name: "batch.csv", read: ReadOptions())
    #expect(throws: IngestError.unreadable(path: "/nonexistent/batch.csv", reason: "No such file or directory")) {
      try Ingest.read([source], schema: IngestSchema(codebook: testCodebook))
    }
    let folder = try TemporaryDirectory()
    let directory = BatchSource(path: folder.path, name: "dir", read: ReadOptions())
    #expect(throws: IngestError.self) { try Ingest.read([directory], schema: IngestSchema(codebook: testCodebook)) }
  }

  @Test("a bad quote in the header stops with the file and line")
  func badHeader() throws {
    do {
      _ = try ingest("respondent_id,\"age\"x\nR1,30\n")
      Issue.record("expected an error")
    } catch let error as IngestError {
      guard case .badHeader(_, let line, _) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(line == 1)
      #expect(error.localizedDescription.hasSuffix(":1: the header cannot be read: a quote is not closed or is followed by other text"))
    }
  }
}

@Suite("Ingest: awkward files found in review")
struct AwkwardFileTests {
  @Test("old Mac files end records with CR; an LF inside a quoted cell is a line end too, as Excel and R count")
  func carriageReturnFiles() throws {
    let result = try ingestNotes("respondent_id,note,age\r1,x,20\r2,\"a\nb\",30\r3,y,40\r")
    #expect(result.table.rowCount == 3)
    #expect(result.findings.filter { $0.rule != .missingColumn }.isEmpty)
    #expect(result.column("note").formatted(row: 1) == "a\nb")
    #expect(result.column("age").numbers == [20, 30, 40])
    #expect(result.table.rowLine == [2, 3, 5])
    #expect(result.batches[0].lines == LineAccount(total: 5, header: 1, records: 3, emptyRecords: 0, blank: 0, continuation: 1))
  }

  @Test("a leading row of empty fields is skipped and reported; the header after it is used")
  func leadingEmptyRow() throws {
    let result = try ingest(",,,\nrespondent_id,age\nR1,30\n")
    #expect(result.table.rowCount == 1)
    #expect(result.findings.filter { $0.rule == .emptyRecord }.map(\.line) == [1])
    #expect(result.table.rowLine == [3])
  }

  @Test("a batch whose header matches no variable is refused without showing its values")
  func missingHeaderRow() throws {
    do {
      _ = try ingest("R1,+37369111222,1\nR2,556,2\n")
      Issue.record("expected an error")
    } catch let error as IngestError {
      #expect(error == .unrecognizedHeader(path: error.path, line: 1))
      #expect(!error.localizedDescription.contains("+373"))
    }
  }

  @Test("a UTF-8 byte-order mark overrules a declared single-byte encoding, with a warning")
  func byteOrderMarkOverrulesDeclaration() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("respondent_id,region\nR1,Chișinău\n".utf8)
    let result = try ingest([("b.csv", bytes)], read: ReadOptions(encoding: .windows1251))
    #expect(result.column("region").formatted(row: 0) == "Chișinău")
    #expect(result.findings.contains { $0.rule == .encodingConflict && $0.severity == .warning })
  }

  @Test("valid UTF-8 text overrules a declared single-byte encoding, with a warning")
  func utf8OverrulesDeclaration() throws {
    let result = try ingest([("b.csv", Array("respondent_id,region\nR1,Chișinău\n".utf8))], read: ReadOptions(encoding: .windows1251))
    #expect(result.column("region").formatted(row: 0) == "Chișinău")
    let conflict = result.findings.first { $0.rule == .encodingConflict }
    #expect(conflict?.message == "the pipeline declares windows-1251 but its non-ASCII text is all valid UTF-8; it was read as UTF-8")
    // Plain ASCII gives no reason to doubt the declaration.
    let ascii = try ingest([("a.csv", Array("respondent_id,region\nR1,Nord\n".utf8))], read: ReadOptions(encoding: .windows1251))
    #expect(!ascii.rules.contains("encoding-conflict"))
  }

  @Test("undecodable bytes in a CR-only file are reported on their line")
  func undecodableLineInCRFile() throws {
    let bytes = Array("respondent_id,region\r1,a\r2,ab".utf8) + [0xFF] + Array("c\r".utf8)
    let result = try ingest([("b.csv", bytes)], read: ReadOptions(encoding: .utf8))
    #expect(result.findings.filter { $0.rule == .undecodableBytes }.map(\.line) == [3])
  }
}

extension IngestError {
  /// The file an error names (for comparing errors in tests).
  var path: String {
    switch self {
    case .unrecognizedHeader(let path, _), .badHeader(let path, _, _), .unreadable(let path, _): return path
    default: return ""
    }
  }
}

@Suite("Ingest: large files, read in chunks on two threads")
struct ChunkedIngestTests {
  @Test("records across many chunks keep their order, lines and problems")
  func manyChunks() throws {
    var text = "respondent_id,age,region\n"
    let rows = 40_000
    for i in 1...rows {
      switch i {
      case 20_000: text += "R\(i),\(18 + i % 80)\n"  // ragged
      case 33_000: text += "R\(i),\"\(18 + i % 80),x\n"  // quote never closed
      default: text += "R\(i),\(18 + i % 80),\(i % 2 == 0 ? "Nord" : "\"Sud, 2\"")\n"
      }
    }
    let result = try ingest(text)
    #expect(result.table.rowCount == rows)
    #expect(result.table.rowLine.first == 2)
    #expect(result.table.rowLine.last == Int32(rows + 1))
    #expect(zip(result.table.rowLine, result.table.rowLine.dropFirst()).allSatisfy { $1 == $0 + 1 })
    let ages = result.column("age").numbers!
    #expect(ages[16_383] == Double(18 + 16_384 % 80))
    #expect(ages[16_384] == Double(18 + 16_385 % 80))
    #expect(ages[rows - 1] == Double(18 + rows % 80))
    #expect(result.table.recordID(row: 32_999) == "R33000")
    #expect(result.table.recordID(row: 33_000) == "R33001")
    #expect(result.findings.filter { $0.rule == .raggedRow }.map(\.line) == [20_001])
    #expect(result.findings.filter { $0.rule == .quotedLineBreak }.map(\.line) == [33_001])
    #expect(result.batches[0].lines.accounted)
    #expect(result.column("region").formatted(row: 0) == "Sud, 2")
  }
}
