extension Finding {
  /// How many findings of one flood rule (``floodRules``) one file may have before they are
  /// reported as one summary finding.
  public static let floodLimit = 20

  /// Rules raised once per column or per line of a file, whose number only the file bounds:
  /// a file with 100,000 unknown columns would otherwise give 100,000 findings. None of them is
  /// about a record a reviewer decides on (those stay one finding a record); a summary gives
  /// how many, and the first names or the lines.
  public static let floodRules: [RuleID: Flood] = [
    .unknownColumn: Flood(
      byColumn: true, summary: "columns match no variable of the codebook; their values are not read"),
    .duplicateColumn: Flood(
      byColumn: true, summary: "columns repeat a column already read; their values are not read"),
    .emptyRecord: Flood(byColumn: false, summary: "records have only empty fields and were skipped"),
    .undecodableBytes: Flood(
      byColumn: false, summary: "lines hold bytes that the encoding cannot decode (replaced by U+FFFD)"),
  ]

  /// How the findings of a flood rule are summarised.
  public struct Flood: Sendable {
    /// The findings name a column each (their `variable`); otherwise a line each.
    public var byColumn: Bool
    /// What the count counts, after the number: `"columns match no variable …"`.
    public var summary: String
  }

  /// The findings of one rule about one file.
  struct FloodKey: Hashable {
    var batch: String?
    var batchIndex: Int?
    var rule: RuleID
  }

  /// How many names a summary lists, and how many ranges of lines.
  static let namesListed = 5
  static let rangesListed = 10
}

extension Array where Element == Finding {
  /// The findings with every flood made one: when one file (batch) has more than `limit`
  /// findings of a rule of ``Finding/floodRules``, they are replaced, where the first of them
  /// was, by one finding of the same rule and the worst severity among them, on the first
  /// line, whose message gives their number and the first names (or the lines, as ranges).
  public func collapsingFloods(limit: Int = Finding.floodLimit) -> [Finding] {
    var groups: [Finding.FloodKey: [Int]] = [:]
    for (index, finding) in enumerated() where Finding.floodRules[finding.rule] != nil {
      groups[Finding.FloodKey(batch: finding.batch, batchIndex: finding.batchIndex, rule: finding.rule), default: []]
        .append(index)
    }
    var replaced: [Int: Finding] = [:]
    var removed = Set<Int>()
    for (key, indices) in groups where indices.count > limit {
      let flood = Finding.floodRules[key.rule]!
      replaced[indices[0]] = Finding.summary(of: indices.map { self[$0] }, flood: flood)
      removed.formUnion(indices.dropFirst())
    }
    guard !replaced.isEmpty else { return self }
    return indices.compactMap { removed.contains($0) ? nil : replaced[$0] ?? self[$0] }
  }
}

extension Finding {
  /// One finding for all of `findings` (one file, one rule).
  static func summary(of findings: [Finding], flood: Flood) -> Finding {
    let first = findings[0]
    let lines = findings.compactMap(\.line)
    var message = "\(findings.count) \(flood.summary)"
    if flood.byColumn {
      let names = findings.prefix(namesListed).map { finding in
        finding.variable.map { "'" + LogText.capped($0, limit: 40) + "'" } ?? "(no name)"
      }
      message += "; the first \(names.count): " + names.joined(separator: ", ")
    } else {
      message += "; " + describe(lines: lines)
    }
    return Finding(
      severity: findings.map(\.severity).min()!, rule: first.rule, batch: first.batch, line: lines.min(),
      message: message, batchIndex: first.batchIndex)
  }

  /// `lines 3-5002, 5004`: the lines as ranges, the first ``rangesListed`` of them.
  static func describe(lines: [Int]) -> String {
    var ranges: [ClosedRange<Int>] = []
    for line in Set(lines).sorted() {
      if let last = ranges.last, last.upperBound + 1 == line {
        ranges[ranges.count - 1] = last.lowerBound...line
      } else {
        ranges.append(line...line)
      }
    }
    let shown = ranges.prefix(rangesListed)
    var text = ranges.count == 1 && ranges[0].count == 1 ? "line " : "lines "
    text += shown.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
      .joined(separator: ", ")
    let rest = ranges.dropFirst(rangesListed).reduce(0) { $0 + $1.count }
    if rest > 0 { text += " and \(rest) more" }
    return text
  }
}
