import Foundation
import Testing
import _SurveyTestSupport

/// End-to-end through the binary: run, a reviewer decides some findings, run again; the cleaning
/// log and the tidy data show exactly those decisions and nothing else changes.
@Suite("survey-pipe run: the reviewer's round trip")
struct ReviewerRoundTripTests {
  static let codebook = """
    survey: roundtrip
    id: id
    missing_codes: {98: "Don't know"}
    variables:
      - {name: id, type: text, required: true, unique: true}
      - {name: phone, type: text, pii: true}
      - {name: sex, type: categorical, codes: {1: Male, 2: Female}}
      - {name: age, type: integer, range: [18, 99]}
      - {name: year_left, type: integer}
      - {name: year_return, type: integer, constraint: year_return >= year_left}
      - {name: country_text, type: text}
      - {name: w, type: decimal}
    """

  static let pipeline = """
    name: roundtrip
    codebook: codebook.yml
    inputs: [batch.csv]
    clean:
      decisions: decisions.csv
      recode:
        - {variable: country_text, into: country, type: categorical, codes: {1: Italy, 2: Russia}, map: {Italia: 1, Italy: 1, Rusia: 2}, other: missing}
      derive:
        - {name: years_abroad, expression: "year_return - year_left", type: integer}
        - {name: age_group, cut: {variable: age, breaks: [18, 40, 60], labels: [18-39, 40-59, 60+]}}
    design: {weight: w}
    tables:
      - {name: age_by_group, mean: age, by: [age_group]}
    output: out
    """

  static let batch = """
    id,phone,sex,age,year_left,year_return,country_text,w
    R1,0601,1,34,2010,2015,Italia,1.5
    R2,0602,2,150,2012,2014,Rusia,1
    R3,0603,5,45,2008,2011,Italy,2
    R4,0604,1,61,2016,2013,Germany,1
    R5,0605,2,98,2015,2020,Italia,1
    R6,0606,1,52,2011,2019,Rusia,1.25

    """

  static let header = "record_id,variable,old_value,action,new_value,comment\n"

  func lines(_ folder: TemporaryDirectory, _ name: String) throws -> [String] {
    try folder.read("out/" + name).split(separator: "\n").map(String.init)
  }

  @Test("run, decide, run: the log and the tidy data change by the decisions and only them")
  func roundTrip() throws {
    let folder = try TemporaryDirectory("round-trip")
    try folder.write("codebook.yml", Self.codebook)
    try folder.write("pipeline.yml", Self.pipeline)
    try folder.write("batch.csv", Self.batch)
    try folder.write("decisions.csv", Self.header)

    let first = try SurveyPipeBinary.run(["run", "pipeline.yml", "--quiet"], in: folder.path)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(try lines(folder, "cleaning-log.csv") == [
      "record_id,variable,old_value,new_value,reason,batch,line",
      "R2,age,150,,range,batch.csv,3",
      "R3,sex,5,,code,batch.csv,4",
      "R4,year_return,2013,,constraint,batch.csv,5",
      "R5,age,98,,missing-code,batch.csv,6",
      ",country,,\"5 mapped, 0 kept, 1 missing\",recode:country,,",
      ",years_abroad,,\"5 values, 1 missing\",derive:years_abroad,,",
      ",age_group,,\"4 values, 2 missing\",derive:age_group,,",
    ])
    let tidyBefore = try lines(folder, "tidy/survey.csv")
    let findings = try lines(folder, "validation.csv").filter { $0.contains(",batch.csv,") }
    #expect(findings.count == 3)

    // The reviewer decides from validation.csv: two corrections, a drop, an accepted real age of
    // 98; one decision is stale (the age is 52, not 50), one breaks a constraint.
    try folder.write(
      "decisions.csv",
      Self.header + """
        R2,age,150,set,51,typo on the tablet
        R3,sex,5,set,2,checked with the respondent
        R4,,,drop,,returned before leaving: a bad interview
        R5,age,98,accept,,the respondent is 98
        R6,age,50,set,53,seen on an older export
        R1,year_return,2015,set,2005,would be before leaving

        """)
    let second = try SurveyPipeBinary.run(["run", "pipeline.yml", "--quiet"], in: folder.path)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(try lines(folder, "cleaning-log.csv") == [
      "record_id,variable,old_value,new_value,reason,batch,line",
      "R2,age,150,51,decision,batch.csv,3",
      "R3,sex,5,2,decision,batch.csv,4",
      "R4,,,,decision,batch.csv,5",
      "R5,age,98,98,decision,batch.csv,6",
      ",country,,\"5 mapped, 0 kept, 0 missing\",recode:country,,",
      ",years_abroad,,\"5 values, 0 missing\",derive:years_abroad,,",
      ",age_group,,\"5 values, 0 missing\",derive:age_group,,",
    ])
    let tidyAfter = try lines(folder, "tidy/survey.csv")
    #expect(tidyAfter[0] == tidyBefore[0])
    // Records without a decision are byte for byte as before; R4 is gone; the decided cells
    // (and the age group computed from a decided age) are the only changes.
    #expect(tidyAfter[1] == tidyBefore[1])  // R1: its decision breaks the constraint
    #expect(tidyAfter[5] == tidyBefore[6])  // R6: its decision is stale
    #expect(tidyBefore[2] == "R2,2,,2012,2014,Rusia,1,2,2,,1")
    #expect(tidyAfter[2] == "R2,2,51,2012,2014,Rusia,1,2,2,2,1")
    #expect(tidyBefore[3] == "R3,,45,2008,2011,Italy,2,1,3,2,2")
    #expect(tidyAfter[3] == "R3,2,45,2008,2011,Italy,2,1,3,2,2")
    #expect(tidyAfter[4] == "R5,2,98,2015,2020,Italia,1,1,5,3,1")
    #expect(!tidyAfter.contains { $0.hasPrefix("R4,") })
    #expect(tidyAfter.count == tidyBefore.count - 1)

    // Each finding shows the decision that settled it; the decisions not applied are reported.
    let validation = try lines(folder, "validation.csv")
    for (rule, record, resolution) in [("range", "R2", "decision: set"), ("code", "R3", "decision: set"), ("constraint", "R4", "decision: drop")] {
      #expect(validation.contains { $0.contains(",\(rule),") && $0.contains(",\(record),") && $0.hasSuffix(",\(resolution)") })
    }
    #expect(validation.contains { $0.contains(",decision-stale,age,R6,decisions.csv,6,") })
    #expect(
      validation.contains {
        $0.contains(",decision-invalid,year_return,R1,decisions.csv,7,")
          && $0.contains("the new_value breaks the constraint of year_return; the decision is not applied")
      })
    #expect(!(try folder.read("out/tidy/survey.csv")).contains("0601"))
  }
}
