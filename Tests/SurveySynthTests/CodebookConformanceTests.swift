import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveySynth

@Suite("Synth: every cell follows the codebook")
struct CodebookConformanceTests {
  static let frameVariables: Set<String> = [
    "respondent_id", "enumerator", "interview_date", "region", "urban", "stratum", "psu", "fpc",
    "design_weight", "responded", "sex", "age", "age_group", "round",
  ]

  @Test("The header is the codebook's variables in codebook order")
  func header() throws {
    let survey = try WrittenSurvey(rows: 10)
    let codebook = try Codebook.parse(yaml: MoldovaCodebook.yaml)
    #expect(survey.header == codebook.variables.map(\.name))
    #expect(survey.rows.count == 10)
  }

  @Test("5,000 rows: types, codes, ranges, relevance, constraints, uniqueness")
  func cellsAreValid() throws {
    let survey = try WrittenSurvey(rows: 5_000, seed: 42)
    let codebook = try Codebook.parse(yaml: MoldovaCodebook.yaml)
    #expect(survey.rows.count == 5_000)
    var ids = Set<String>()
    var problems: [String] = []
    func fail(_ row: Int, _ variable: String, _ value: String, _ why: String) {
      if problems.count < 20 { problems.append("row \(row + 1) \(variable)='\(value)': \(why)") }
    }
    for (index, cells) in survey.rows.enumerated() {
      guard cells.count == codebook.variables.count else {
        fail(index, "*", "\(cells.count) cells", "wrong number of cells")
        continue
      }
      // Present values (blank cells and missing codes left out), for the expressions.
      var present: [String: String] = [:]
      for (column, variable) in codebook.variables.enumerated() where !cells[column].isEmpty {
        let missing = codebook.missingCodes(for: variable).map(\.code)
        if !missing.contains(cells[column]) { present[variable.name] = cells[column] }
      }
      for (column, variable) in codebook.variables.enumerated() {
        let cell = cells[column]
        #expect(!cell.contains("\""))
        // Unknown relevance (a nonrespondent's blank migrant_status) counts as not relevant.
        let relevant = variable.relevant.map { RowEvaluator(values: present, current: nil).truth($0) ?? false } ?? true
        if cell.isEmpty {
          if relevant, variable.required { fail(index, variable.name, cell, "required but blank") }
          continue
        }
        if !relevant { fail(index, variable.name, cell, "answered though not relevant") }
        if let problem = Self.problem(with: cell, of: variable, in: codebook) {
          fail(index, variable.name, cell, problem)
        }
        if let constraint = variable.constraint, present[variable.name] != nil,
          RowEvaluator(values: present, current: variable.name).truth(constraint) != true
        {
          fail(index, variable.name, cell, "breaks its constraint")
        }
        if variable.unique, !ids.insert(cell).inserted { fail(index, variable.name, cell, "duplicate") }
      }
    }
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  @Test("Rows are consistent: design cells, ages, migration years, frame-only nonrespondents")
  func rowsAreConsistent() throws {
    let survey = try WrittenSurvey(rows: 5_000, seed: 7)
    let column = Dictionary(uniqueKeysWithValues: survey.header.enumerated().map { ($1, $0) })
    var weightByPSU: [String: String] = [:]
    var fpcByStratum: [String: String] = [:]
    var psusByStratum: [String: Set<String>] = [:]
    for cells in survey.rows {
      func value(_ name: String) -> String { cells[column[name]!] }
      let region = Int(value("region"))!, urban = Int(value("urban"))!
      #expect(Int(value("stratum")) == region * 10 + urban)
      #expect(Int(value("psu"))! / 1_000_000 == region * 10 + urban)
      #expect(weightByPSU[value("psu"), default: value("design_weight")] == value("design_weight"))
      weightByPSU[value("psu")] = value("design_weight")
      #expect(fpcByStratum[value("stratum"), default: value("fpc")] == value("fpc"))
      fpcByStratum[value("stratum")] = value("fpc")
      psusByStratum[value("stratum"), default: []].insert(value("psu"))
      let age = Int(value("age"))!
      #expect((18...95).contains(age))
      #expect(Int(value("age_group")) == PopulationModel.ageGroup(of: age))
      let enumerator = Int(value("enumerator").dropFirst())!
      #expect((region - 1) * 12 < enumerator && enumerator <= region * 12)
      #expect(value("design_weight").split(separator: ".").last?.count == 2)
      if value("responded") == "0" {
        for (name, index) in column where !Self.frameVariables.contains(name) {
          #expect(cells[index].isEmpty, "nonrespondent has \(name)")
        }
        continue
      }
      // The round follows the interview date: the first half of fieldwork is round 1.
      let parts = value("interview_date").split(separator: ".").compactMap { Int($0) }
      if parts.count == 3, let day = CivilDate(year: parts[2], month: parts[1], day: parts[0]) {
        let offset = day.daysSinceEpoch - Fieldwork.start.daysSinceEpoch
        #expect(value("round") == (offset < Fieldwork.days / 2 ? "1" : "2"))
      }
      #expect(["0", "1", "98", "99"].contains(value("aware_risks")))
      if let departed = Int(value("year_departed")) {
        #expect(departed >= 1995)
        #expect(departed - (2026 - age) >= 17, "left before 17")
      }
      if !value("oop_cost").isEmpty {
        #expect(value("oop_cost").split(separator: ".").last?.count == 2)
      }
      let symptoms = value("symptoms").split(separator: " ").map(String.init)
      #expect(symptoms.count <= 3)
      #expect(symptoms == Respondent.symptomCodes.filter(symptoms.contains), "codes in codebook order")
      if !value("phone").isEmpty {
        let phone = value("phone")
        #expect(phone.hasPrefix("+373 6") && phone.count == 13 && phone.dropFirst(5).allSatisfy(\.isNumber))
      }
    }
    for (stratum, psus) in psusByStratum {
      #expect(psus.count >= 2)
      #expect(Int(fpcByStratum[stratum]!)! >= psus.count)
    }
    #expect(psusByStratum.count == 10)
  }

  /// Why `cell` is not a valid value of `variable`, or nil.
  static func problem(with cell: String, of variable: Variable, in codebook: Codebook) -> String? {
    let missing = codebook.missingCodes(for: variable).map(\.code)
    if missing.contains(cell) { return nil }
    switch variable.type {
    case .text:
      return cell.trimmingCharacters(in: .whitespaces) == cell ? nil : "surrounding spaces"
    case .date:
      guard let format = try? DateFormat(variable.format ?? "yyyy-MM-dd"), let date = format.parse(cell) else {
        return "not a \(variable.format ?? "ISO") date"
      }
      return date.year == 2026 ? nil : "outside the 2026 fieldwork"
    case .datetime:
      return ISODateTime.milliseconds(cell) == nil ? "not an ISO 8601 date and time" : nil
    case .integer, .decimal:
      guard let number = Double(cell), variable.type == .decimal || Int(cell) != nil else { return "not a number" }
      if let range = variable.range, !range.contains(number) { return "outside \(range)" }
      return nil
    case .categorical:
      return variable.codes.contains { $0.code == cell } ? nil : "not a code"
    case .multiple:
      let parts = cell.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
      guard Set(parts).count == parts.count else { return "a code twice" }
      return parts.allSatisfy { part in variable.codes.contains { $0.code == part } } ? nil : "not a code"
    }
  }
}
