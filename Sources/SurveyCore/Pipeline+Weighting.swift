import Foundation

extension Pipeline {
  static let weightingKeys = ["margins", "nonresponse", "poststratify", "rake", "calibrate", "trim"]
  static let nonresponseKeys = ["response", "classes", "min_respondents"]
  static let poststratifyKeys = ["variable", "margins"]
  static let rakeKeys = ["variables", "margins", "epsilon", "maxit"]
  static let calibrateKeys = ["method", "variables", "margins", "bounds", "epsilon", "maxit"]
  static let trimKeys = ["lower", "upper", "relative_to", "strict"]

  /// The `weighting:` section. Margins files are resolved against `directory`; a step without
  /// its own `margins` uses the section's.
  static func weighting(_ node: ConfigNode, directory: String, marginLines: inout [String: Int]) throws -> WeightingSpec {
    let entry = try node.record(known: weightingKeys)
    var spec = WeightingSpec()
    spec.line = node.line
    let shared = try entry["margins"].map { FileGlob.resolve(try $0.string(), against: directory) }
    if let line = entry["margins"]?.line { marginLines["weighting.margins"] = line }
    func margins(_ step: ConfigRecord, _ stepNode: ConfigNode, _ name: String) throws -> String {
      if let own = step["margins"] {
        marginLines["weighting.\(name).margins"] = own.line
        return FileGlob.resolve(try own.string(), against: directory)
      }
      guard let shared else {
        throw stepNode.invalid("\(name) needs a margins file: give 'margins' here or in 'weighting'")
      }
      marginLines["weighting.\(name).margins"] = entry["margins"]?.line
      return shared
    }
    for step in ["nonresponse", "poststratify", "rake", "calibrate", "trim"] {
      if let node = entry[step] { marginLines["weighting.\(step)"] = node.line }
    }
    if let stepNode = entry["nonresponse"] {
      let step = try stepNode.record(known: nonresponseKeys)
      var nonresponse = NonresponseSpec(
        response: try step.required("response").string(), classes: try step["classes"]?.strings() ?? [])
      if let minimum = step["min_respondents"] {
        nonresponse.minRespondents = try minimum.int()
        guard nonresponse.minRespondents >= 0 else { throw minimum.invalid("expected a count of respondents, 0 or more") }
      }
      spec.nonresponse = nonresponse
    }
    if let stepNode = entry["poststratify"] {
      let step = try stepNode.record(known: poststratifyKeys)
      spec.postStratify = PostStratifySpec(
        variable: try joint(step.required("variable")), margins: try margins(step, stepNode, "poststratify"))
    }
    if let stepNode = entry["rake"] {
      let step = try stepNode.record(known: rakeKeys)
      var rake = RakeSpec(variables: try variables(step.required("variables")), margins: try margins(step, stepNode, "rake"))
      if let epsilon = step["epsilon"] { rake.epsilon = try positive(epsilon) }
      if let maxit = step["maxit"] { rake.maxit = try iterations(maxit) }
      spec.rake = rake
    }
    if let stepNode = entry["calibrate"] {
      spec.calibrate = try calibrate(stepNode, margins: margins)
    }
    if let stepNode = entry["trim"] {
      spec.trim = try trim(stepNode)
    }
    return spec
  }

  static func calibrate(
    _ stepNode: ConfigNode, margins: (ConfigRecord, ConfigNode, String) throws -> String
  ) throws -> CalibrateSpec {
    let step = try stepNode.record(known: calibrateKeys)
    let method = CalibrationMethod(
      rawValue: try step.required("method").choice(CalibrationMethod.allCases.map(\.rawValue)))!
    var calibrate = CalibrateSpec(
      method: method, variables: try variables(step.required("variables")), margins: try margins(step, stepNode, "calibrate"))
    if let bounds = step["bounds"] {
      let values = try bounds.sequence().map { try $0.double() }
      guard values.count == 2, values[0] < values[1] else {
        throw bounds.invalid("expected [lower, upper] bounds on the calibration factor g, such as [0.5, 2]")
      }
      calibrate.lower = values[0]
      calibrate.upper = values[1]
    }
    if method == .logit, !(calibrate.lower < 1 && calibrate.upper > 1 && calibrate.lower.isFinite && calibrate.upper.isFinite) {
      throw stepNode.invalid("logit calibration needs finite bounds around 1, such as bounds: [0.5, 2]")
    }
    if let epsilon = step["epsilon"] { calibrate.epsilon = try positive(epsilon) }
    if let maxit = step["maxit"] { calibrate.maxit = try iterations(maxit) }
    return calibrate
  }

  static func trim(_ stepNode: ConfigNode) throws -> TrimSpec {
    let step = try stepNode.record(known: trimKeys)
    var trim = TrimSpec()
    if let lower = step["lower"] {
      trim.lower = try lower.double()
      guard trim.lower! >= 0 else { throw lower.invalid("expected a weight (or a multiple of the reference) of 0 or more") }
    }
    if let upper = step["upper"] {
      trim.upper = try upper.double()
      guard trim.upper! > 0 else { throw upper.invalid("expected a positive weight (or a positive multiple of the reference)") }
    }
    guard trim.lower != nil || trim.upper != nil else { throw stepNode.invalid("give lower, upper or both") }
    if let lower = trim.lower, let upper = trim.upper, lower > upper {
      throw stepNode.invalid("the lower bound is above the upper bound")
    }
    if let reference = step["relative_to"] {
      trim.relativeTo = TrimReference(rawValue: try reference.choice(TrimReference.allCases.map(\.rawValue)))!
    }
    trim.strict = try step["strict"]?.bool() ?? false
    return trim
  }

  /// A variable name, joint cells written `sex:age_group`.
  static func joint(_ node: ConfigNode) throws -> String {
    let name = try node.string()
    let parts = MarginName.parts(name)
    guard !parts.contains(where: \.isEmpty) else { throw node.invalid("'\(name)' names an empty variable") }
    return parts.joined(separator: ":")
  }

  /// A list of variables (one, or a list), each possibly joint.
  static func variables(_ node: ConfigNode) throws -> [String] {
    let names = try node.list().map(joint)
    guard !names.isEmpty else { throw node.invalid("give at least one variable") }
    return names
  }

  static func positive(_ node: ConfigNode) throws -> Double {
    let value = try node.double()
    guard value > 0 else { throw node.invalid("expected a positive number") }
    return value
  }

  static func iterations(_ node: ConfigNode) throws -> Int {
    let value = try node.int()
    guard value >= 1 else { throw node.invalid("expected a number of iterations, 1 or more") }
    return value
  }
}
