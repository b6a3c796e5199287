import SurveyCore
import SurveyExport

extension PipelineRun {
  /// With Stata or SPSS exports, what would make the files fail at the end of a run is refused
  /// when the pipeline is loaded, naming the variable: a name neither takes (``ExportNames``),
  /// two names that differ only in case, and for SPSS more than three missing codes.
  /// Multi-select options need no check: an option whose `NAME_CODE` cannot be used is written
  /// as `NAME_k`.
  public static func checkExports(_ pipeline: Pipeline, _ codebook: Codebook) throws {
    guard pipeline.exports.contains("dta") || pipeline.exports.contains("sav") else { return }
    func fail(_ problem: String) -> CoreError {
      .invalidValue(file: pipeline.file, line: pipeline.keyLines["exports"], key: "exports", problem: problem)
    }
    let output = pipeline.outputCodebook(codebook)
    var seen: [String: String] = [weightColumnName(codebook).lowercased(): weightColumnName(codebook)]
    for variable in output.variables where !variable.pii {
      guard ExportNames.isValid(variable.name) else {
        throw fail(
          "'\(variable.name)' cannot be a Stata or SPSS variable name (ASCII letters, digits and _, starting with a letter, at most 32 characters, not a Stata reserved word): rename it in the codebook, or leave dta and sav out")
      }
      if let other = seen[variable.name.lowercased()] {
        throw fail("'\(variable.name)' and '\(other)' differ only in case, which SPSS does not tell apart: rename one")
      }
      seen[variable.name.lowercased()] = variable.name
      if pipeline.exports.contains("sav"), output.missingCodes(for: variable).count > 3 {
        throw fail("'\(variable.name)' has more than three missing codes, and SPSS holds three user-missing values: leave sav out or merge codes")
      }
    }
  }
}
