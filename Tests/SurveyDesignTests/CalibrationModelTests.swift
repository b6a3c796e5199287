import Testing

@testable import SurveyDesign

@Suite("Design: calibration model matrix in R's basis")
struct CalibrationModelTests {
  /// sex (F, M), age (young, mid, old), income numeric; three rows.
  let sex = CalibrationModel.Factor(name: "sex", codes: [0, 1, 1], levels: ["F", "M"])
  let age = CalibrationModel.Factor(name: "age", codes: [2, 1, 0], levels: ["young", "mid", "old"])
  let income = CalibrationModel.Numeric(name: "income", values: [10, 20, 30])

  @Test("main effects and a numeric variable: intercept, treatment dummies, values")
  func mainEffects() {
    let model = CalibrationModel(factors: [sex, age], numerics: [income], variables: [.categorical([0]), .numeric(0), .categorical([1])])
    // R: model.matrix(~sex + income + age): (Intercept), sexM, income, agemid, ageold.
    #expect(model.names == ["(Intercept)", "sexM", "income", "agemid", "ageold"])
    var row = [Double](repeating: 0, count: model.count)
    model.features(row: 1, into: &row)
    #expect(row == [1, 1, 20, 1, 0])
    model.features(row: 0, into: &row)
    #expect(row == [1, 0, 10, 0, 1])
  }

  @Test("a joint variable brings its main effects and the interaction, as R's a*b")
  func joint() {
    let model = CalibrationModel(factors: [sex, age], numerics: [], variables: [.categorical([0, 1])])
    // R: model.matrix(~sex*age): (Intercept), sexM, agemid, ageold, sexM:agemid, sexM:ageold.
    #expect(model.names == ["(Intercept)", "sexM", "agemid", "ageold", "sexM:agemid", "sexM:ageold"])
    var row = [Double](repeating: 0, count: model.count)
    model.features(row: 1, into: &row)
    #expect(row == [1, 1, 1, 0, 1, 0])
    // A variable named again (alone after the joint) adds no column.
    let again = CalibrationModel(factors: [sex, age], numerics: [], variables: [.categorical([0, 1]), .categorical([0])])
    #expect(again.names == model.names)
    #expect(model.keeping(columns: [0, 1]).names == ["(Intercept)", "sexM"])
  }
}
