import SurveyCore
import SurveyDesign
import _SurveyTestSupport

@testable import SurveyTabulate

/// The tiny design worked by hand in the tests: two strata, five PSUs, an fpc of counts.
///
/// ```
/// row  h  psu  w  y  N  g
///  0   A  a1   1  2  4  x
///  1   A  a1   1  4  4  y
///  2   A  a2   2  6  4  x
///  3   B  b1   3  1  6  y
///  4   B  b2   3  3  6  x
///  5   B  b3   3  5  6  y
/// ```
/// With `lonely: true` a seventh row adds stratum C with a single PSU c1 (w 4, y `lonelyY`,
/// N `lonelyN`, g y).
func tinyTable(lonely: Bool = false, lonelyY: Double? = 10, lonelyN: Double = 8) -> DataTable {
  var h = ["A", "A", "A", "B", "B", "B"]
  var psu = ["a1", "a1", "a2", "b1", "b2", "b3"]
  var w: [Double] = [1, 1, 2, 3, 3, 3]
  var y: [Double?] = [2, 4, 6, 1, 3, 5]
  var n: [Double?] = [4, 4, 4, 6, 6, 6]
  var g = ["x", "y", "x", "y", "x", "y"]
  if lonely {
    h.append("C")
    psu.append("c1")
    w.append(4)
    y.append(lonelyY)
    n.append(lonelyN)
    g.append("y")
  }
  return testTable(
    [
      codeColumn("h", h), codeColumn("psu", psu), numberColumn("w", w), numberColumn("y", y), numberColumn("N", n),
      codeColumn("g", g), textColumn("id", (1...h.count).map { "R\($0)" }),
    ], id: "id")
}

/// The tiny design with its weights taken from column `w`.
func tinyDesign(
  lonely: Bool = false, lonelyY: Double? = 10, lonelyN: Double = 8, rule: LonelyPSU = .fail, fpc: [String] = ["N"]
) -> SurveyDesignFixture {
  let table = tinyTable(lonely: lonely, lonelyY: lonelyY, lonelyN: lonelyN)
  let spec = DesignSpec(weight: "w", strata: "h", psu: ["psu"], fpc: fpc, lonelyPSU: rule)
  return SurveyDesignFixture(table: table, spec: spec, weights: table.column("w")!.numbers!)
}

/// A table, a design and weights, ready for ``estimator(_:spec:weights:)``.
struct SurveyDesignFixture {
  var table: DataTable
  var spec: DesignSpec
  var weights: [Double]

  /// The estimator of the fixture.
  func estimator() throws -> Estimator {
    try SurveyTabulateTests.estimator(table, spec: spec, weights: weights)
  }
}

/// An estimator on `spec` over `table` with `weights` as final weights (no weighting steps).
func estimator(_ table: DataTable, spec: DesignSpec, weights: [Double]) throws -> Estimator {
  try Estimator(table: table, design: Design(structure: SampleStructure(table: table, spec: spec), weights: weights))
}

