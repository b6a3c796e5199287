import SurveyCore
import Testing

@testable import SurveyExport

@Suite("ExportDataset: codes, missing codes and names that Stata and SPSS take")
struct ExportDatasetTests {
  func column(_ name: String, levels: [String], codes: [Int32], state: [CellState]? = nil) -> Column {
    Column(
      name: name, type: .categorical, values: .codes(codes), state: state ?? codes.map { _ in .present }, levels: levels)
  }

  @Test("whole-number codes stay; 01 beside 1, or 1.5, make every code its position, so none merge")
  func codes() {
    let plain = Variable(name: "q", type: .categorical, codes: [.init(code: "1", label: "a"), .init(code: "2", label: "b")])
    let kept = ExportDataset.exportVariables(column("q", levels: ["1", "2"], codes: [1, 0]), variable: plain, codes: [], missing: [:])
    #expect(kept[0].numbers == [2, 1])
    let padded = Variable(name: "q", type: .categorical, codes: [.init(code: "01", label: "zero-one"), .init(code: "1", label: "one")])
    let positional = ExportDataset.exportVariables(
      column("q", levels: ["01", "1"], codes: [0, 1]), variable: padded, codes: [], missing: [:])
    #expect(positional[0].numbers == [1, 2])
    #expect(positional[0].valueLabels.map(\.label) == ["zero-one", "one"])
  }

  @Test("a text missing code (DK) is kept: −1 for SPSS, .a for Stata")
  func textMissingCode() {
    let variable = Variable(name: "q", type: .integer)
    let column = Column(name: "q", type: .integer, values: .numbers([3, 0]), state: [.present, .empty])
    let exported = ExportDataset.exportVariables(
      column, variable: variable, codes: [.init(code: "DK", label: "Don't know")], missing: [1: "DK"])
    #expect(exported[0].missingCodes.map(\.value) == [-1])
    #expect(exported[0].missingCode == [0, 1])
  }

  @Test("SPSS user-missing values avoid every real value: the codes, else their negatives, else far-off numbers")
  func userMissing() {
    var variable = ExportVariable(
      name: "age", label: "Age", kind: .number, numbers: [30, 98], missingCodes: [(98, "Don't know"), (99, "Refused")],
      missingCode: [0, 0])
    #expect(variable.userMissingValues == [-98, -99])
    variable.numbers = [-98, 98]
    #expect(variable.userMissingValues == [-999_999_990, -999_999_991])
    variable.numbers = [30, .nan]
    #expect(variable.userMissingValues == [98, 99])
  }

  @Test("an option's NAME_CODE taken by a question, or not a valid name, becomes NAME_k")
  func optionNames() {
    func option(_ name: String, _ position: Int) -> ExportVariable {
      var variable = ExportVariable(name: name, label: "", kind: .number)
      variable.option = ("symptoms", position)
      return variable
    }
    let renamed = ExportDataset.distinctNames([
      option("symptoms_fever", 1), option("symptoms_other", 2), option("symptoms_back-pain", 3),
      ExportVariable(name: "symptoms_other", label: "Other symptom", kind: .text),
    ])
    #expect(renamed.map(\.name) == ["symptoms_fever", "symptoms_2", "symptoms_3", "symptoms_other"])
  }

  @Test("names: letters first, ASCII, 32 at most, no Stata reserved word")
  func names() {
    #expect(ExportNames.isValid("symptoms_fever"))
    for bad in ["_uuid", "1q", "a.b", "grp/age", "in", "long", String(repeating: "a", count: 33), "vârsta"] {
      #expect(!ExportNames.isValid(bad), "\(bad)")
    }
  }
}
