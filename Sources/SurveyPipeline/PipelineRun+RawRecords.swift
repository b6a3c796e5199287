import SurveyCore
import SurveyIngest
import SurveyValidate

extension PipelineRun {
  /// The raw text of every record a finding is about, personal data masked (``SurveyIngest/RawRecords``),
  /// for `validation.html`. Only the batches with such findings are read again; a batch that can
  /// no longer be read, or whose bytes have changed since ingest, shows no raw records.
  ///
  /// - Parameter table: the table ingest read, whose row lines say where each record starts.
  func rawRecords(
    of findings: [Finding], table: DataTable, sources: [BatchSource], batches: [BatchReport]
  ) -> [ValidationLog.RecordPlace: String] {
    var wanted: [Int: Set<Int>] = [:]
    for finding in findings where finding.row != nil {
      guard let batch = finding.batchIndex, let line = finding.line, batch < sources.count else { continue }
      wanted[batch, default: []].insert(line)
    }
    let schema = IngestSchema(codebook: codebook)
    let personal = Set(codebook.variables.filter(\.pii).map(\.name))
    var texts: [ValidationLog.RecordPlace: String] = [:]
    for (batch, lines) in wanted.sorted(by: { $0.key < $1.key }) {
      // Presentation only: a file gone since ingest must not cost the run its logs.
      guard
        let found = try? RawRecords.read(
          sources[batch], report: batches[batch], lines: Self.nextRecordLines(lines, batch: batch, in: table),
          schema: schema, personal: personal)
      else { continue }
      for (line, text) in found { texts[ValidationLog.RecordPlace(batch: sources[batch].name, line: line)] = text }
    }
    return texts
  }

  /// For each of `lines` that starts a record of `batch`, the line where the batch's next record
  /// starts (`Int.max` after the last).
  static func nextRecordLines(_ lines: Set<Int>, batch: Int, in table: DataTable) -> [Int: Int] {
    // The rows of a batch are contiguous, in line order.
    let first = table.rowBatch.partitioningIndex { Int($0) >= batch }
    let end = table.rowBatch[first...].partitioningIndex { Int($0) > batch }
    let starts = table.rowLine[first..<end]
    var next: [Int: Int] = [:]
    for line in lines {
      let index = starts.partitioningIndex { Int($0) >= line }
      guard index < end, Int(starts[index]) == line else { continue }
      next[line] = index + 1 < end ? Int(starts[index + 1]) : Int.max
    }
    return next
  }
}

extension Collection {
  /// The first index whose element satisfies `predicate`, which must be false and then true
  /// along the collection (a binary search); `endIndex` when none does.
  func partitioningIndex(where predicate: (Element) -> Bool) -> Index {
    var low = startIndex
    var count = distance(from: low, to: endIndex)
    while count > 0 {
      let half = count / 2
      let middle = index(low, offsetBy: half)
      if predicate(self[middle]) {
        count = half
      } else {
        low = index(after: middle)
        count -= half + 1
      }
    }
    return low
  }
}
