import SurveyCore
import Testing

@testable import SurveyTabulate

@Suite("Tabulate: writers and suppression")
struct WriterTests {
  let rows = [
    EstimateRow(
      statistic: .proportion, variable: "insured", level: "yes",
      by: [DomainLevel(variable: "sex", level: "F"), DomainLevel(variable: "region", level: "north, upper")],
      estimate: 0.1, se: 0.025, ciLow: 0.05, ciHigh: 0.15000000000000002, deff: 1.5, df: 11, n: 40),
    EstimateRow(
      statistic: .proportion, variable: "insured", level: "yes",
      by: [DomainLevel(variable: "sex", level: "M"), DomainLevel(variable: "region", level: "south")],
      estimate: 0.25, se: 0.1, ciLow: 0, ciHigh: 0.5, deff: nil, df: 3, n: 4),
    EstimateRow(
      statistic: .proportion, variable: "insured", level: "yes",
      by: [DomainLevel(variable: "sex", level: "M"), DomainLevel(variable: "region", level: "east")],
      estimate: nil, se: nil, ciLow: nil, ciHigh: nil, deff: nil, df: 0, n: 0),
  ]

  @Test("CSV: contract header, blank for missing, quoted text, round-trip numbers")
  func csv() {
    #expect(
      EstimateCSV.text(rows) == """
        statistic,variable,level,sex,region,estimate,se,ci_low,ci_high,deff,df,n,cv,cv_flag
        proportion,insured,yes,F,"north, upper",0.1,0.025,0.05,0.15000000000000002,1.5,11,40,0.25,0
        proportion,insured,yes,M,south,0.25,0.1,0,0.5,,3,4,0.4,1
        proportion,insured,yes,M,east,,,,,,0,0,,

        """)
  }

  @Test("JSON: keys in contract order, null for missing, integers without .0")
  func json() {
    let mean = EstimateRow(
      statistic: .mean, variable: "cost\"s", estimate: 662, se: 9.408940802784583, ciLow: 643.7321882720862,
      ciHigh: 680.8425380465553, df: 197, n: 200)
    #expect(
      EstimateJSON.text([mean, rows[2]]) == """
        {
          "estimates": [
            {"statistic": "mean", "variable": "cost\\"s", "level": null, "quantile": null, "by": {}, "estimate": 662, "se": 9.408940802784583, "ci_low": 643.7321882720862, "ci_high": 680.8425380465553, "deff": null, "df": 197, "n": 200, "cv": 0.014212901514780336, "cv_flag": false},
            {"statistic": "proportion", "variable": "insured", "level": "yes", "quantile": null, "by": {"sex": "M", "region": "east"}, "estimate": null, "se": null, "ci_low": null, "ci_high": null, "deff": null, "df": 0, "n": 0, "cv": null, "cv_flag": false}
          ],
          "tests": []
        }

        """)
    #expect(EstimateJSON.text([]) == "{\n  \"estimates\": [],\n  \"tests\": []\n}\n")
  }

  @Test("suppression blanks the numbers of rows with n below the threshold and marks them")
  func suppression() {
    let suppressed = rows.suppressed(below: 10)
    #expect(suppressed[0] == rows[0])
    #expect(suppressed[1].suppressed)
    #expect(suppressed[1].estimate == nil && suppressed[1].se == nil && suppressed[1].ciLow == nil)
    #expect(suppressed[1].df == 3 && suppressed[1].n == 4)
    #expect(rows.suppressed(below: nil) == rows)
    let csv = EstimateCSV.text(suppressed).split(separator: "\n")
    #expect(csv[2] == "proportion,insured,yes,M,south,,,,,,3,4,,")
  }

  @Test("Markdown: heading, pipe table, readable rounding, suppressed and empty cells")
  func markdown() {
    let table = EstimateTable(
      title: "proportion of insured by sex, region", rows: rows.suppressed(below: 10), level: 0.9, suppressBelow: 10)
    #expect(
      EstimateMarkdown.text([table]) == """
        ## proportion of insured by sex, region

        | level | sex | region | estimate | se | 90% CI | deff | df | n |
        | --- | --- | --- | ---: | ---: | --- | ---: | ---: | ---: |
        | yes | F | north, upper | 0.1000 | 0.02500 | 0.05000 – 0.1500 | 1.500 | 11 | 40 |
        | yes | M | south | suppressed (n<10) |  |  |  | 3 | 4 |
        | yes | M | east | suppressed (n<10) |  |  |  | 0 | 0 |

        """)
  }

  @Test("Markdown shows codebook labels beside codes, codes alone without a label")
  func labels() {
    let table = EstimateTable(
      title: "t", rows: [rows[0]], labels: ["insured": ["yes": "Insured"], "sex": ["F": "Female"]])
    let text = EstimateMarkdown.table(table)
    #expect(text.contains("| yes Insured | F Female | north, upper | 0.1000 |"), "\(text)")
  }

  @Test("readable rounding keeps four significant digits")
  func readable() {
    #expect(EstimateMarkdown.readable(662.2873631593208) == "662.3")
    #expect(EstimateMarkdown.readable(9.408940802784583) == "9.409")
    #expect(EstimateMarkdown.readable(0.024344780113074779) == "0.02434")
    #expect(EstimateMarkdown.readable(3687177.532438278) == "3687178")
    #expect(EstimateMarkdown.readable(0.99999999) == "1.000")
    #expect(EstimateMarkdown.readable(-0.0000000001) == "0")
    #expect(EstimateMarkdown.readable(0) == "0")
  }

  @Test("the interval header names a proportion's svyciprop method, not Wald's or a mean's")
  func intervalHeader() {
    #expect(EstimateTable(title: "t", rows: rows, interval: .logit).intervalHeader == "95% CI (logit)")
    #expect(EstimateTable(title: "t", rows: rows, level: 0.9, interval: .beta).intervalHeader == "90% CI (beta)")
    #expect(EstimateTable(title: "t", rows: rows, interval: .wald).intervalHeader == "95% CI")
    #expect(EstimateTable(title: "t", rows: rows, interval: .mean).intervalHeader == "95% CI")
    let means = rows.map { row -> EstimateRow in
      var row = row
      row.statistic = .mean
      return row
    }
    #expect(EstimateTable(title: "t", rows: means, interval: .logit).intervalHeader == "95% CI")
  }

  @Test("CV: SE / |estimate|, none for an estimate of 0 or a suppressed row; the flag and its threshold")
  func cv() {
    // 0.025 / 0.1 = 0.25 and 0.1 / 0.25 = 0.4 (rows 0 and 1); a negative estimate takes its size.
    #expect(rows[0].cv == 0.25 && rows[1].cv == 0.4 && rows[2].cv == nil)
    #expect(!rows[0].isUnreliable(above: 0.3) && rows[1].isUnreliable(above: 0.3))
    #expect(rows[0].isUnreliable(above: 0.2))
    var negative = rows[1]
    negative.estimate = -0.25
    #expect(negative.cv == 0.4)
    var zero = rows[1]
    zero.estimate = 0
    #expect(zero.cv == nil && !zero.isUnreliable(above: 0.3))
    #expect(rows[1].suppressed(below: 10).cv == nil)
    let table = EstimateTable(title: "t", rows: rows, cvFlag: 0.3)
    let markdown = EstimateMarkdown.table(table)
    #expect(markdown.contains("| yes | M | south | 0.2500 † | 0.1000 |"))
    #expect(markdown.contains("| yes | F | north, upper | 0.1000 | 0.02500 |"))
    #expect(markdown.hasSuffix("\n† CV (SE / |estimate|) above 0.3: use with caution.\n"))
    #expect(!EstimateMarkdown.table(EstimateTable(title: "t", rows: [rows[0]])).contains("†"))
  }
}
