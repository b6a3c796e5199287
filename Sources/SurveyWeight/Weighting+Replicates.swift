import Foundation
import SurveyCore
import SurveyDesign

extension Weighting {
  /// The replicate weights `spec` asks for: made from the design's strata and PSUs, or read from
  /// the data's columns; then, when the design has weighting steps, every step applied again to
  /// each replicate's weights (R's `postStratify`, `rake`, `calibrate` of a replicate design),
  /// which makes the replicates row by row.
  ///
  /// - Throws: ``SurveyDesign/DesignError`` where the replicates cannot be made, and what a step
  ///   throws on a replicate's weights.
  static func replicateWeights(
    _ spec: ReplicateSpec, structure: SampleStructure, table: DataTable, designWeights: [Double], final: [Double],
    replays: [@Sendable ([Double]) throws -> [Double]]
  ) throws -> ReplicateWeights {
    if spec.isSupplied, structure.spec.weight == nil { throw DesignError.replicatesNeedWeight }
    let base =
      spec.isSupplied
      ? try ReplicateWeights.supplied(spec, table: table, weights: designWeights)
      : try ReplicateWeights.make(spec.method, structure: structure, mse: spec.mse, seed: spec.seed)
    guard !replays.isEmpty else { return base }
    let count = base.count
    return try base.reweighted(final: final) { r in
      var weights = base.replicateWeights(r, of: designWeights)
      do {
        for replay in replays { weights = try replay(weights) }
      } catch {
        let problem = (error as? any LocalizedError)?.errorDescription ?? "\(error)"
        throw DesignError.replicateStep(replicate: r + 1, of: count, problem: problem)
      }
      return weights
    }
  }
}
