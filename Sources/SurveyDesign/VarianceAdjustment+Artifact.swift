import SurveyCore

/// The weighting steps that change the variance, written into the weight stage's artifact
/// (docs/stages.md) so that tabulation, run on its own, estimates with the very same design.
extension VarianceAdjustment {
  public func write(to writer: inout ArtifactWriter) {
    switch self {
    case .postStratification(let a):
      writer.byte(0)
      writer.string(a.variable)
      writer.plain(a.cell)
      writer.int(a.cellCount)
      writer.plain(a.weightsBefore)
      writer.plain(a.reweight)
    case .raking(let a):
      writer.byte(1)
      writer.plain(a.cell)
      writer.plain(a.weightsBefore)
      writer.int(a.margins.count)
      for margin in a.margins {
        writer.string(margin.variable)
        writer.plain(margin.levelOfCell)
        writer.int(margin.levelCount)
        writer.plain(margin.cellFactor)
      }
    case .calibration(let a):
      writer.byte(2)
      a.model.write(to: &writer)
      writer.plain(a.weightsBefore)
      writer.plain(a.g)
    }
  }

  public init(reading reader: inout ArtifactReader) throws(CoreError) {
    switch try reader.byte() {
    case 0:
      self = .postStratification(
        PostStratumAdjustment(
          variable: try reader.string(), cell: try reader.plain(), cellCount: try reader.count(),
          weightsBefore: try reader.plain(), reweight: try reader.plain()))
    case 1:
      let cell: [Int32] = try reader.plain()
      let before: [Double] = try reader.plain()
      var margins: [RakingAdjustment.Margin] = []
      for _ in 0..<(try reader.count()) {
        margins.append(
          RakingAdjustment.Margin(
            variable: try reader.string(), levelOfCell: try reader.plain(), levelCount: try reader.count(),
            cellFactor: try reader.plain()))
      }
      self = .raking(RakingAdjustment(cell: cell, weightsBefore: before, margins: margins))
    case 2:
      self = .calibration(
        CalibrationAdjustment(model: try CalibrationModel(reading: &reader), weightsBefore: try reader.plain(), g: try reader.plain()))
    default:
      throw reader.corrupt("a weighting step is unknown")
    }
  }
}

extension CalibrationModel {
  func write(to writer: inout ArtifactWriter) {
    writer.int(factors.count)
    for factor in factors {
      writer.string(factor.name)
      writer.plain(factor.codes)
      writer.strings(factor.levels)
    }
    writer.int(numerics.count)
    for numeric in numerics {
      writer.string(numeric.name)
      writer.plain(numeric.values)
    }
    writer.int(terms.count)
    for term in terms {
      switch term {
      case .intercept: writer.byte(0)
      case .indicator(let factors, let levels):
        writer.byte(1)
        writer.plain(factors)
        writer.plain(levels)
      case .numeric(let index):
        writer.byte(2)
        writer.int(index)
      }
    }
    writer.strings(names)
  }

  init(reading reader: inout ArtifactReader) throws(CoreError) {
    var factors: [Factor] = []
    for _ in 0..<(try reader.count()) {
      factors.append(Factor(name: try reader.string(), codes: try reader.plain(), levels: try reader.strings()))
    }
    var numerics: [Numeric] = []
    for _ in 0..<(try reader.count()) { numerics.append(Numeric(name: try reader.string(), values: try reader.plain())) }
    var terms: [Term] = []
    for _ in 0..<(try reader.count()) {
      switch try reader.byte() {
      case 0: terms.append(.intercept)
      case 1: terms.append(.indicator(factors: try reader.plain(), levels: try reader.plain()))
      case 2: terms.append(.numeric(try reader.int()))
      default: throw reader.corrupt("a calibration term is unknown")
      }
    }
    let names = try reader.strings()
    guard names.count == terms.count else { throw reader.corrupt("the calibration model's names do not match") }
    self.init(factors: factors, numerics: numerics, terms: terms, names: names)
  }
}
