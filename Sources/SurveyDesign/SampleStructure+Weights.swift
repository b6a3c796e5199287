extension SampleStructure {
  /// The weights the fpcs imply when no weight or probability column is given, as R's
  /// `svydesign` sets them: the product over stages of N/n for the row's stratum at each stage
  /// (with fractions, the product of 1/fraction). Nil without fpc columns.
  public func impliedWeights() -> [Double]? {
    guard fpcFractions != nil else { return nil }
    var weights = [Double](repeating: 1, count: rowCount)
    var rowStratum = stratum
    for stage in stages {
      guard let population = stage.population else { return nil }
      let perStratum = population.indices.map { h in
        let sampled = stage.sampledUnits(inStratum: h)
        return sampled > 0 ? population[h] / Double(sampled) : 0
      }
      for row in 0..<rowCount { weights[row] *= perStratum[Int(rowStratum[row])] }
      rowStratum = stage.units.unit
    }
    return weights
  }
}
