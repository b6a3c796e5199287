import Foundation

/// A kind of replicate weights, as R's `as.svrepdesign(type =)` and `svrepdesign(type =)` name
/// them.
public enum ReplicateMethod: Sendable, Equatable, CustomStringConvertible {
  /// Delete-one-PSU jackknife of an unstratified design (R's `JK1`).
  case jk1
  /// Delete-one-PSU jackknife within strata (R's `JKn`).
  case jkn
  /// Balanced repeated replication, half-samples from a Hadamard matrix (R's `BRR`).
  case brr
  /// Fay's modified BRR: the half-samples weigh 2 − ρ and ρ instead of 2 and 0 (R's `Fay`).
  case fay(rho: Double)
  /// The Rao–Wu–Canty–Davison bootstrap of PSUs within strata, `replicates` resamples (R's
  /// `bootstrap`); supplied bootstrap columns have as many as there are columns.
  case bootstrap(replicates: Int)
  /// Supplied weights of another kind: the scale and rscales are given (R's `other`).
  case other

  /// How the flags and pipelines spell it: `jk1`, `jkn`, `brr`, `fay=0.5`, `bootstrap=200`,
  /// `other`.
  public var description: String {
    switch self {
    case .jk1: return "jk1"
    case .jkn: return "jkn"
    case .brr: return "brr"
    case .fay(let rho): return "fay=\(NumberFormatting.string(rho))"
    case .bootstrap(let replicates): return replicates > 0 ? "bootstrap=\(replicates)" : "bootstrap"
    case .other: return "other"
    }
  }

  /// The method R prints (`JK1`, `JKn`, `BRR`, `Fay`, `bootstrap`, `other`).
  public var rName: String {
    switch self {
    case .jk1: return "JK1"
    case .jkn: return "JKn"
    case .brr: return "BRR"
    case .fay: return "Fay"
    case .bootstrap: return "bootstrap"
    case .other: return "other"
    }
  }

  /// Reads `jk1`, `jkn`, `brr`, `fay=RHO` (0 ≤ ρ < 1), `bootstrap=R` (R ≥ 2; plain `bootstrap`
  /// when `supplied`) and, when `supplied`, `other`; otherwise the problem.
  public static func parse(_ text: String, supplied: Bool) -> Result<ReplicateMethod, ReplicateSpecProblem> {
    let parts = text.split(separator: "=", maxSplits: 1).map { String($0) }
    let name = parts.first?.lowercased() ?? ""
    let value = parts.count == 2 ? parts[1] : nil
    switch (name, value) {
    case ("jk1", nil): return .success(.jk1)
    case ("jkn", nil): return .success(.jkn)
    case ("brr", nil): return .success(.brr)
    case ("other", nil) where supplied: return .success(.other)
    case ("bootstrap", nil) where supplied: return .success(.bootstrap(replicates: 0))
    case ("fay", let rho?):
      guard let rho = Double(rho), rho >= 0, rho < 1 else { return .failure(.fayRho(text)) }
      return .success(.fay(rho: rho))
    case ("bootstrap", let count?) where !supplied:
      guard let count = Int(count), count >= 2, count <= 100_000 else { return .failure(.bootstrapCount(text)) }
      return .success(.bootstrap(replicates: count))
    default:
      return .failure(.unknown(text, supplied: supplied))
    }
  }
}

/// Why a replicate method could not be read.
public enum ReplicateSpecProblem: Error, Equatable, Sendable, CustomStringConvertible {
  case unknown(String, supplied: Bool)
  case fayRho(String)
  case bootstrapCount(String)

  public var description: String {
    switch self {
    case .unknown(let text, let supplied):
      let names = supplied ? "jk1, jkn, brr, fay=RHO, bootstrap or other" : "jk1, jkn, brr, fay=RHO or bootstrap=R"
      return "unknown replicate method '\(text)' (expected \(names))"
    case .fayRho(let text):
      return "'\(text)': Fay's rho must be a number from 0 up to (not including) 1, as in fay=0.5"
    case .bootstrapCount(let text):
      return "'\(text)': give the number of bootstrap replicates, 2 to 100000, as in bootstrap=200"
    }
  }
}

/// Replicate weights for a design: made from its strata and PSUs (`--replicates`, a pipeline's
/// `design: {replicates: …}`), or read from columns of the data (`--repweights`).
public struct ReplicateSpec: Sendable, Equatable {
  /// How the replicates are made, or what kind the supplied columns are.
  public var method: ReplicateMethod
  /// The columns of supplied replicate weights: a prefix (`repw` for repw1, repw2, …) or, when it
  /// starts with `^`, a regular expression; nil when the replicates are made from the design.
  public var columns: String?
  /// The overall multiplier of the replicate variance (supplied weights; R's `scale`).
  public var scale: Double?
  /// Per replicate multipliers (supplied weights; R's `rscales`), in replicate order.
  public var rscales: [Double]?
  /// The file `rscales` came from, for messages.
  public var rscalesFile: String?
  /// Centre the squared deviations on the full-sample estimate instead of the replicates' mean
  /// (R's `mse = TRUE`).
  public var mse: Bool
  /// The seed of the bootstrap's resamples.
  public var seed: UInt64

  public init(
    method: ReplicateMethod, columns: String? = nil, scale: Double? = nil, rscales: [Double]? = nil, mse: Bool = false,
    seed: UInt64 = 1
  ) {
    self.method = method
    self.columns = columns
    self.scale = scale
    self.rscales = rscales
    self.mse = mse
    self.seed = seed
  }

  /// Whether the replicate weights are supplied as columns.
  public var isSupplied: Bool { columns != nil }

  /// The names among `names` that `pattern` selects, in their order: those named `pattern`
  /// followed by digits, or, for a pattern starting with `^`, those the regular expression
  /// matches (R's `svrepdesign(repweights = "regex")`); nil when the pattern is not a valid
  /// regular expression.
  public static func columnNames(matching pattern: String, in names: [String]) -> [String]? {
    if pattern.hasPrefix("^") {
      guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
      return names.filter { regex.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
    }
    return names.filter { name in
      guard name.hasPrefix(pattern) else { return false }
      let rest = name.dropFirst(pattern.count)
      return !rest.isEmpty && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }
  }
}
