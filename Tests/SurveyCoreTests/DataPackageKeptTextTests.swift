import Testing

@testable import SurveyCore

@Suite("DataPackage: is kept text a value of the declared type")
struct DataPackageKeptTextTests {
  /// Found in review: an invalid date-time kept under `invalid: keep` was still declared
  /// `datetime`, and `nan`, `inf` and hex passed as Table Schema numbers.
  @Test("date-times, numbers and dates as Table Schema reads them", arguments: [
    ("2026-03-14T09:12:33.120+02:00", "datetime", true), ("09/03/2026 17:02", "datetime", false),
    ("12.5", "number", true), ("-1e3", "number", true), ("nan", "number", false), ("inf", "number", false),
    ("0x1p3", "number", false), ("12", "integer", true), ("12.0", "integer", false),
    ("2026-03-01", "date", true), ("01.03.2026", "date", false), ("anything", "string", true),
  ])
  func reads(text: String, type: String, expected: Bool) {
    #expect(DataPackage.reads(text, as: type) == expected)
  }
}
