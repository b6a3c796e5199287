/// How Kobo and ODK name the columns of their CSV exports: group paths before question names,
/// and the meta columns the servers and forms add.
///
/// - KoboToolbox ("Include groups in headers", group separator `/` by default):
///   `grp_intro/sex`, `group_a/group_b/sex`; split multi-selects `symptoms/fever` or
///   `grp/symptoms/fever`; meta columns `_id`, `_uuid`, `_submission_time`, …, `meta/instanceID`,
///   `formhub/uuid`.
/// - ODK Central and Briefcase (`groupPaths`, on by default): groups joined by `-`
///   (`grp_intro-sex`, `meta-instanceID`); split multi-selects `grp-symptoms/fever`; meta
///   columns `SubmissionDate`, `KEY`, `SubmitterID`, `SubmitterName`, `ReviewState`, ….
///
/// Names here are compared after ``HeaderName/normalized(_:)`` (lower case, no white space).
enum ExportHeader {
  /// What separates a group from the name inside it: `/` (Kobo) and `-` (ODK Central).
  static let groupSeparators: Set<Character> = ["/", "-"]

  /// Groups whose columns are never questions, so never stripped to match a variable:
  /// `formhub/uuid` is the form's id, not a submission's.
  static let metaOnlyGroups: Set<String> = ["formhub"]

  /// Does a header (normalized keys) come from ODK Central or Briefcase, whose groups are joined
  /// by `-`? Only then is `-` a group separator: in any other file `mother-age` is one name, not
  /// `age` in a group `mother` (found in review: it was read as `age` without a word).
  static func joinsGroupsWithDash(_ keys: [String]) -> Bool {
    keys.contains { $0 == "submissiondate" || $0 == "key" || $0.hasPrefix("meta-") }
  }

  /// The names `key` may stand for once its group path is dropped, longest first:
  /// `a/b/sex` gives `b/sex`, then `sex`. Empty when `key` has no group separator. `-` separates
  /// groups only when `dashGroups` (an ODK Central export, ``joinsGroupsWithDash(_:)``).
  static func withoutGroups(_ key: String, dashGroups: Bool = true) -> [String] {
    var names: [String] = []
    var index = key.startIndex
    let separators: Set<Character> = dashGroups ? groupSeparators : ["/"]
    while let separator = key[index...].firstIndex(where: { separators.contains($0) }) {
      if names.isEmpty, metaOnlyGroups.contains(String(key[..<separator])) { return [] }
      index = key.index(after: separator)
      guard index < key.endIndex else { break }
      names.append(String(key[index...]))
    }
    return names
  }

  /// The columns Kobo (KPI/KoboCAT) adds to every submission.
  static let koboSubmissionColumns: Set<String> = [
    "_id", "_uuid", "_index", "_submission_time", "_submitted_by", "_validation_status", "_notes", "_status",
    "_tags", "__version__", "_version_", "_xform_id_string", "_attachments", "_geolocation", "_parent_index",
    "_parent_table_name", "_submission__id", "_submission__uuid", "_submission__submission_time",
    "_submission__validation_status", "_submission__notes", "_submission__status", "_submission__submitted_by",
    "_submission___version__", "_submission__tags", "_bamboo_dataset_id", "_media_all_received", "_total_media",
    "_media_count",
  ]

  /// The columns ODK Central and Briefcase add to every submission (and repeat row).
  static let odkSubmissionColumns: Set<String> = [
    "submissiondate", "key", "parent_key", "submitterid", "submittername", "attachmentspresent",
    "attachmentsexpected", "status", "reviewstate", "deviceid", "edits", "formversion", "isvalidated",
  ]

  /// XLSForm metadata questions, under the names Kobo's form builder gives them.
  static let metadataQuestions: Set<String> = [
    "start", "end", "today", "deviceid", "username", "phonenumber", "simserial", "subscriberid", "email", "audit",
    "audit_url",
  ]

  /// Is the (normalized) header `key` a Kobo or ODK meta column rather than a question?
  /// Columns of the `meta` and `formhub` groups (`meta/instanceID`, `meta-instanceName`,
  /// `formhub/uuid`) are meta too.
  static func isMeta(_ key: String) -> Bool {
    if koboSubmissionColumns.contains(key) || odkSubmissionColumns.contains(key) || metadataQuestions.contains(key) {
      return true
    }
    guard let separator = key.firstIndex(where: { groupSeparators.contains($0) }) else { return false }
    let group = key[..<separator]
    return group == "meta" || group == "formhub"
  }
}
