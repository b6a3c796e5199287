import Testing

@testable import SurveyTabulate

@Suite("CubicSpline: R's spline(method = \"fmm\")")
struct CubicSplineTests {
  /// Forsythe–Malcolm–Moler's end conditions match the third derivative of the cubic through the
  /// four end points, so the spline through points of a cubic is that cubic, everywhere
  /// (a hand-checkable property: f(x) = 2x³ − x² + 3x − 5).
  @Test("the spline through a cubic's points is the cubic, inside and beyond the ends")
  func reproducesCubics() {
    func f(_ x: Double) -> Double { 2 * x * x * x - x * x + 3 * x - 5 }
    let xs = [-2.0, -1.3, -0.2, 0.5, 1.1, 2.4, 3.0]
    let spline = CubicSpline(x: xs, y: xs.map(f))
    for u in stride(from: -2.5, through: 3.5, by: 0.05) {
      #expect(abs(spline.value(u) - f(u)) <= 1e-9 * max(1, abs(f(u))), "at \(u)")
    }
  }

  /// R 4.2.2: `s <- spline(c(0, 1, 3, 4), c(0, 1, 0, 2), n = 7); sprintf("%.17g", s$x); sprintf("%.17g", s$y)`.
  @Test("a grid of seven points as R's spline(n = 7), to the last bit")
  func matchesR() {
    let spline = CubicSpline(x: [0, 1, 3, 4], y: [0, 1, 0, 2])
    let grid = spline.grid(count: 7)
    #expect(grid.x == [0, 0.66666666666666663, 1.3333333333333333, 2, 2.6666666666666665, 3.333333333333333, 4])
    let expected = [
      0, 0.95061728395061729, 0.86419753086419759, 0.33333333333333337, -0.049382716049382935, 0.30864197530864151,
      1.9999999999999998,
    ]
    for (got, want) in zip(grid.y, expected) { #expect(abs(got - want) <= 1e-15, "\(got) vs \(want)") }
  }

  @Test("two points: the straight line")
  func twoPoints() {
    let spline = CubicSpline(x: [1, 3], y: [2, 6])
    #expect(spline.value(2) == 4)
    #expect(spline.value(0) == 0)
  }
}
