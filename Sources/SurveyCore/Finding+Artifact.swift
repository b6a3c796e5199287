extension Finding {
  /// Writes every field, the row and batch order included.
  public func write(to writer: inout ArtifactWriter) {
    writer.string(severity.rawValue)
    writer.string(rule.rawValue)
    writer.string(variable)
    writer.string(recordID)
    writer.string(batch)
    writer.int(line)
    writer.string(value)
    writer.string(message)
    writer.string(resolution)
    writer.int(row)
    writer.int(batchIndex)
    writer.string(enumerator)
  }

  /// Reads a finding that ``write(to:)`` wrote.
  public init(reading reader: inout ArtifactReader) throws(CoreError) {
    let severity = try reader.value(Severity.self)
    let rule = try reader.value(RuleID.self)
    self.init(
      severity: severity, rule: rule, variable: try reader.optionalString(), recordID: try reader.optionalString(),
      batch: try reader.optionalString(), line: try reader.optionalInt(), value: try reader.optionalString(),
      message: try reader.string())
    resolution = try reader.optionalString()
    row = try reader.optionalInt()
    batchIndex = try reader.optionalInt()
    enumerator = try reader.optionalString()
  }
}

extension ArtifactWriter {
  /// A list of findings.
  public mutating func findings(_ findings: [Finding]) {
    int(findings.count)
    for finding in findings { finding.write(to: &self) }
  }
}

extension ArtifactReader {
  /// A list of findings that ``ArtifactWriter/findings(_:)`` wrote.
  public mutating func findings() throws(CoreError) -> [Finding] {
    let count = try count()
    var findings: [Finding] = []
    findings.reserveCapacity(Swift.min(count, 1 << 20))
    for _ in 0..<count { findings.append(try Finding(reading: &self)) }
    return findings
  }
}
