/// The entries of a run folder that `survey-pipe run` writes: the only ones a later run may delete
/// when it replaces the folder (anything else in it makes the run refuse; see `OutputFolder`).
///
/// Keep this in step with ``PipelineRun/execute()`` and docs/outputs.md.
public enum RunFolderLayout {
  /// Files at the top of the folder.
  static let files: Set<String> = [
    "run.json", "validation.csv", "validation.jsonl", "validation.html", "cleaning-log.csv", "weights.json", "tables.md", "tables.html",
    "tables.json", "tables.xlsx", "validation.xlsx",
  ]
  /// Files in `tidy/`.
  static let tidyFiles: Set<String> = ["survey.csv", "datapackage.json", "survey.dta", "survey.sav"]
  /// Finder's folder settings, which macOS writes into any folder a user opens: not worth a refusal.
  static let systemFiles: Set<String> = [".DS_Store"]

  /// Whether the entry at `relativePath` (`/`-separated) is one a run writes.
  public static func owns(_ relativePath: String, isFolder: Bool) -> Bool {
    let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if !isFolder, let last = parts.last, systemFiles.contains(last) { return true }
    switch (parts.count, isFolder) {
    case (1, true): return parts[0] == "tidy" || parts[0] == "tables"
    case (1, false): return files.contains(parts[0])
    case (2, false) where parts[0] == "tidy": return tidyFiles.contains(parts[1])
    case (2, false) where parts[0] == "tables": return parts[1].hasSuffix(".csv") && !parts[1].hasPrefix(".")
    default: return false
    }
  }
}
