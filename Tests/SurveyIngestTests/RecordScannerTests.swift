import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyIngest

/// A codebook whose `note` answers may hold line breaks and whose `name` is personal data.
let notesCodebook = try! Codebook.parse(
  yaml: """
    survey: notes-test
    id: respondent_id
    variables:
      - {name: respondent_id, type: text, required: true, unique: true}
      - {name: name, type: text, pii: true}
      - {name: age, type: integer}
      - {name: note, type: text, line_breaks: true}
    """)

func ingestNotes(_ text: String) throws -> IngestResult {
  try ingest([("batch.csv", Array(text.utf8))], codebook: notesCodebook)
}

@Suite("Ingest: quoted fields that run over lines")
struct QuotedLineBreakTests {
  @Test("a stray quote in a column without line breaks sets only its record aside; the lines it swallowed are read")
  func strayQuote() throws {
    // Line 2 opens a quote in `name`; it would close on line 5, swallowing records 3 and 4.
    let result = try ingestNotes(
      """
      respondent_id,name,age,note
      R1,"Ana Secret,30,x
      R2,Ion Private,40,y
      R3,Vasile Hidden,50,z
      R4,Maria",60,w
      R5,Dan,70,v
      """)
    let spans = result.findings.filter { $0.rule == .quotedLineBreak }
    #expect(spans.count == 1)
    #expect(spans.first?.line == 2)
    #expect(spans.first?.severity == .error)
    #expect(
      spans.first?.message
        == "a quoted field in column 2 ('name') runs from line 2 to line 5 (4 lines), but the codebook does not allow line breaks there: the record is set aside; lines 3–5 were read as records of their own (if this column's answers may span lines, make it a text variable with `line_breaks: true` in the codebook)"
    )
    #expect(result.table.rowIssues[0]?.rule == .quotedLineBreak)
    #expect(result.table.rowLine == [2, 3, 4, 5, 6])
    #expect(result.column("age").numbers?[1...2] == [40, 50])
    #expect(result.table.recordID(row: 2) == "R3")
    // The set-aside record keeps only the fields before the quote: nothing of R2–R4 leaks into it.
    #expect(result.column("age").state[0] != .present)
    #expect(result.batches[0].lines == LineAccount(total: 6, header: 1, records: 5, emptyRecords: 0, blank: 0, continuation: 0))
  }

  @Test("a column whose answers may hold line breaks keeps them, and the lines are counted as continuations")
  func allowedLineBreaks() throws {
    let result = try ingestNotes("respondent_id,name,age,note\r\nR1,Ana,30,\"first\r\nsecond\r\nthird\"\r\nR2,Ion,40,x\r\n")
    #expect(result.findings.isEmpty)
    #expect(result.column("note").formatted(row: 0) == "first\r\nsecond\r\nthird")
    #expect(result.table.rowLine == [2, 5])
    #expect(result.batches[0].lines == LineAccount(total: 5, header: 1, records: 2, emptyRecords: 0, blank: 0, continuation: 2))
    #expect(result.batches[0].lines.accounted)
  }

  @Test("a quote that is never closed is reported with the lines it would run over")
  func unclosedQuote() throws {
    let result = try ingestNotes("respondent_id,name,age,note\nR1,Ana,30,x\nR2,\"Ion,40,y\nR3,Dan,50,z\n")
    let span = try #require(result.findings.first { $0.rule == .quotedLineBreak })
    #expect(span.line == 3)
    #expect(span.message.hasPrefix("a quote opened in column 2 ('name') on line 3 is never closed: it would run over lines 3–4 (2 lines) to the end of the file; the record is set aside; line 4 was read"))
    #expect((0..<3).map { result.table.recordID(row: $0) } == ["R1", "R2", "R3"])
    #expect(result.batches[0].lines.accounted)
  }

  @Test("a quote whose quoting breaks on a later line is reported there and the lines between are read")
  func brokenLater() throws {
    let result = try ingestNotes("respondent_id,name,age,note\nR1,\"Ana,30,x\nR2,\"Ion\"x,40,y\nR3,Dan,50,z\n")
    let span = try #require(result.findings.first { $0.rule == .quotedLineBreak })
    #expect(span.message.hasPrefix("a quote opened in column 2 ('name') on line 2 runs to line 3 (2 lines), where its quoting breaks"))
    #expect(result.findings.filter { $0.rule == .badQuote }.map(\.line) == [3])
    #expect(result.table.recordID(row: 2) == "R3")
  }

  @Test("a multi-line quoted field that runs on for too long is set aside even where line breaks are allowed")
  func tooLong() throws {
    let body = String(repeating: "line\n", count: RecordScanner.maximumFieldLines + 5)
    let result = try ingestNotes("respondent_id,name,age,note\nR1,Ana,30,\"\(body)\"\nR2,Ion,40,x\n")
    let span = try #require(result.findings.first { $0.rule == .quotedLineBreak })
    #expect(span.line == 2)
    #expect(span.message.contains("past line \(RecordScanner.maximumFieldLines + 1), beyond the limit of \(RecordScanner.maximumFieldLines) lines"))
    #expect(result.batches[0].lines.accounted)
  }

  @Test("a quoted header name that runs over lines stops with the file and line")
  func headerOverLines() throws {
    #expect(throws: IngestError.self) { try ingestNotes("respondent_id,\"name\nR1\",age\nR2,Ion,40\n") }
    do {
      _ = try ingestNotes("respondent_id,\"name\nR1\",age\nR2,Ion,40\n")
    } catch let error as IngestError {
      #expect(error.localizedDescription.hasSuffix(":1: the header cannot be read: the quoted name of column 2 runs over more than one line (a stray quote?)"))
    }
  }
}

