import SurveyCore
import Testing

@testable import SurveyDesign

@Suite("Design: the weighting steps in the weight stage's artifact")
struct VarianceAdjustmentArtifactTests {
  static func encode(_ adjustment: VarianceAdjustment) -> [UInt8] {
    var writer = ArtifactWriter()
    adjustment.write(to: &writer)
    return writer.bytes
  }

  /// Writes, reads back, and checks the bytes of the copy are those of the original.
  static func roundTrip(_ adjustment: VarianceAdjustment) throws -> VarianceAdjustment {
    let bytes = encode(adjustment)
    var reader = ArtifactReader(bytes: bytes, file: "weight.artifact")
    let copy = try VarianceAdjustment(reading: &reader)
    #expect(reader.atEnd)
    #expect(encode(copy) == bytes)
    return copy
  }

  @Test("post-stratification, raking and calibration read back whole")
  func everyKind() throws {
    let post = try Self.roundTrip(
      .postStratification(
        PostStratumAdjustment(variable: "sex:age", cell: [0, 1, -1], cellCount: 2, weightsBefore: [1.5, 2, 0], reweight: [3, 0.25])))
    guard case .postStratification(let p) = post else { throw Failure() }
    #expect(p.variable == "sex:age" && p.cell == [0, 1, -1] && p.cellCount == 2 && p.reweight == [3, 0.25])

    let margin = RakingAdjustment.Margin(variable: "region", levelOfCell: [0, 1], levelCount: 2, cellFactor: [1.1, 0.9])
    let raking = try Self.roundTrip(.raking(RakingAdjustment(cell: [1, 0, -1], weightsBefore: [1, 2, 0], margins: [margin, margin])))
    guard case .raking(let r) = raking else { throw Failure() }
    #expect(r.margins.count == 2 && r.margins[1].cellFactor == [1.1, 0.9] && r.cell == [1, 0, -1])

    let sex = CalibrationModel.Factor(name: "sex", codes: [0, 1, 1], levels: ["F", "M"])
    let age = CalibrationModel.Factor(name: "age", codes: [2, 1, 0], levels: ["young", "mid", "old"])
    let income = CalibrationModel.Numeric(name: "income", values: [10, 20, 30])
    let model = CalibrationModel(factors: [sex, age], numerics: [income], variables: [.categorical([0, 1]), .numeric(0)])
    let calibration = try Self.roundTrip(
      .calibration(CalibrationAdjustment(model: model, weightsBefore: [1, 2, 3], g: [0.5, 1, 1.5])))
    guard case .calibration(let c) = calibration else { throw Failure() }
    #expect(c.model.names == model.names)
    #expect(c.model.terms == model.terms)
    var original = [Double](repeating: 0, count: model.count)
    var copy = original
    for row in 0..<3 {
      model.features(row: row, into: &original)
      c.model.features(row: row, into: &copy)
      #expect(copy == original)
    }
    #expect(c.g == [0.5, 1, 1.5])
  }

  @Test("an unknown kind of step is a corrupt artifact")
  func unknownKind() {
    var reader = ArtifactReader(bytes: [7], file: "weight.artifact")
    #expect(throws: CoreError.self) { _ = try VarianceAdjustment(reading: &reader) }
  }

  struct Failure: Error {}
}
