import Foundation
import Testing
import _SurveyTestSupport

/// End-to-end: every raw record and line is in the tidy data or named in a log, and personal
/// data reaches no output, whatever the quoting, line endings or delimiters of a batch.
@Suite("survey-pipe run: records never vanish, personal data never leaks")
struct RecordIntegrityTests {
  static let secrets = ["Ana Secret", "Ion Private", "Vasile Hidden", "Maria Pii", "+37369111222", "+37360000001"]

  @Test("a stray quote no longer swallows the next records: they are read, the broken one is reported")
  func strayQuote() throws {
    let survey = try MiniSurvey()
    try survey.batch(
      """
      id,name,phone,age,w,note
      R1,"Ana Secret,+37360000001,20,1,a
      R2,Ion Private,+37369111222,40,1,b
      R3,Vasile Hidden,+37360000002,50,1,c
      R4,Maria Pii",+37360000003,60,1,d
      R5,Dan,+37360000004,70,1,e

      """)
    let result = try survey.run()
    #expect(result.status == 0, "\(result.stderr)")
    let validation = Fixtures.simpleCSV(try survey.output("validation.csv"))
    let span = try #require(validation.first { $0["rule"] == "quoted-line-break" })
    #expect(span["batch"] == "batch.csv")
    #expect(span["line"] == "2")
    #expect(span["message"]?.contains("runs from line 2 to line 5 (4 lines)") == true)
    let manifest = try survey.manifest()
    let records = manifest["records"] as! [String: Any]
    #expect(records["raw"] as? Int == 5)
    #expect(records["lines"] as? Int == 6)
    #expect(records["lines_accounted"] as? Bool == true)
    #expect(records["conserved"] as? Bool == true)
    let input = (manifest["inputs"] as! [[String: Any]])[0]
    let lines = input["lines"] as! [String: Any]
    #expect(lines["total"] as? Int == 6 && lines["records"] as? Int == 5 && lines["header"] as? Int == 1)
    // R2, R3 and R5 are kept (R1 is set aside, R4's own quoting is broken): mean age 160 / 3.
    let table = Fixtures.simpleCSV(try survey.output("tables/age_mean.csv"))
    #expect(Double(table[0]["estimate"] ?? "") .map { abs($0 - 160.0 / 3.0) < 1e-9 } == true)
    let everything = try survey.allOutputs()
    for secret in Self.secrets { #expect(!everything.contains(secret), "\(secret) reached an output") }
  }

  @Test("mixed line endings: a header ended by a lone CR, rows by LF and CR LF are separate records")
  func mixedLineEndings() throws {
    let survey = try MiniSurvey()
    try survey.batch("id,name,phone,age,w,note\rR1,A,1,20,1,x\nR2,B,2,30,1,y\r\nR3,C,3,40,1,z\n")
    let result = try survey.run()
    #expect(result.status == 0, "\(result.stderr)")
    let tidy = try survey.output("tidy/survey.csv")
    #expect(tidy.split(separator: "\n").count == 4)
    let records = try survey.manifest()["records"] as! [String: Any]
    #expect(records["raw"] as? Int == 3)
    #expect(records["lines"] as? Int == 4)
  }

  @Test("a row split on the wrong delimiter puts none of its raw text into any log")
  func wrongDelimiter() throws {
    let survey = try MiniSurvey()
    try survey.batch("id,name,phone,age,w,note\nR1,Dan,+37360000001,20,1,x\nR2;Ion Private;+37369111222;40;1;y\nR3,Eva,+37360000002,30,1,z\n")
    let result = try survey.run()
    #expect(result.status == 0, "\(result.stderr)")
    let validation = Fixtures.simpleCSV(try survey.output("validation.csv"))
    let ragged = try #require(validation.first { $0["rule"] == "ragged-row" })
    #expect(ragged["record_id"] == "")
    #expect(ragged["line"] == "3")
    let everything = try survey.allOutputs() + result.stdout + result.stderr
    for secret in Self.secrets { #expect(!everything.contains(secret), "\(secret) reached an output") }
  }

  @Test("a named pipe as input is refused at once with exit 1")
  func namedPipe() throws {
    let survey = try MiniSurvey()
    #expect(mkfifo(survey.folder.path + "/batch.csv", 0o600) == 0)
    let result = try survey.run()
    #expect(result.status == 1)
    #expect(result.stderr.contains("batch.csv: cannot read the file: it is a named pipe, not a regular file"))
  }

  @Test("UTF-16 without a byte-order mark is named as such")
  func utf16WithoutBOM() throws {
    let survey = try MiniSurvey()
    let text = "id,name,phone,age,w,note\nR1,Dan,1,20,1,x\n"
    try survey.batch(bytes: text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    let result = try survey.run()
    #expect(result.status == 1)
    #expect(result.stderr.contains("the file is UTF-16LE (no byte-order mark), which survey-pipe does not read; save it as UTF-8"))
  }

  @Test("a batch without its id column stops the run instead of dropping every record")
  func missingIDColumn() throws {
    let survey = try MiniSurvey()
    try survey.batch("name,phone,age,w,note\nDan,1,20,1,x\n")
    let result = try survey.run()
    #expect(result.status == 1)
    #expect(result.stderr.contains("batch.csv:1: the header has no column for the id variable 'id'"))
  }
}

@Suite("survey-pipe estimate: multi-line notes in columns it does not read")
struct EstimateLineBreakTests {
  @Test("a tidy file with a multi-line note column is estimated; a stray quote in a column it reads stops it")
  func notesInUnreadColumns() throws {
    let folder = try TemporaryDirectory("estimate-lines")
    let data = try folder.write("tidy.csv", "id,age,w,note\nR1,20,1,\"two\nlines\"\nR2,40,1,x\nR3,60,2,\"a\r\nb\r\nc\"\n")
    let result = try SurveyPipeBinary.run(["estimate", data, "--weight", "w", "--mean", "age", "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = Fixtures.simpleCSV(result.stdout)
    // (20·1 + 40·1 + 60·2) / 4 = 45
    #expect(rows.first?["estimate"] == "45")
    let broken = try folder.write("broken.csv", "id,age,w\nR1,\"20,1\nR2,40,1\nR3,60,2\n")
    let refused = try SurveyPipeBinary.run(["estimate", broken, "--weight", "w", "--mean", "age"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("a quote opened in column 2 ('age') on line 2 is never closed"))
  }
}
