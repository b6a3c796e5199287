import Foundation
import Testing

@testable import SurveyFuzz

/// Every seed and every regression input of fixtures/fuzz/<target>/, as `(target, path)` pairs
/// (paths relative to the repository, so test names stay short).
func fuzzInputs(_ target: String) -> [String] {
  let root = FuzzInputs.repository.path + "/"
  return ["seeds", "regressions"].flatMap { FuzzInputs.files(at: FuzzInputs.folder(target, $0)) }
    .map { String($0.dropFirst(root.count)) }
}

func bytes(_ relative: String) throws -> [UInt8] {
  Array(try Data(contentsOf: URL(fileURLWithPath: FuzzInputs.path(relative))))
}

/// The committed inputs through the same entry libFuzzer uses, without the sanitizer: every crash
/// the fuzzers ever found stays fixed.
@Suite("Fuzz inputs replayed")
struct FuzzReplayTests {
  static let csv = try! CSVFuzzTarget()
  static let expression = try! ExpressionFuzzTarget()
  static let yaml = try! YAMLFuzzTarget()

  @Test("CSV seeds and regressions", arguments: fuzzInputs("csv"))
  func csv(file: String) throws {
    #expect(Self.csv.violations(of: try bytes(file)) == [])
  }

  @Test("expression seeds and regressions", arguments: fuzzInputs("expression"))
  func expression(file: String) throws {
    #expect(Self.expression.violations(of: try bytes(file)) == [])
  }

  @Test("YAML seeds and regressions", arguments: fuzzInputs("yaml"))
  func yaml(file: String) throws {
    #expect(Self.yaml.violations(of: try bytes(file)) == [])
  }

  @Test("every target has seeds", arguments: ["csv", "expression", "yaml"])
  func seeds(target: String) {
    #expect(!FuzzInputs.files(at: FuzzInputs.folder(target, "seeds")).isEmpty)
  }
}
