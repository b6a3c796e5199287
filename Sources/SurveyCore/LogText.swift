/// Text from the data (a cell, a column name, a record id) as the logs show it: a huge cell is
/// cut, so that a 10 MB cell is not copied whole into every log; the tidy data keeps it whole.
public enum LogText {
  /// The most Unicode scalars of one value, id or name a log shows.
  public static let valueLimit = 200
  /// The most Unicode scalars of a message (messages may name columns, whose names come from
  /// the file; no message the tool writes is near this long).
  public static let messageLimit = 1_000

  /// `text` when it has at most `limit` Unicode scalars; otherwise its first `limit` scalars
  /// followed by `…[N bytes]`, N the length of the whole text in UTF-8 bytes. A scalar is
  /// never split, and scalars are counted (not characters), so that a run of combining marks
  /// cannot hide a huge text in one character.
  public static func capped(_ text: String, limit: Int = valueLimit) -> String {
    let bytes = text.utf8.count
    // At most `limit` bytes means at most `limit` scalars.
    guard bytes > limit else { return text }
    var end = text.unicodeScalars.startIndex
    var count = 0
    while count < limit, end != text.unicodeScalars.endIndex {
      text.unicodeScalars.formIndex(after: &end)
      count += 1
    }
    guard end != text.unicodeScalars.endIndex else { return text }
    return String(text.unicodeScalars[..<end]) + marker(bytes: bytes)
  }

  /// The mark that ends a cut text: `…[N bytes]`.
  public static func marker(bytes: Int) -> String { "…[\(bytes) bytes]" }

  /// True when `shown` is how a log shows `original`: cut by ``capped(_:limit:)``, and or
  /// prefixed with `'` as a formula (``CSVWriter/neutralized(_:)``). A reviewer who copies a
  /// value from a log into the decisions file copies `shown`.
  public static func shows(_ shown: String, _ original: String) -> Bool {
    if shown == original { return true }
    let cut = capped(original)
    if shown == cut { return true }
    return CSVWriter.runsAsFormula(cut) && shown == "'" + cut
  }
}
