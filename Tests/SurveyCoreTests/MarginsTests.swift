import SurveyCore
import Testing

@Suite("Margins files")
struct MarginsTests {
  @Test("rows with their lines; joint names normalised; rows of a variable in file order")
  func reads() throws {
    let margins = try Margins(
      file: "m.csv",
      records: [
        (variable: "sex", level: "1", total: "975300", line: 2), (variable: "sex ", level: " 2", total: "1094700", line: 3),
        (variable: "sex : age_group", level: "1:18-29", total: "100.5", line: 4), (variable: "income", level: nil, total: "3e6", line: 5),
      ])
    #expect(margins.rows(of: "sex").map(\.total) == [975300, 1094700])
    #expect(margins.rows(of: "sex:age_group").map(\.level) == ["1:18-29"])
    #expect(margins.rows(of: "income") == [Margins.Row(variable: "income", level: "", total: 3e6, line: 5)])
  }

  @Test("mistakes name the file, line and column", arguments: [
    ((variable: String?, level: String?, total: String?, line: Int)(nil, "1", "5", 2), "m.csv:2: variable: the variable name is blank"),
    ((variable: String?, level: String?, total: String?, line: Int)("sex", "1", "many", 3), "m.csv:3: total: the total of sex = 1 must be a number of 0 or more"),
    ((variable: String?, level: String?, total: String?, line: Int)("sex", "1", "-4", 4), "m.csv:4: total: the total of sex = 1 must be a number of 0 or more"),
    ((variable: String?, level: String?, total: String?, line: Int)("sex", "1", nil, 5), "m.csv:5: total: the total of sex = 1 must be a number of 0 or more"),
  ])
  func mistakes(record: (variable: String?, level: String?, total: String?, line: Int), message: String) {
    do {
      _ = try Margins(file: "m.csv", records: [record])
      Issue.record("accepted")
    } catch {
      #expect(error.localizedDescription == message)
    }
  }

  @Test("a level given twice is refused, naming both lines")
  func duplicate() {
    do {
      _ = try Margins(
        file: "m.csv",
        records: [(variable: "sex", level: "1", total: "5", line: 2), (variable: "sex", level: "1", total: "6", line: 7)])
      Issue.record("accepted")
    } catch {
      #expect(error.localizedDescription == "m.csv:7: level: sex = 1 already has a total on line 2")
    }
  }
}
