extension Pipeline {
  /// With Stata or SPSS exports, every exported variable name must be one both accept: letters,
  /// digits and `_`, starting with a letter or `_`, at most 32 characters (a multi-select's
  /// `NAME_CODE` variables included). Checked when the pipeline is loaded, so that a run does not
  /// fail at its end.
  ///
  /// - Parameter codebook: the codebook with the pipeline's new variables (`outputCodebook`).
  func checkExportNames(_ codebook: Codebook) throws {
    guard exports.contains("dta") || exports.contains("sav") else { return }
    for variable in codebook.variables where !variable.pii {
      let names = variable.type == .multiple ? variable.codes.map { "\(variable.name)_\($0.code)" } : [variable.name]
      for name in names where !Self.isExportName(name) {
        throw CoreError.invalidValue(
          file: file, line: keyLines["exports"], key: "exports",
          problem: "'\(name)' cannot be a Stata or SPSS variable name (letters, digits and _, not starting with a digit, at most 32 characters): rename '\(variable.name)' in the codebook, or leave dta and sav out")
      }
    }
  }

  /// Letters (ASCII), digits and `_`, not starting with a digit, 1 to 32 characters.
  static func isExportName(_ name: String) -> Bool {
    let scalars = Array(name.unicodeScalars)
    guard (1...32).contains(scalars.count), let first = scalars.first, !("0"..."9").contains(first) else { return false }
    return scalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
  }
}
