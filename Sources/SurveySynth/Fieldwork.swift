import SurveyCore

/// The fieldwork window: 2 March to 29 May 2026; an area is worked over at most five days.
enum Fieldwork {
  /// The survey round of an interview on fieldwork day `day`: 1 in the first half of the window
  /// (before the awareness campaign), 2 after.
  static func round(day: Int) -> Int { day < days / 2 ? 1 : 2 }

  /// The first day of fieldwork.
  static let start = CivilDate(year: 2026, month: 3, day: 2)!
  /// Days in the window (2 March to 29 May 2026).
  static let days = 89
  /// Days an enumerator spends in one area.
  static let daysPerArea = 5
  /// The last year a respondent can report (the survey year).
  static let surveyYear = 2026

  /// Every fieldwork day written as `dd.MM.yyyy`, 10 bytes each, day after day.
  static let dateBytes: [UInt8] = {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(days * 10)
    let first = start.daysSinceEpoch
    for offset in 0..<days {
      let date = CivilDate(daysSinceEpoch: first + offset)
      for (value, width) in [(date.day, 2), (date.month, 2), (date.year, 4)] {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
          bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
          divisor /= 10
        }
        if width == 2 { bytes.append(UInt8(ascii: ".")) }
      }
    }
    return bytes
  }()
}
