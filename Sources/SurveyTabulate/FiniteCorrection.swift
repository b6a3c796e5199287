import SurveyCore

/// The finite population correction per stratum, f_h = (N_h − n_h)/N_h, from an fpc column.
enum FiniteCorrection {
  /// Reads the fpc column as R's `svydesign` does (see ``SurveyCore/PopulationSizes``); an
  /// infinite population count means sampling with replacement (f_h = 1).
  ///
  /// - Parameters:
  ///   - column: the fpc column, or nil for none (f_h = 1: sampling with replacement).
  ///   - design: the strata and PSUs (n_h).
  /// - Returns: f_h per stratum (1 for a level without rows).
  /// - Throws: ``SurveyCore/DesignProblem`` for a bad fpc column.
  static func resolve(column name: String?, table: DataTable, design: DesignStrata) throws(DesignProblem) -> [Double] {
    guard let name else { return [Double](repeating: 1, count: design.strataCount) }
    let sizes = try PopulationSizes(column: name, table: table, design: design, finite: false)
    return sizes.population.indices.map { h in
      let sampled = Double(design.sampledPSUs(inStratum: h))
      let population = sizes.population[h]
      guard sampled > 0, !population.isInfinite else { return 1 }
      return (population - sampled) / population
    }
  }
}
