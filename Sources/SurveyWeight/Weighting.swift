import SurveyCore

/// The weighting stage: final weights per row from the design (calibration comes later).
public enum Weighting {
  /// The design weights of `table` under `spec`, as R's `svydesign` sets them.
  ///
  /// - the weight column when given;
  /// - otherwise 1 / the probability column;
  /// - otherwise, with an fpc, N_h / n_h, where n_h is the number of distinct PSUs of stratum h
  ///   and N_h the fpc as a population count, or n_h / fpc when every fpc value is at most 1
  ///   (decided once for the whole column);
  /// - otherwise 1 for every row, with a note (R warns "assuming equal probability").
  ///
  /// An fpc column is checked even when weights come from another column.
  /// - Parameters:
  ///   - spec: the design's columns.
  ///   - table: the data.
  /// - Throws: ``WeightError`` for both weight and probability, multistage designs, unknown or
  ///   non-numeric columns, and rows whose weight, probability or fpc is missing or
  ///   non-positive, whose probability is above 1, or whose fpc mixes fractions with counts,
  ///   varies within a stratum or is below the stratum's number of PSUs.
  public static func designWeights(_ spec: DesignSpec, table: DataTable) throws -> DesignWeights {
    if let weight = spec.weight, let probability = spec.probability {
      throw WeightError.weightAndProbability(weight: weight, probability: probability)
    }
    guard spec.psu.count <= 1, spec.fpc.count <= 1 else {
      throw WeightError.multistage(psuColumns: spec.psu.count, fpcColumns: spec.fpc.count)
    }
    let fpc = try spec.fpc.first.map { try populationSizes(spec, fpc: $0, table: table) }
    if let name = spec.weight {
      let values = try positiveValues(name, in: table)
      return DesignWeights(values: values, rule: .weight(column: name))
    }
    if let name = spec.probability {
      let values = try positiveValues(name, in: table)
      if let row = values.firstIndex(where: { $0 > 1 }) {
        throw WeightError.probabilityAboveOne(column: name, at: .init(row: row, in: table))
      }
      return DesignWeights(values: values.map { 1 / $0 }, rule: .probability(column: name))
    }
    if let (design, sizes) = fpc, let name = spec.fpc.first {
      let perStratum = sizes.population.indices.map { h in
        let sampled = design.sampledPSUs(inStratum: h)
        return sampled > 0 ? sizes.population[h] / Double(sampled) : 0
      }
      let values = design.stratum.map { perStratum[Int($0)] }
      return DesignWeights(values: values, rule: sizes.fractions ? .fpcFractions(column: name) : .fpcCounts(column: name))
    }
    return DesignWeights(
      values: [Double](repeating: 1, count: table.rowCount), rule: .equal,
      notes: ["no weight, probability or fpc column: every row has weight 1 (equal probability of selection, as R assumes)"])
  }

  /// The strata and PSUs of `spec` with the population sizes N_h of the fpc column `fpc`
  /// (which must be finite).
  static func populationSizes(
    _ spec: DesignSpec, fpc: String, table: DataTable
  ) throws -> (DesignStrata, PopulationSizes) {
    do throws(DesignProblem) {
      let design = try DesignStrata(table: table, strata: spec.strata, psu: spec.psu.first)
      return (design, try PopulationSizes(column: fpc, table: table, design: design, finite: true))
    } catch {
      throw WeightError(error)
    }
  }

  /// The numbers of column `name`, each present, positive and finite.
  static func positiveValues(_ name: String, in table: DataTable) throws -> [Double] {
    guard let column = table.column(name) else { throw WeightError.unknownColumn(column: name) }
    guard let values = column.numbers else { throw WeightError.notNumeric(column: name) }
    for row in values.indices {
      guard column.state[row] == .present else {
        throw WeightError.missingValue(column: name, at: .init(row: row, in: table))
      }
      guard values[row] > 0, values[row].isFinite else {
        throw WeightError.nonPositive(column: name, at: .init(row: row, in: table))
      }
    }
    return values
  }
}
