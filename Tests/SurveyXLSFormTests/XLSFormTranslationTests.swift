import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyXLSForm

/// fixtures/xlsform/moldova-form.xlsx (made by make-form.py; its README lists every construct
/// and what the translation must make of it).
@Suite("XLSForm → codebook")
struct XLSFormTranslationTests {
  static let path = Fixtures.path("xlsform/moldova-form.xlsx")

  static func translation(language: String? = nil) throws -> XLSFormTranslation {
    try XLSFormTranslation(path: path, id: "respondent_id", missingCodes: ["98", "99"], language: language)
  }

  @Test("questions become variables of the right types; notes, groups and meta handled")
  func variables() throws {
    let translation = try Self.translation()
    let codebook = try Codebook.parse(yaml: translation.yaml(form: "moldova-form.xlsx"))
    #expect(codebook.survey == "moldova_migrant_health_2026")
    #expect(
      codebook.variables.map(\.name) == [
        "start", "end", "respondent_id", "sex", "age", "region", "migrant_status", "destination", "year_departed",
        "year_returned", "years_abroad", "insured_abroad", "insured_cnam", "symptoms", "symptoms_other", "oop_cost",
        "last_visit", "phone",
      ])
    func variable(_ name: String) -> Variable { codebook.variable(named: name)! }
    #expect(variable("start").type == .datetime)
    #expect(variable("respondent_id").required && variable("respondent_id").unique)
    #expect(variable("sex").type == .categorical && variable("sex").codes.map(\.code) == ["1", "2"])
    #expect(variable("region").codes.first?.label == "Chișinău")
    #expect(variable("destination").codes.map(\.code) == ["RU", "IT", "OT"])
    #expect(variable("symptoms").type == .multiple)
    #expect(variable("years_abroad").type == .text)
    #expect(variable("last_visit").type == .date && variable("last_visit").format == "yyyy-MM-dd")
    #expect(variable("phone").pii)
    #expect(codebook.missingCodes.map(\.label) == ["Don't know", "Refused"])
    // yes_no holds 98 and 99: with --missing-codes 98,99 they are missing codes, not codes.
    #expect(variable("insured_cnam").codes.map(\.code) == ["1", "0"])
  }

  @Test("relevance: a group's applies to its questions, joined with their own; . and ${} in constraints")
  func expressions() throws {
    let translation = try Self.translation()
    func variable(_ name: String) -> Variable { translation.variables.first { $0.name == name }! }
    #expect(variable("destination").relevant?.description == "(migrant_status != '3')")
    #expect(variable("year_returned").relevant?.description == "((migrant_status != '3') and (migrant_status == '2'))")
    #expect(variable("year_returned").constraint?.description == "(year_returned >= year_departed)")
    #expect(variable("age").constraint?.description == "((age >= 18) and (age <= 99))")
    #expect(variable("symptoms_other").relevant?.description == "selected(symptoms, 'other')")
    #expect(variable("oop_cost").relevant?.description == "((not (insured_cnam == '0')) or (age >= 60))")
    #expect(variable("insured_cnam").relevant == nil)
    #expect(variable("symptoms").constraint?.description == "(count_selected(symptoms) <= 3)")
    #expect(variable("symptoms_other").constraint?.description == "(string_length(symptoms_other) <= 100)")
  }

  @Test("what cannot be translated is reported with sheet, row and expression, and left out")
  func reports() throws {
    let reports = try Self.translation().reports
    #expect(reports.map(\.row) == [23, 24, 25, 29])
    #expect(reports.allSatisfy { $0.sheet == "survey" })
    #expect(reports[0].item == ". <= today()" && reports[0].problem.contains("constraint: 'today()' cannot be translated"))
    #expect(reports[1].problem.contains("question type 'geopoint'"))
    #expect(reports[2].item == "household" && reports[2].problem.contains("repeat group"))
    #expect(reports[3].problem.contains("'nolist' is not in the choices sheet"))
  }

  @Test("--language picks the label column; an unknown id and a missing sheet are errors naming the file")
  func options() throws {
    let romanian = try Self.translation(language: "Română")
    #expect(romanian.variables.first { $0.name == "sex" }?.label == "Sexul")
    #expect(romanian.variables.first { $0.name == "sex" }?.codes.first?.label == "Bărbat")
    #expect(throws: XLSFormError.unknownID(path: Self.path, name: "rid")) {
      try XLSFormTranslation(path: Self.path, id: "rid")
    }
    let meta = try XLSFormTranslation(path: Self.path, id: "_uuid")
    #expect(meta.variables.first?.name == "_uuid" && meta.variables.first?.unique == true)
  }
}
