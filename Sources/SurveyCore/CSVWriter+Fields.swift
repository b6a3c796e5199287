extension CSVWriter {
  /// `field` as a CSV cell, quoted only when it holds a comma, quote or line break when
  /// `quotingEdgeSpaces` is false (the estimate tables); ``escape(_:neutralize:)`` otherwise.
  public static func escape(_ field: String, quotingEdgeSpaces: Bool) -> String {
    if !quotingEdgeSpaces, field.utf8.first == 0x20 || field.utf8.last == 0x20,
      !field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
    {
      return field
    }
    return escape(field)
  }

  /// A number as a CSV cell that reads back as the same double (whole numbers without a
  /// fraction); empty for nil, NaN and infinities.
  public static func number(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "" }
    return NumberFormatting.string(value)
  }
}
