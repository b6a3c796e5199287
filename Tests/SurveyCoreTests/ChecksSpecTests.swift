import SurveyCore
import Testing

@Suite("Pipeline files: the checks section")
struct ChecksSpecTests {
  static let head = "name: p\ncodebook: c.yml\ninputs: [a.csv]\n"
  static let codebook = try! Codebook.parse(
    yaml: """
      survey: s
      id: rid
      variables:
        - {name: rid, type: text}
        - {name: username, type: text}
        - {name: phone, type: text, pii: true}
        - {name: start, type: datetime}
        - {name: end, type: datetime}
        - {name: today, type: date}
        - {name: cost, type: decimal}
        - {name: sex, type: categorical, codes: {1: Male, 2: Female}}
        - {name: _uuid, type: text}
      """)

  @Test("every key reads")
  func reads() throws {
    let pipeline = try Pipeline.parse(
      yaml: Self.head + """
        checks:
          enumerator: username
          duration: {start: start, end: end, min_minutes: 15}
          fieldwork: {date: today, from: 2026-03-01, to: 2026-04-30}
          dont_know: {max_share: 0.25, min_answers: 40}
          outliers: {variables: [cost], k: 3}
          resubmissions: _uuid
        """)
    let checks = try #require(pipeline.checks)
    #expect(checks.enumerator == "username")
    #expect(checks.duration == DurationCheck(start: "start", end: "end", minMinutes: 15))
    #expect(
      checks.fieldwork
        == FieldworkCheck(date: "today", from: CivilDate(year: 2026, month: 3, day: 1)!, to: CivilDate(year: 2026, month: 4, day: 30)!))
    #expect(checks.dontKnow == DontKnowCheck(maxShare: 0.25, minAnswers: 40))
    #expect(checks.outliers == OutlierCheck(variables: ["cost"], k: 3))
    #expect(checks.resubmissions == "_uuid")
    #expect(checks.lines["checks.outliers"] == 9)
    try pipeline.check(against: Self.codebook)
    #expect(try Pipeline.parse(yaml: Self.head).checks == nil)
  }

  @Test("mistakes in the section name the line and the key", arguments: [
    ("checks: {duration: {start: start, end: end}}\n", "pipeline.yml:4: checks.duration.min_minutes: this key is required"),
    ("checks: {duration: {start: start, end: end, min_minutes: 0}}\n",
     "pipeline.yml:4: checks.duration.min_minutes: expected a number of minutes above 0"),
    ("checks: {fieldwork: {date: today, from: 2026-04-01, to: 2026-03-01}}\n", "pipeline.yml:4: checks.fieldwork: 'from' is after 'to'"),
    ("checks: {fieldwork: {date: today, from: 01.03.2026, to: 2026-03-01}}\n",
     "pipeline.yml:4: checks.fieldwork.from: expected a date written yyyy-MM-dd"),
    ("checks: {dont_know: {max_share: 0.25, min_answers: 40}}\n",
     "pipeline.yml:4: checks.dont_know: dont_know counts answers by enumerator: give checks.enumerator too"),
    ("checks: {enumerator: u, dont_know: {max_share: 1.5, min_answers: 40}}\n",
     "pipeline.yml:4: checks.dont_know.max_share: expected a share from 0 up to (not including) 1"),
    ("checks: {outliers: {variables: [], k: 3}}\n", "pipeline.yml:4: checks.outliers.variables: name at least one variable"),
    ("checks: {outliers: {variables: [cost], k: -1}}\n", "pipeline.yml:4: checks.outliers.k: expected a number of interquartile ranges above 0"),
    ("checks: {enumerater: u}\n", "pipeline.yml:4: checks.enumerater: unknown key (did you mean 'enumerator'?)"),
  ])
  func mistakes(yaml: String, message: String) {
    do {
      _ = try Pipeline.parse(yaml: Self.head + yaml)
      Issue.record("accepted")
    } catch {
      #expect(error.localizedDescription.hasPrefix(message), "\(error.localizedDescription)")
    }
  }

  @Test("checked against the codebook: variables exist and have the types the checks need", arguments: [
    ("checks: {enumerator: interviewer}\n", "pipeline.yml:4: checks.enumerator: 'interviewer' is not a variable of the codebook"),
    ("checks: {enumerator: phone}\n", "pipeline.yml:4: checks.enumerator: 'phone' is personal data (pii)"),
    ("checks:\n  duration: {start: today, end: end, min_minutes: 15}\n",
     "pipeline.yml:5: checks.duration.start: 'today' is date; an interview's start must be a datetime variable"),
    ("checks: {fieldwork: {date: cost, from: 2026-03-01, to: 2026-04-30}}\n",
     "pipeline.yml:4: checks.fieldwork.date: 'cost' is decimal; fieldwork dates need a date or datetime variable"),
    ("checks: {outliers: {variables: [cost, sex], k: 3}}\n",
     "pipeline.yml:4: checks.outliers.variables: 'sex' is categorical; outliers need an integer or decimal variable"),
    ("checks: {resubmissions: start}\n",
     "pipeline.yml:4: checks.resubmissions: 'start' is datetime; a submission id must be text, categorical or integer"),
  ])
  func againstCodebook(yaml: String, message: String) throws {
    let pipeline = try Pipeline.parse(yaml: Self.head + yaml)
    do {
      try pipeline.check(against: Self.codebook)
      Issue.record("accepted")
    } catch {
      #expect(error.localizedDescription.hasPrefix(message), "\(error.localizedDescription)")
    }
  }
}
