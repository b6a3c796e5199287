import Foundation
import Testing
import _SurveyTestSupport

/// One case of `fixtures/r-reference/expected.json`: `survey-pipe estimate` arguments and what R
/// computed for them.
struct ReferenceCase: Sendable, CustomTestStringConvertible {
  var name: String
  var data: String
  var args: [String]
  var expectError: Bool
  var estimates: [[String: JSONValue]]
  /// The domains of rows R returned but the fixture leaves out (all values missing).
  var omittedDomains: [[String: String]]
  /// `survey-pipe weight` arguments (the design and weighting flags) and R's weights, row by row.
  var weightArgs: [String]?
  var weights: [Double]?
  /// The case's notes; for an error case, `R stops with: MESSAGE`.
  var notes: [String] = []

  var testDescription: String { name }

  /// Every case of `expected.json` (designs without weighting steps).
  static let all: [ReferenceCase] = load("expected.json")

  /// Every case of `weighting.json` (post-stratification, raking, calibration, trimming,
  /// nonresponse, multistage designs).
  static let weighting: [ReferenceCase] = load("weighting.json")

  /// The cases of `fixtures/r-reference/<file>`.
  static func load(_ file: String) -> [ReferenceCase] {
    let data = try! Data(contentsOf: URL(fileURLWithPath: Fixtures.path("r-reference/\(file)")))
    let root = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    return (root["cases"] as! [[String: Any]]).map { item in
      ReferenceCase(
        name: item["name"] as! String, data: item["data"] as! String, args: item["args"] as! [String],
        expectError: item["expect_error"] as? Bool ?? false,
        estimates: (item["estimates"] as! [[String: Any]]).map { $0.mapValues(JSONValue.init) },
        omittedDomains: (item["r_omitted_rows"] as? [[String: Any]] ?? []).map { $0["by"] as! [String: String] },
        weightArgs: item["weight_args"] as? [String],
        weights: (item["weights"] as? [NSNumber])?.map(\.doubleValue), notes: item["notes"] as? [String] ?? [])
    }
  }
}

/// A JSON scalar or object as Foundation parses it, kept Sendable.
enum JSONValue: Sendable, Equatable {
  case null, number(Double), string(String), object([String: String])

  init(_ any: Any) {
    switch any {
    case let number as NSNumber: self = .number(number.doubleValue)
    case let text as String: self = .string(text)
    case let object as [String: Any]: self = .object(object.mapValues { "\($0)" })
    default: self = .null
    }
  }

  var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }
}

/// The identity of an estimate row: statistic, variable, level, quantile and domain.
struct RowKey: Hashable, CustomStringConvertible {
  var statistic: String
  var variable: String
  var level: String?
  var quantile: Double?
  var by: [String: String]

  init(_ row: [String: JSONValue]) {
    func text(_ key: String) -> String? {
      if case .string(let value) = row[key] { return value }
      return nil
    }
    statistic = text("statistic") ?? ""
    variable = text("variable") ?? ""
    level = text("level")
    quantile = row["quantile"]?.number
    if case .object(let by) = row["by"] { self.by = by } else { by = [:] }
  }

  var description: String {
    "\(statistic) \(variable) \(level ?? "-")\(quantile.map { " @\($0)" } ?? "") \(by.sorted { $0.key < $1.key })"
  }
}

/// Runs `survey-pipe estimate` on a case's data and arguments in fixtures/r-reference, expects it
/// to succeed, and returns its rows (keeping only those `keep` accepts).
func estimateRows(
  _ reference: ReferenceCase, keep: ([String: JSONValue]) -> Bool = { _ in true }
) throws -> [[String: JSONValue]] {
  let (output, rows) = try estimateJSON([reference.data] + reference.args, in: Fixtures.path("r-reference"))
  #expect(output.status == 0, "\(reference.name): \(output.stderr)")
  return rows.filter(keep)
}

/// Runs `survey-pipe estimate` (in `directory`, if given) and parses its JSON output into rows.
func estimateJSON(
  _ arguments: [String], in directory: String? = nil
) throws -> (output: ProcessOutput, rows: [[String: JSONValue]]) {
  let output = try SurveyPipeBinary.run(["estimate"] + arguments + ["--format", "json"], in: directory)
  guard output.status == 0 else { return (output, []) }
  let root = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
  let rows = (root["estimates"] as! [[String: Any]]).map { $0.mapValues(JSONValue.init) }
  return (output, rows)
}


/// Compares `survey-pipe estimate`'s rows with R's: every R row present, each number within
/// 1e-9 relative (an exact zero within 1e-9 absolute), df and n exact; rows R returned for
/// domains without data, which the fixture leaves out, must be ours with nulls.
///
/// A row whose variance is zero up to rounding (R's se at most 1e-10 × max(1, |estimate|): the
/// total of a calibration or stratification variable, a level every row has) must have such an
/// se here too; its interval is compared with the estimate's scale and its design effect, 0/0 in
/// exact arithmetic and rounding noise in R, is not compared.
/// - Returns: the worst relative difference.
@discardableResult
func compareWithR(_ reference: ReferenceCase, rows: [[String: JSONValue]]) -> Double {
  var ours: [RowKey: [String: JSONValue]] = [:]
  for row in rows { ours[RowKey(row)] = row }
  #expect(ours.count == rows.count, "duplicate rows")
  var worst = 0.0
  for expected in reference.estimates {
    let key = RowKey(expected)
    guard let actual = ours.removeValue(forKey: key) else {
      Issue.record("\(reference.name): no row \(key)")
      continue
    }
    let scale = max(1, abs(expected["estimate"]?.number ?? 0))
    if let rSE = expected["se"]?.number, rSE <= 1e-10 * scale {
      let se = actual["se"]?.number ?? .infinity
      #expect(se <= 1e-10 * scale, "\(reference.name): \(key) se \(se) where R's is zero up to rounding (\(rSE))")
      for field in ["estimate", "ci_low", "ci_high"] {
        if let want = expected[field]?.number, let got = actual[field]?.number {
          #expect(abs(got - want) <= 1e-9 * scale, "\(reference.name): \(key) \(field): \(got) vs R \(want)")
        } else {
          #expect(expected[field] == actual[field], "\(reference.name): \(key) \(field)")
        }
      }
      #expect(actual["df"] == expected["df"], "\(key) df")
      #expect(actual["n"] == expected["n"], "\(key) n")
      continue
    }
    for field in ["estimate", "se", "ci_low", "ci_high", "deff"] {
      guard let want = expected[field]?.number else {
        #expect(actual[field] == .null, "\(key) \(field) should be null")
        continue
      }
      guard let got = actual[field]?.number else {
        Issue.record("\(key) \(field) is null, R has \(want)")
        continue
      }
      // Relative to R's value; an exact zero in R (a proportion of 0) must be (near) zero here.
      let difference = want == 0 ? abs(got) : abs(got - want) / abs(want)
      worst = max(worst, difference)
      #expect(difference <= 1e-9, "\(reference.name): \(key) \(field): \(got) vs R \(want)")
    }
    #expect(actual["df"] == expected["df"], "\(key) df")
    #expect(actual["n"] == expected["n"], "\(key) n")
  }
  #expect(Set(ours.keys.map(\.by)) == Set(reference.omittedDomains), "unexpected rows \(Array(ours.keys))")
  for row in ours.values {
    for field in ["estimate", "se", "ci_low", "ci_high", "deff"] { #expect(row[field] == .null) }
    #expect(row["df"] == .number(0))
    #expect(row["n"] == .number(0))
  }
  return worst
}
