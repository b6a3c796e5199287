import Foundation
import Testing
import _SurveyTestSupport

/// Numbers that cannot be held are findings, and sums that overflow stop the command: nothing
/// is rounded, turned into 0 or infinity, or left blank without a word.
@Suite("numbers that cannot be held, sums that overflow")
struct NumberTests {
  static let codebook = """
    survey: s
    id: rid
    variables:
      - {name: rid, type: text}
      - {name: phone, type: integer, pii: true}
      - {name: count, type: integer}
      - {name: income, type: decimal}
      - {name: w, type: decimal}
    """

  /// A folder with the codebook, `data` as a.csv and a pipeline p.yml with one total of income.
  func pipeline(_ data: String) throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory("numbers")
    try folder.write("c.yml", Self.codebook)
    try folder.write("a.csv", data)
    try folder.write(
      "p.yml", "name: p\ncodebook: c.yml\ninputs: [a.csv]\ndesign: {weight: w}\ntables:\n  - {name: income_total, total: income}\n")
    return folder
  }

  @Test("run: each value that cannot be held is a finding in validation.csv, and is not in the tidy data")
  func findings() throws {
    let folder = try pipeline(
      """
      rid,phone,count,income,w
      R1,37369123456789012,9007199254740992,1.5,1
      R2,1,9007199254740993,1e-400,1
      R3,2,1e308,1e400,1
      R4,3,1.5e3,nan,1
      R5,4,0x1p3,+2,1

      """)
    let result = try SurveyPipeBinary.run(["run", "p.yml", "--out", "out", "--quiet"], in: folder.path)
    #expect(result.status == 0, "\(result.stderr)")
    // Each row without its finding id (a hash of what the finding is about).
    let validation = try folder.read("out/validation.csv").split(separator: "\n")
      .map { String($0.drop { $0 != "," }.dropFirst()) }
    let exactly = "too large to hold exactly (whole numbers are held exactly up to ±9007199254740992, that is 2^53)"
    #expect(validation.contains("error,type,phone,R1,a.csv,2,,\"phone is \(exactly)\","))
    #expect(validation.contains("error,type,count,R2,a.csv,3,9007199254740993,\"count is \(exactly)\","))
    #expect(validation.contains { $0.hasPrefix("error,type,income,R2,a.csv,3,1e-400,\"income is too small to hold") })
    #expect(validation.contains("error,type,count,R3,a.csv,4,1e308,\"count is \(exactly)\","))
    #expect(validation.contains { $0.hasPrefix("error,type,income,R3,a.csv,4,1e400,\"income is too large to hold") })
    #expect(validation.contains("error,type,income,R4,a.csv,5,nan,income is not a number,"))
    #expect(validation.contains("error,type,count,R5,a.csv,6,0x1p3,count is not a whole number,"))
    #expect(validation.count == 8)
    let tidy = try folder.read("out/tidy/survey.csv").split(separator: "\n").map(String.init)
    #expect(tidy.contains("R1,9007199254740992,1.5,1,1"))
    #expect(tidy.contains("R2,,,1,1"))
    #expect(tidy.contains("R4,1500,,1,1"))
    #expect(tidy.contains("R5,,2,1,1"))
    // The personal-data value is in no output.
    for file in try FileManager.default.subpathsOfDirectory(atPath: folder.url.appendingPathComponent("out").path) {
      let path = folder.url.appendingPathComponent("out").appendingPathComponent(file).path
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
      #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("37369123456789012"), "\(file)")
    }
  }

  @Test("run: a total that overflows fails its table (exit 1), naming the table and the variable; the logs are written")
  func runOverflow() throws {
    let folder = try pipeline("rid,phone,count,income,w\nR1,1,1,1e306,1000\nR2,2,2,2e306,1000\n")
    let result = try SurveyPipeBinary.run(["run", "p.yml", "--out", "out", "--quiet"], in: folder.path)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "p.yml:6: tables: income_total: the total of 'income' cannot be computed: its sum of weight × value goes beyond ±1.8e308"),
      "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/tables").path))
    #expect(try folder.read("out/validation.csv").contains(",error,table-failed,income,,p.yml,6,,\"tables: income_total: the total"))
    #expect(try folder.read("out/run.json").contains("\"status\": \"failed\""))
  }

  @Test("estimate: a variance that overflows is exit 1 naming the estimate, with no table printed")
  func estimateOverflow() throws {
    let folder = try TemporaryDirectory("numbers")
    let path = try folder.write("big.csv", "w,y\n1000,1e300\n1000,2e300\n1000,3e300\n")
    let result = try SurveyPipeBinary.run(["estimate", path, "--weight", "w", "--total", "y"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("the total of 'y' cannot be computed: its variance goes beyond ±1.8e308"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test("estimate: a value too small to hold stops it, naming file, line and why, not the value")
  func estimateTooSmall() throws {
    let folder = try TemporaryDirectory("numbers")
    let path = try folder.write("small.csv", "w,y\n1,2\n1,1e-400\n")
    let result = try SurveyPipeBinary.run(["estimate", path, "--weight", "w", "--mean", "y"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("small.csv:3: the column 'y' holds a value that is too small to hold"), "\(result.stderr)")
    #expect(!result.stderr.contains("1e-400"))
  }
}
