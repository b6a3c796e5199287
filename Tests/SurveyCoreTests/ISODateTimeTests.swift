import SurveyCore
import Testing

@Suite("datetime: ISO 8601 instants")
struct ISODateTimeTests {
  // 2026-03-14 is day 20526 since 1970-01-01 (56 years, 14 leap days: 56·365 + 14 + 31 + 28 + 13).
  static let day: Int64 = 20_526 * 86_400_000

  @Test("Kobo's layout with offset, Z, no fraction, no offset (UTC), a space, short offsets", arguments: [
    ("2026-03-14T09:12:33.120+02:00", day + (7 * 3600 + 12 * 60 + 33) * 1000 + 120),
    ("2026-03-14T07:12:33.120Z", day + (7 * 3600 + 12 * 60 + 33) * 1000 + 120),
    ("2026-03-14T07:12:33Z", day + (7 * 3600 + 12 * 60 + 33) * 1000),
    ("2026-03-14T07:12:33", day + (7 * 3600 + 12 * 60 + 33) * 1000),
    ("2026-03-14 07:12", day + (7 * 3600 + 12 * 60) * 1000),
    ("2026-03-14T09:12:33.1+0200", day + (7 * 3600 + 12 * 60 + 33) * 1000 + 100),
    ("2026-03-14T04:12:33.123456-03", day + (7 * 3600 + 12 * 60 + 33) * 1000 + 123),
    ("2026-03-14T00:30:00+02:00", day - 90 * 60 * 1000),
  ])
  func reads(text: String, expected: Int64) {
    #expect(ISODateTime.milliseconds(text) == expected)
  }

  @Test("not a date and time", arguments: [
    "2026-03-14", "14/03/2026 09:12", "2026-02-30T09:00:00Z", "2026-03-14T24:00:00Z", "2026-03-14T09:60:00Z",
    "2026-03-14T09:12:33.Z", "2026-03-14T09:12:33+2:00", "2026-03-14T09:12:33 +02:00", "2026-03-14T09:12:33+02:00x", "",
  ])
  func refuses(text: String) {
    #expect(ISODateTime.milliseconds(text) == nil)
  }

  @Test("written in UTC with Z, milliseconds only when not zero; before 1970 too")
  func writes() {
    #expect(ISODateTime.string(Self.day + (7 * 3600 + 12 * 60 + 33) * 1000 + 120) == "2026-03-14T07:12:33.120Z")
    #expect(ISODateTime.string(Self.day + (7 * 3600 + 12 * 60 + 33) * 1000 + 5) == "2026-03-14T07:12:33.005Z")
    #expect(ISODateTime.string(Self.day) == "2026-03-14T00:00:00Z")
    #expect(ISODateTime.string(-1) == "1969-12-31T23:59:59.999Z")
    #expect(ISODateTime.day(-1) == -1)
    #expect(ISODateTime.milliseconds(ISODateTime.string(-1)) == -1)
  }
}

@Suite("datetime columns: set values, duplicates, expressions")
struct DatetimeColumnTests {
  static func column() -> Column {
    Column(
      name: "start", type: .datetime, values: .instants([0, 60_000, 0]), state: [.present, .present, .present])
  }

  @Test("a reviewer's set value reads any ISO form; other text is refused")
  func assign() {
    var column = Self.column()
    let accepted = column.assign("1970-01-01T02:00:00+02:00", row: 1)
    #expect(accepted)
    #expect(column.instants?[1] == 0)
    #expect(column.formatted(row: 1) == "1970-01-01T00:00:00Z")
    let refused = !column.assign("01.01.1970", row: 1)
    #expect(refused)
  }

  @Test("duplicates compare instants; expressions see seconds")
  func duplicatesAndExpressions() throws {
    #expect(Self.column().earlierDuplicates() == [-1, -1, 0])
    let end = Column(name: "end", type: .datetime, values: .instants([1_000_000, 61_000, 0]), state: [.present, .present, .empty])
    let table = DataTable(
      columns: [Self.column(), end], batches: [], rowBatch: [0, 0, 0], rowLine: [2, 3, 4])
    let truths = try Expression.parse("end - start > 900").evaluate(in: table, current: nil)
    #expect(truths.map { $0 == .yes } == [true, false, false])
  }
}
