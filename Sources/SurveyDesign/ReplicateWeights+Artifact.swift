import SurveyCore

/// Replicate weights written into the weight stage's artifact (docs/stages.md), so that
/// tabulation, run on its own, estimates with the very same replicates (a bootstrap's draws
/// included).
extension ReplicateWeights {
  public func write(to writer: inout ArtifactWriter) {
    switch method {
    case .jk1: writer.byte(0)
    case .jkn: writer.byte(1)
    case .brr: writer.byte(2)
    case .fay(let rho):
      writer.byte(3)
      writer.double(rho)
    case .bootstrap(let replicates):
      writer.byte(4)
      writer.int(replicates)
    case .other: writer.byte(5)
    }
    writer.double(scale)
    writer.plain(rscales)
    writer.bool(mse)
    writer.plain(unitOfRow)
    writer.int(unitCount)
    writer.plain(factors)
    writer.bool(unitIsRow)
    writer.strings(notes)
    writer.string(origin)
    writer.bool(jackknife != nil)
    if let jackknife {
      writer.plain(jackknife.stratumOfUnit)
      writer.plain(jackknife.sizes)
      writer.plain(jackknifePSU ?? [])
    }
  }

  public init(reading reader: inout ArtifactReader) throws(CoreError) {
    let method: ReplicateMethod
    switch try reader.byte() {
    case 0: method = .jk1
    case 1: method = .jkn
    case 2: method = .brr
    case 3: method = .fay(rho: try reader.double())
    case 4: method = .bootstrap(replicates: try reader.count())
    case 5: method = .other
    default: throw reader.corrupt("a replicate method")
    }
    let scale = try reader.double()
    let rscales: [Double] = try reader.plain()
    let mse = try reader.bool()
    let unitOfRow: [Int32] = try reader.plain()
    let unitCount = try reader.count()
    let factors: [Double] = try reader.plain()
    guard factors.count == rscales.count * unitCount, unitOfRow.allSatisfy({ $0 >= 0 && Int($0) < unitCount }) else {
      throw reader.corrupt("the replicate weights")
    }
    self.init(
      method: method, scale: scale, rscales: rscales, mse: mse, unitOfRow: unitOfRow, unitCount: unitCount, factors: factors,
      unitIsRow: try reader.bool(), notes: try reader.strings(), origin: try reader.string())
    if try reader.bool() {
      let layout = JackknifeLayout(stratumOfUnit: try reader.plain(), sizes: try reader.plain())
      guard layout.stratumOfUnit.allSatisfy({ $0 < layout.sizes.count }) else {
        throw reader.corrupt("the jackknife's strata")
      }
      jackknife = layout
      let psus: [Int32] = try reader.plain()
      if !psus.isEmpty {
        guard psus.count == unitOfRow.count, psus.allSatisfy({ $0 >= 0 && Int($0) < layout.stratumOfUnit.count }) else {
          throw reader.corrupt("the jackknife's PSUs")
        }
        jackknifePSU = psus
      }
    }
  }
}
