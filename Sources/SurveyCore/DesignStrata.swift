/// The strata and PSUs of a sampling design over a ``DataTable``.
///
/// PSUs are nested in strata: a PSU is identified by its (stratum, PSU id) pair, so the same PSU
/// id in two strata names two PSUs (R's `nest = TRUE`).
public struct DesignStrata: Sendable {
  /// The strata column as groups, nil when the design has no strata (one stratum of all rows).
  public let strata: GroupCodes?
  /// Per row: its stratum.
  public let stratum: [Int32]
  /// The PSUs, numbered so that those of one stratum are consecutive.
  public let psus: PSUNumbering

  /// Reads the strata column `strata` and PSU column `psu` of `table`; without a PSU column
  /// every row is its own PSU.
  ///
  /// - Throws: ``DesignProblem`` for an unknown or multi-select column, or a row without a
  ///   stratum or PSU.
  public init(table: DataTable, strata: String?, psu: String?) throws(DesignProblem) {
    let strataGroups = try Self.groups(strata, in: table)
    let ids = try Self.groups(psu, in: table)
    self.strata = strataGroups
    stratum = strataGroups?.codes ?? [Int32](repeating: 0, count: table.rowCount)
    psus = PSUNumbering(stratum: stratum, strataCount: strataGroups?.levels.count ?? 1, ids: ids)
  }

  /// The number of strata (1 without a strata column).
  public var strataCount: Int { psus.start.count - 1 }

  /// The number of sampled PSUs n_h in stratum `h` (0 for a level without rows).
  public func sampledPSUs(inStratum h: Int) -> Int { psus.start[h + 1] - psus.start[h] }

  /// The text of stratum `h` for messages, nil when the design has no strata.
  public func label(ofStratum h: Int) -> String? { strata?.levels[h] }

  /// The strata or PSU column `name` as groups, nil when the design has none; every row needs a value.
  static func groups(_ name: String?, in table: DataTable) throws(DesignProblem) -> GroupCodes? {
    guard let name else { return nil }
    guard let column = table.column(name) else { throw .unknownColumn(column: name) }
    guard let groups = GroupCodes(column) else { throw .ungroupable(column: name) }
    if let row = groups.codes.firstIndex(of: -1) {
      throw .missingValue(column: name, at: RowLocation(row: row, in: table))
    }
    return groups
  }
}
