import SurveyCore

/// The sampling structure of a design over a ``SurveyCore/DataTable``: strata, the units of
/// every stage and their population sizes, resolved once and shared by the weighting and the
/// estimation stages.
///
/// As R's `svydesign(ids = ~psu + ssu, strata = ~h, fpc = ~f1 + f2)`: one PSU column per stage
/// (none: every row is its own PSU), the first stage stratified, later stages sampled within the
/// units of the stage before, and an fpc per stage (none: sampling with replacement, whose
/// variance is the first stage's alone, R's "ultimate cluster").
public struct SampleStructure: Sendable {
  /// The design's columns.
  public let spec: DesignSpec
  /// The stages, first to last.
  public let stages: [SampleStage]
  /// Per row: its first-stage stratum.
  public let stratum: [Int32]
  /// The fpc columns hold sampling fractions (nil without fpc columns).
  public let fpcFractions: Bool?

  /// Resolves `spec` over `table`.
  ///
  /// - Throws: ``DesignError`` for an unknown or multi-select strata or PSU column, a row without
  ///   a stratum, unit or fpc, a non-numeric or non-positive fpc, fpc columns that mix fractions
  ///   and counts, an fpc that varies within a stratum or is below the number of units sampled
  ///   there, a number of fpc columns other than 0 or one per stage, or a single PSU without
  ///   strata (R refuses it too).
  public init(table: DataTable, spec: DesignSpec) throws(DesignError) {
    self.spec = spec
    let strata = try Self.groups(spec.strata, in: table)
    stratum = strata?.codes ?? [Int32](repeating: 0, count: table.rowCount)
    let stageCount = max(1, spec.psu.count)
    if !spec.fpc.isEmpty, spec.fpc.count != stageCount {
      throw .fpcStages(fpcColumns: spec.fpc.count, stages: stageCount)
    }
    let fpc = try FPCColumns(names: spec.fpc, table: table)
    fpcFractions = spec.fpc.isEmpty ? nil : fpc.fractions

    var stages: [SampleStage] = []
    var rowStratum = stratum
    var strataCount = strata?.levels.count ?? 1
    var labels: [String]? = strata?.levels
    for number in 1...stageCount {
      let column = spec.psu.count >= number ? spec.psu[number - 1] : nil
      let ids = try Self.groups(column, in: table)
      let units = UnitNumbering(stratum: rowStratum, strataCount: strataCount, ids: ids)
      let population = try fpc.population(
        stage: number, rowStratum: rowStratum, units: units, labels: labels, table: table)
      stages.append(
        SampleStage(number: number, unitColumn: column, units: units, population: population, strataLabels: labels))
      // The next stage is sampled within each unit of this one.
      rowStratum = units.unit
      strataCount = units.stratumOfUnit.count
      labels = units.firstRow.map { row in
        let text = ids.map { $0.levels[Int($0.codes[Int(row)])] } ?? "row \(row + 1)"
        return column.map { "\($0)=\(text)" } ?? text
      }
    }
    self.stages = stages
    // As R's svydesign: one PSU without strata is most likely a mistake in the PSU column.
    if spec.strata == nil, !spec.census, stages[0].unitCount == 1, table.rowCount > 0 {
      throw .singlePSU(column: spec.psu.first)
    }
  }

  /// The number of rows.
  public var rowCount: Int { stratum.count }

  /// The number of stages whose variance is added up, as R's `svyrecvar` does: every stage when
  /// fpc columns are given, otherwise the first stage alone (with-replacement sampling of PSUs).
  public var varianceStageCount: Int { spec.fpc.isEmpty ? 1 : stages.count }

  /// The first stage.
  public var first: SampleStage { stages[0] }

  /// The strata or unit column `name` as groups, nil when the design has none; every row needs
  /// a value.
  static func groups(_ name: String?, in table: DataTable) throws(DesignError) -> GroupCodes? {
    guard let name else { return nil }
    guard let column = table.column(name) else { throw .unknownColumn(column: name) }
    guard let groups = GroupCodes(column) else { throw .ungroupable(column: name) }
    if let row = groups.codes.firstIndex(of: -1) {
      throw .missingValue(column: name, at: RowLocation(row: row, in: table))
    }
    return groups
  }
}
