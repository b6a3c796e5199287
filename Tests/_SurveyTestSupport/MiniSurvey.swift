import Foundation

/// A small survey in a temporary folder for end-to-end runs: a codebook with an id, a `pii`
/// name and phone, an age, a decimal weight and a free-text note whose answers may span lines,
/// a pipeline with a mean-of-age table, and the batch files a test writes.
public final class MiniSurvey: @unchecked Sendable {
  // `@unchecked Sendable`: immutable after `init`; the folder is used by one test at a time.
  public let folder: TemporaryDirectory
  public let pipeline: String
  /// Where `run` writes (`<folder>/out`).
  public var out: String { folder.path + "/out" }

  /// The header every batch uses unless a test writes another.
  public static let header = "id,name,phone,age,w,note"

  public init(inputs: [String] = ["batch.csv"], extraPipeline: String = "") throws {
    folder = try TemporaryDirectory("mini-survey")
    try folder.write(
      "codebook.yml",
      """
      survey: mini
      id: id
      variables:
        - {name: id, type: text, required: true, unique: true}
        - {name: name, type: text, pii: true}
        - {name: phone, type: text, pii: true}
        - {name: age, type: integer, range: [0, 120]}
        - {name: w, type: decimal}
        - {name: note, type: text, line_breaks: true}
      """)
    pipeline = try folder.write(
      "pipeline.yml",
      """
      name: mini
      codebook: codebook.yml
      inputs: [\(inputs.joined(separator: ", "))]
      design: {weight: w}
      tables:
        - {name: age_mean, mean: age}
      output: out
      \(extraPipeline)
      """)
  }

  /// Writes a batch file.
  @discardableResult
  public func batch(_ text: String, name: String = "batch.csv") throws -> String {
    try folder.write(name, text)
  }

  /// Writes a batch file from raw bytes.
  @discardableResult
  public func batch(bytes: [UInt8], name: String = "batch.csv") throws -> String {
    try folder.write(name, bytes: bytes)
  }

  /// Runs `survey-pipe run` on the pipeline.
  public func run(_ extra: [String] = []) throws -> ProcessOutput {
    try SurveyPipeBinary.run(["run", pipeline, "--out", out, "--quiet"] + extra)
  }

  /// A file of the run folder as text.
  public func output(_ name: String) throws -> String {
    try String(contentsOfFile: out + "/" + name, encoding: .utf8)
  }

  /// Every file of the run folder, concatenated (to search for what must not be there).
  public func allOutputs() throws -> String {
    let enumerator = FileManager.default.enumerator(atPath: out)!
    var text = ""
    for case let name as String in enumerator {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: out + "/" + name, isDirectory: &isFolder), !isFolder.boolValue {
        text += String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: out + "/" + name))) ?? Data(), as: UTF8.self)
      }
    }
    return text
  }

  /// `run.json` parsed.
  public func manifest() throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
  }
}
