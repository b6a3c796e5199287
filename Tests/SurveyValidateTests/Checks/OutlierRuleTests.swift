import SurveyCore
import Testing

@testable import SurveyValidate

@Suite("check: outlier")
struct OutlierRuleTests {
  @Test("quartiles as R's quantile(type = 7), by hand")
  func quantiles() {
    // x = 1, 2, 4, 7, 11 (n = 5): h = 4p; Q1 = x[1] = 2, Q3 = x[3] = 7, median = x[2] = 4.
    let x: [Double] = [1, 2, 4, 7, 11]
    #expect(OutlierRule.quantile(x, 0.25) == 2)
    #expect(OutlierRule.quantile(x, 0.75) == 7)
    // n = 6: 10, 20, 30, 40, 50, 1000: h = 1.25 → 20 + 0.25·10 = 22.5; h = 3.75 → 40 + 0.75·10 = 47.5.
    let y: [Double] = [10, 20, 30, 40, 50, 1000]
    #expect(OutlierRule.quantile(y, 0.25) == 22.5)
    #expect(OutlierRule.quantile(y, 0.75) == 47.5)
    // IQR 25; k = 3: 22.5 − 75 = −52.5 and 47.5 + 75 = 122.5.
    #expect(OutlierRule.fences(y, k: 3) == -52.5...122.5)
    #expect(OutlierRule.fences([1, 2, 3], k: 3) == nil)
  }

  @Test("values beyond the fences, the fences in the message; missing codes and blanks left out")
  func reports() throws {
    let checks = ChecksSpec(outliers: OutlierCheck(variables: ["n"], k: 1.5))
    // n: 10, 20, 30, 40, 50, 1000 and a 98 (a missing code) and a blank: fences −15 to 85 at k = 1.5.
    let csv = "rid,n\nR1,10\nR2,20\nR3,98\nR4,30\nR5,40\nR6,\nR7,50\nR8,1000\n"
    let found = try findings(OutlierRule(), csv, checks: checks)
    #expect(summary(found) == ["9:n=1000"])
    #expect(found[0].message == "n is more than 1.5 interquartile ranges beyond the quartiles (outside -15 to 85)")
    #expect(found[0].severity == .warning)
  }
}
