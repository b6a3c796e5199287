import ArgumentParser
import Foundation
import SurveyCore

/// The CALIBRATION flags of `estimate` and `weight`, applied in this order: nonresponse
/// adjustment, post-stratification, raking, calibration, trimming.
struct CalibrationFlags: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Response indicator (1/0, yes/no, true/false): respondents carry the weight of their class's nonrespondents, who get weight 0.",
      valueName: "column"))
  var nonresponse: String?

  @Option(help: ArgumentHelp("Weighting classes for --nonresponse, comma separated.", valueName: "columns"))
  var classes: [String] = []

  @Option(
    name: .customLong("min-respondents"),
    help: ArgumentHelp("Warn about a weighting class with fewer respondents (default 20).", valueName: "n"))
  var minRespondents: Int?

  @Option(
    help: ArgumentHelp(
      "Post-stratify to the margins of one variable, or of joint cells (sex:age_group).", valueName: "variable"))
  var poststratify: [String] = []

  @Option(
    help: ArgumentHelp(
      "Rake (iterative proportional fitting) to the margins of these variables, comma separated; joint margins as sex:age_group.",
      valueName: "variables"))
  var rake: [String] = []

  @Option(
    name: .customLong("rake-epsilon"),
    help: ArgumentHelp(
      "Raking stops when no weighted count of the joint table moves by this much in a sweep (below 1: a fraction of the weights' sum; R's default 1).",
      valueName: "e"))
  var rakeEpsilon: Double?

  @Option(name: .customLong("rake-maxit"), help: ArgumentHelp("The most raking sweeps (R's default 10).", valueName: "n"))
  var rakeMaxit: Int?

  @Option(help: ArgumentHelp("Calibrate with this distance: linear (GREG), raking or logit.", valueName: "method"))
  var calibrate: String?

  @Option(
    name: .customLong("calibrate-vars"),
    help: ArgumentHelp(
      "Calibration variables, comma separated: categorical (joint as a:b) or numeric (a margins row with an empty level).",
      valueName: "variables"))
  var calibrateVars: [String] = []

  @Option(
    help: ArgumentHelp(
      "Bounds on the calibration factor g (calibrated over input weight), such as 0.5,2; logit needs them.",
      valueName: "lo,hi"))
  var bounds: String?

  @Option(
    name: .customLong("calibrate-epsilon"),
    help: ArgumentHelp("Calibration converges when every total is within this × (1 + |total|) (R's 1e-7).", valueName: "e"))
  var calibrateEpsilon: Double?

  @Option(
    name: .customLong("calibrate-maxit"), help: ArgumentHelp("The most calibration iterations (R's 50).", valueName: "n"))
  var calibrateMaxit: Int?

  @Option(
    name: .customLong("margins"),
    help: ArgumentHelp(
      "Population totals: a CSV with columns variable,level,total (read with the READ flags).", valueName: "file"))
  var marginsFiles: [String] = []

  /// The one margins file.
  var margins: String? { marginsFiles.first }

  @Option(name: .customLong("trim-lower"), help: ArgumentHelp("Raise weights below this to it.", valueName: "x"))
  var trimLower: Double?

  @Option(name: .customLong("trim-upper"), help: ArgumentHelp("Lower weights above this to it.", valueName: "y"))
  var trimUpper: Double?

  @Flag(name: .customLong("trim-strict"), help: "Repeat trimming until no weight is outside the bounds.")
  var trimStrict = false

  @Option(
    name: .customLong("trim-relative-to"),
    help: ArgumentHelp("Trimming bounds are weights (absolute) or multiples of the median or mean weight.", valueName: "ref"))
  var trimRelativeTo: String = "absolute"

  func validate() throws {
    _ = try spec()
  }

  /// The comma-separated lists of a repeatable option, trimmed.
  static func list(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
  }

  /// The flags as weighting steps; nil when none is given.
  func spec() throws -> WeightingSpec? {
    var spec = WeightingSpec()
    func needMargins(_ flag: String) throws -> String {
      guard let margins else { throw ValidationError("\(flag) needs --margins FILE (columns variable,level,total)") }
      return margins
    }
    if marginsFiles.count > 1 { throw ValidationError("give --margins once (one file may hold every margin)") }
    if let nonresponse {
      spec.nonresponse = NonresponseSpec(response: nonresponse, classes: Self.list(classes), minRespondents: minRespondents ?? 20)
      guard (minRespondents ?? 0) >= 0 else { throw ValidationError("--min-respondents must be 0 or more") }
    } else if !classes.isEmpty || minRespondents != nil {
      throw ValidationError("--classes and --min-respondents need --nonresponse RESPONSE")
    }
    if poststratify.count > 1 || poststratify.first?.contains(",") == true {
      throw ValidationError(
        "--poststratify takes one variable, or joint cells as a:b, once; to adjust to several margins use --rake or --calibrate")
    }
    if let variable = poststratify.first {
      spec.postStratify = PostStratifySpec(variable: variable, margins: try needMargins("--poststratify"))
    }
    if !rake.isEmpty {
      var rakeSpec = RakeSpec(variables: Self.list(rake), margins: try needMargins("--rake"))
      if let rakeEpsilon { rakeSpec.epsilon = rakeEpsilon }
      if let rakeMaxit { rakeSpec.maxit = rakeMaxit }
      guard rakeSpec.epsilon > 0, rakeSpec.maxit >= 1 else {
        throw ValidationError("--rake-epsilon must be positive and --rake-maxit 1 or more")
      }
      spec.rake = rakeSpec
    } else if rakeEpsilon != nil || rakeMaxit != nil {
      throw ValidationError("--rake-epsilon and --rake-maxit need --rake")
    }
    spec.calibrate = try calibration(needMargins)
    for (flag, value) in [("--trim-lower", trimLower), ("--trim-upper", trimUpper)] where value.map({ !$0.isFinite }) == true {
      throw ValidationError("\(flag) must be a finite number")
    }
    if let trimUpper, trimUpper <= 0 { throw ValidationError("--trim-upper must be positive") }
    if let trimLower, trimLower < 0 { throw ValidationError("--trim-lower must be 0 or more") }
    if trimLower != nil || trimUpper != nil {
      guard let reference = TrimReference(rawValue: trimRelativeTo) else {
        throw ValidationError("unknown --trim-relative-to '\(trimRelativeTo)' (expected absolute, median or mean)")
      }
      if let trimLower, let trimUpper, trimLower > trimUpper {
        throw ValidationError("--trim-lower is above --trim-upper")
      }
      spec.trim = TrimSpec(lower: trimLower, upper: trimUpper, relativeTo: reference, strict: trimStrict)
    } else if trimStrict || trimRelativeTo != "absolute" {
      throw ValidationError("--trim-strict and --trim-relative-to need --trim-lower or --trim-upper")
    }
    if margins != nil, spec.postStratify == nil, spec.rake == nil, spec.calibrate == nil {
      throw ValidationError("--margins is for --poststratify, --rake or --calibrate; give one of them")
    }
    return spec.isEmpty ? nil : spec
  }

  /// The calibration step, if `--calibrate` is given.
  func calibration(_ needMargins: (String) throws -> String) throws -> CalibrateSpec? {
    guard let calibrate else {
      if !calibrateVars.isEmpty || bounds != nil || calibrateEpsilon != nil || calibrateMaxit != nil {
        throw ValidationError("--calibrate-vars, --bounds, --calibrate-epsilon and --calibrate-maxit need --calibrate METHOD")
      }
      return nil
    }
    guard let method = CalibrationMethod(rawValue: calibrate) else {
      throw ValidationError("unknown --calibrate '\(calibrate)' (expected linear, raking or logit)")
    }
    let variables = Self.list(calibrateVars)
    guard !variables.isEmpty, !variables.contains(where: \.isEmpty) else {
      throw ValidationError("--calibrate needs --calibrate-vars V1,V2,...")
    }
    var spec = CalibrateSpec(method: method, variables: variables, margins: try needMargins("--calibrate"))
    if let bounds {
      let parts = bounds.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
      guard parts.count == 2, let lower = parts[0], let upper = parts[1], lower < upper else {
        throw ValidationError("--bounds takes LO,HI with LO < HI, such as 0.5,2")
      }
      spec.lower = lower
      spec.upper = upper
    }
    if method == .logit, !(spec.lower.isFinite && spec.upper.isFinite && spec.lower < 1 && spec.upper > 1) {
      throw ValidationError("--calibrate logit needs finite --bounds around 1, such as 0.5,2")
    }
    if let calibrateEpsilon { spec.epsilon = calibrateEpsilon }
    if let calibrateMaxit { spec.maxit = calibrateMaxit }
    guard spec.epsilon > 0, spec.maxit >= 1 else {
      throw ValidationError("--calibrate-epsilon must be positive and --calibrate-maxit 1 or more")
    }
    return spec
  }
}
