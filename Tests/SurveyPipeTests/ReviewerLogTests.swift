import Foundation
import Testing
import _SurveyTestSupport

/// End-to-end: what the logs for reviewers show of numbers, formulas, huge cells, floods of
/// findings and conflicting decisions.
@Suite("survey-pipe run: logs for reviewers", .serialized)
struct ReviewerLogTests {
  static let codebook = """
    survey: logs
    id: respondent_id
    variables:
      - {name: respondent_id, type: text, required: true, unique: true}
      - {name: phone, type: text, pii: true}
      - {name: sex, type: categorical, codes: {1: Male, 2: Female}}
      - {name: score, type: integer, range: [0, 10]}
      - {name: note, type: text}
    """

  /// A run folder from a batch with a negative number, a formula and a 1 MB id, a batch with
  /// 5,000 unknown columns, and a decisions file that drops one record twice.
  static func run(_ folder: TemporaryDirectory) throws -> (ProcessOutput, URL) {
    let hugeID = String(repeating: "A", count: 1 << 20)
    let codebook = try folder.write("codebook.yml", Self.codebook)
    let first = try folder.write(
      "b1.csv",
      """
      respondent_id,phone,sex,score,note
      R1,+37360000001,1,-5,fine
      R2,+37360000002,"=HYPERLINK(""http://example.org"",""open"")",3,ok
      \(hugeID),+37360000003,1,11,long id
      R4,+37360000004,2,4,keep

      """)
    let extra = (1...5000).map { "extra\($0)" }
    let second = try folder.write(
      "wide.csv",
      "respondent_id,sex,score," + extra.joined(separator: ",") + "\n"
        + "R5,1,5," + extra.map { _ in "x" }.joined(separator: ",") + "\n")
    let decisions = try folder.write(
      "decisions.csv",
      "record_id,variable,old_value,action,new_value,comment\nR4,,,drop,,not eligible\nR4,score,4,drop,,duplicate interview\n")
    let pipeline = try folder.write(
      "p.yml",
      """
      name: logs
      codebook: \(codebook)
      inputs: [\(first), \(second)]
      clean: {decisions: \(decisions)}
      output: \(folder.path)/out

      """)
    let result = try SurveyPipeBinary.run(["run", pipeline, "--quiet"])
    return (result, folder.url.appendingPathComponent("out"))
  }

  @Test("numbers shown as they are, formulas neutralised, huge cells cut, floods summarised, conflicts reported")
  func reviewerLogs() throws {
    let folder = try TemporaryDirectory("logs")
    let (result, out) = try Self.run(folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("logs: 5 records read, 5 kept, 0 dropped"))
    func read(_ name: String) throws -> String {
      String(decoding: try Data(contentsOf: out.appendingPathComponent(name)), as: UTF8.self)
    }
    let validation = try read("validation.csv")
    // Each row without its finding id (a hash of what the finding is about).
    let rows = validation.split(separator: "\n").map { String($0.drop { $0 != "," }.dropFirst()) }

    // -5 is a number, shown as it arrived; the formula is neutralised.
    #expect(rows.contains("error,range,score,R1,b1.csv,2,-5,score is outside the range 0 to 10,"))
    #expect(!validation.contains("'-5"))
    #expect(
      rows.contains(
        "error,code,sex,R2,b1.csv,3,\"'=HYPERLINK(\"\"http://example.org\"\",\"\"open\"\")\",\"sex is not one of its codes (1, 2)\","
      ))
    let cleaning = try read("cleaning-log.csv")
    #expect(cleaning.contains("R1,score,-5,,range,b1.csv,2\n"))

    // The 1 MB id is cut in every log, whole in the tidy data.
    let shownID = String(repeating: "A", count: 200) + "…[1048576 bytes]"
    for name in ["validation.csv", "validation.jsonl", "validation.html", "cleaning-log.csv"] {
      let text = try read(name)
      #expect(text.contains(shownID), "\(name) does not show the cut id")
      #expect(!text.contains(String(repeating: "A", count: 201)), "\(name) holds more of the huge id")
      #expect(text.utf8.count < 100_000, "\(name) is \(text.utf8.count) bytes")
    }
    let tidy = try read("tidy/survey.csv")
    #expect(tidy.contains("\n" + String(repeating: "A", count: 1 << 20) + ",1,,long id\n"))

    // 5,000 unknown columns: one summary finding.
    let unknown = rows.filter { $0.contains(",unknown-column,") }
    #expect(unknown.count == 1)
    #expect(
      unknown.first?.hasSuffix(
        "warning,unknown-column,,,wide.csv,1,,\"5000 columns match no variable of the codebook; their values are not read; the first 5: 'extra1', 'extra2', 'extra3', 'extra4', 'extra5'\","
      ) == true)

    // Dropping R4 twice: two errors naming each other's line; R4 is not dropped.
    let conflicts = rows.filter { $0.contains(",decision-conflict,") }
    #expect(conflicts.count == 2)
    #expect(conflicts.first?.hasPrefix("error,decision-conflict,,R4,decisions.csv,2,,\"the decision on line 3 also drops this record") == true)
    #expect(conflicts.last?.hasPrefix("error,decision-conflict,score,R4,decisions.csv,3,,\"the decision on line 2 also drops this record") == true)
    #expect(tidy.contains("\nR4,2,4,keep\n"))
    #expect(!cleaning.contains(",decision,"))
    #expect(!tidy.contains("+373"))

    // validation.html shows the raw line of each record a finding is about, the phone masked.
    let html = try read("validation.html")
    #expect(html.contains("\"R1,•••,1,-5,fine\""))
    #expect(!html.contains("+373"))
    // Every finding id is F and ten hex digits.
    let ids = validation.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } }
    let hex = Set("0123456789abcdef")
    #expect(ids.allSatisfy { $0.count == 11 && $0.first == "F" && $0.dropFirst().allSatisfy(hex.contains) })
  }
}
