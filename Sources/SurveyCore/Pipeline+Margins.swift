extension Pipeline {
  /// Checks the margins files of the weighting against the codebook before any data is read:
  /// every margin a step uses has rows; a numeric calibration variable (one row, empty level)
  /// is a numeric variable; the levels of a categorical variable are its codes.
  ///
  /// - Parameter margins: the files the weighting names, read, by path.
  /// - Throws: ``CoreError/invalidValue(file:line:key:problem:)`` naming the pipeline's key, or
  ///   the margins file's line.
  public func checkMargins(_ margins: [String: Margins], against codebook: Codebook) throws {
    guard let weighting else { return }
    var uses: [(step: String, file: String, variable: String, numericAllowed: Bool)] = []
    if let post = weighting.postStratify { uses.append(("poststratify", post.margins, post.variable, false)) }
    if let rake = weighting.rake { uses += rake.variables.map { ("rake", rake.margins, $0, false) } }
    if let calibrate = weighting.calibrate { uses += calibrate.variables.map { ("calibrate", calibrate.margins, $0, true) } }
    for use in uses {
      guard let file = margins[use.file] else { continue }
      let key = "weighting.\(use.step).margins"
      func fail(_ problem: String) -> CoreError {
        .invalidValue(file: self.file, line: keyLines[key] ?? weighting.line, key: key, problem: problem)
      }
      let rows = file.rows(of: use.variable)
      guard !rows.isEmpty else { throw fail("\(file.file) has no rows for '\(use.variable)'") }
      let parts = MarginName.parts(use.variable)
      if use.numericAllowed, parts.count == 1, rows.count == 1, rows[0].level.isEmpty {
        if let variable = codebook.variable(named: parts[0]), !variable.type.isNumeric {
          throw fail("'\(parts[0])' is \(variable.type.rawValue), but \(file.file) gives it one total with an empty level, as for a numeric variable; give a row per code")
        }
        continue
      }
      for row in rows {
        let levels = parts.count == 1 ? [row.level] : MarginName.parts(row.level)
        guard !row.level.isEmpty, levels.count == parts.count else {
          throw CoreError.invalidValue(
            file: file.file, line: row.line, key: "level",
            problem: row.level.isEmpty
              ? "'\(use.variable)' has a row with an empty level; \(use.step) needs one row per level"
              : "the level '\(row.level)' of the joint margin \(use.variable) needs one part per variable, separated by ':'")
        }
        for (part, level) in zip(parts, levels) {
          guard let variable = codebook.variable(named: part), variable.type == .categorical else { continue }
          if !variable.codes.contains(where: { $0.code == level }) {
            let codes = variable.codes.map(\.code).joined(separator: ", ")
            throw CoreError.invalidValue(
              file: file.file, line: row.line, key: "level",
              problem: "'\(level)' is not a code of '\(part)' (codes: \(codes)); margins give totals by code")
          }
        }
      }
    }
  }
}
