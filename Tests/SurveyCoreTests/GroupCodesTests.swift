import SurveyCore
import Testing

@Suite("GroupCodes: a column seen as groups")
struct GroupCodesTests {
  @Test("categorical: codes and levels kept, -1 where not present, unused levels kept")
  func categorical() {
    let column = Column(
      name: "sex", type: .categorical, values: .codes([1, 0, 1, 0]),
      state: [.present, .present, .empty, .missingCode], levels: ["F", "M", "X"])
    #expect(GroupCodes(column) == GroupCodes(codes: [1, 0, -1, -1], levels: ["F", "M", "X"]))
  }

  @Test("numbers: sorted by value (not as text), integers without a fraction")
  func numbers() {
    let integers = Column(
      name: "age", type: .integer, values: .numbers([10, 9, 10, 0, 100]),
      state: [.present, .present, .present, .empty, .present])
    #expect(GroupCodes(integers) == GroupCodes(codes: [1, 0, 1, -1, 2], levels: ["9", "10", "100"]))
    let decimals = Column(
      name: "share", type: .decimal, values: .numbers([0.5, 2, 0.25]), state: [.present, .present, .present])
    #expect(GroupCodes(decimals) == GroupCodes(codes: [1, 2, 0], levels: ["0.25", "0.5", "2"]))
  }

  @Test("texts and dates: sorted distinct values; dates as ISO text")
  func textsAndDates() {
    let texts = Column(
      name: "region", type: .text, values: .texts(["south", "north", "", "south"]),
      state: [.present, .present, .empty, .present])
    #expect(GroupCodes(texts) == GroupCodes(codes: [1, 0, -1, 1], levels: ["north", "south"]))
    // 19723 = 2024-01-01, 19724 = 2024-01-02.
    let dates = Column(name: "visit", type: .date, values: .dates([19724, 19723]), state: [.present, .present])
    #expect(GroupCodes(dates) == GroupCodes(codes: [1, 0], levels: ["2024-01-01", "2024-01-02"]))
  }

  @Test("a multi-select column has no groups")
  func selections() {
    let column = Column(
      name: "symptoms", type: .multiple, values: .selections([0b11]), state: [.present], levels: ["a", "b"])
    #expect(GroupCodes(column) == nil)
  }
}
