import SurveyCore

/// The id of a finding in the logs (`finding_id`): derived from what the finding is about, not
/// from its place in the log, so that a reviewer's decision and notes stay attached to it when a
/// batch is added, rows are reordered or the run is repeated.
///
/// The id is `F` followed by the first ``hexDigits`` hex digits of the SHA-256 of the finding's
/// ``key(_:)``. The n-th finding (n ≥ 2, in log order) with the same key hashes the key followed
/// by `#n`; a different key whose digest prefix is already taken (about one chance in a thousand
/// at 50,000 findings) hashes the key followed by `~1`, `~2`… until the id is free. Both rules
/// follow log order, so the same findings get the same ids on every run.
public enum FindingID {
  /// Hex digits of the SHA-256 kept in an id (40 bits).
  public static let hexDigits = 10

  /// What the finding is about: its rule and variable, then its record id when it has one (the
  /// record id is set only when it can be trusted), else its batch and line, else its value (a
  /// finding about one interviewer, `dont-know-share`, has the interviewer as its value, a
  /// `nonresponse-class` finding its weighting class), else nothing more (a finding about the
  /// whole run, such as `negative-weight`: one per rule and variable). The message is never part
  /// of the key: messages hold counts and factors that change as batches arrive. Fields are
  /// joined by U+001F.
  public static func key(_ finding: Finding) -> String {
    var parts = [finding.rule.rawValue, finding.variable ?? ""]
    if let record = finding.recordID {
      parts += ["record", record]
    } else if finding.batch != nil || finding.line != nil {
      parts += ["place", finding.batch ?? "", finding.line.map(String.init) ?? ""]
    } else if let value = finding.value {
      parts += ["value", value]
    } else {
      parts += ["run"]
    }
    return parts.joined(separator: "\u{1F}")
  }

  /// The ids of `findings`, in their order (log order); `digits` is ``hexDigits`` but in tests
  /// that force collisions.
  public static func assign(_ findings: [Finding], digits: Int = hexDigits) -> [String] {
    var repeats: [String: Int] = [:]
    var taken = Set<String>()
    taken.reserveCapacity(findings.count)
    return findings.map { finding in
      var key = key(finding)
      let seen = repeats[key, default: 0] + 1
      repeats[key] = seen
      if seen > 1 { key += "\u{1F}#\(seen)" }
      var id = digest(key, digits)
      var salt = 0
      while taken.contains(id) {
        salt += 1
        id = digest(key + "\u{1F}~\(salt)", digits)
      }
      taken.insert(id)
      return id
    }
  }

  static func digest(_ key: String, _ digits: Int) -> String {
    "F" + FileDigest.sha256(Array(key.utf8)).prefix(digits)
  }
}