@Suite("Ingest: line endings recognised line by line")
struct LineEndingTests {
  @Test("a header ended by a lone CR and rows ended by LF are four lines, three records")
  func loneCRHeader() throws {
    let result = try ingestNotes("respondent_id,name,age,note\rR1,Ana,30,x\nR2,Ion,40,y\nR3,Dan,50,z\n")
    #expect(result.table.rowCount == 3)
    #expect(result.table.rowLine == [2, 3, 4])
    #expect(result.column("age").numbers == [30, 40, 50])
    #expect(result.findings.isEmpty)
  }

  @Test("CR LF mixed with LF and lone CR: every line end is a record end")
  func mixedEndings() throws {
    let result = try ingestNotes("respondent_id,name,age,note\r\nR1,Ana,30,x\nR2,Ion,40,y\r\nR3,Dan,50,z\rR4,Eva,60,w")
    #expect(result.table.rowCount == 4)
    #expect(result.table.rowLine == [2, 3, 4, 5])
    #expect(result.column("age").numbers == [30, 40, 50, 60])
    #expect(result.batches[0].lines == LineAccount(total: 5, header: 1, records: 4, emptyRecords: 0, blank: 0, continuation: 0))
  }

  @Test("blank lines and empty records are counted, so every line is accounted for")
  func blankLines() throws {
    let result = try ingestNotes("\nrespondent_id,name,age,note\n\nR1,Ana,30,x\n   \n,,,\nR2,Ion,40,y\n\n")
    #expect(result.table.rowLine == [4, 7])
    #expect(result.batches[0].lines == LineAccount(total: 8, header: 1, records: 2, emptyRecords: 1, blank: 4, continuation: 0))
  }

  @Test("LineBreaks finds LF, CR LF and lone CR ends and numbers lines by them")
  func lineBreaks() {
    let text: [UInt8] = Array("a\nb\r\nc\rd".utf8)
    text.withUnsafeBufferPointer { buffer in
      let breaks = LineBreaks(buffer)
      #expect(breaks.end(from: 0) == 2)
      #expect(breaks.end(from: 2) == 5)
      #expect(breaks.end(from: 5) == 7)
      #expect(breaks.end(from: 7) == 8)
      #expect(breaks.lineCount() == 4)
      #expect(breaks.lines(of: [0, 1, 2, 4, 5, 7]) == [1, 1, 2, 2, 3, 4])
    }
    Array("x\ny\n".utf8).withUnsafeBufferPointer { #expect(LineBreaks($0).lineCount() == 2) }
    [UInt8]().withUnsafeBufferPointer { #expect(LineBreaks($0).lineCount() == 0) }
  }
}

@Suite("Ingest: stray quote pairs in a column that may hold line breaks")
struct StrayQuotePairInAllowedColumnTests {
  @Test("one record swallowed on the field's last line is found by its id's shape")
  func lastLineRecord() throws {
    let result = try ingestNotes("respondent_id,name,age,note\nR1,Ana,30,\"a\nR2,Ion Secret,40,b\"\nR3,Dan,50,c\n")
    let span = try #require(result.findings.first { $0.rule == .quotedLineBreak })
    #expect(span.line == 2)
    #expect(span.message.contains("its line 3 reads as a record of its own"))
    #expect(result.table.rowLine.contains(3))
    let notes = (0..<result.table.rowCount).compactMap { result.column("note").formatted(row: $0) }
    #expect(!notes.contains { $0.contains("Ion Secret") })
  }

  @Test("free text whose last line holds delimiters is not taken for a record")
  func freeTextWithCommas() throws {
    let result = try ingestNotes("respondent_id,name,age,note\nR1,Ana,30,\"first line\nsecond, with, commas\"\nR2,Dan,50,c\n")
    #expect(result.findings.isEmpty)
    #expect(result.column("note").formatted(row: 0) == "first line\nsecond, with, commas")
    #expect(result.batches[0].lines.continuation == 1)
  }
}
