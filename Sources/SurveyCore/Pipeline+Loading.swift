import Foundation

extension Pipeline {
  static let topKeys = [
    "name", "description", "codebook", "inputs", "read", "clean", "design", "weighting", "tables",
    "suppress_below", "cv_flag", "output", "checks",
  ]
  static let readKeys = ["encoding", "delimiter", "decimal"]
  static let inputKeys = ["path"] + readKeys
  static let cleanKeys = ["invalid", "duplicates", "decisions", "recode", "derive"]
  static let designKeys = ["weight", "prob", "strata", "psu", "fpc", "lonely_psu"]
  static let tableKeys = [
    "name", "mean", "total", "proportion", "ratio", "quantile", "by", "ci", "level", "deff", "difference", "chisq",
    "chisq_statistic",
  ]

  /// Reads and checks a pipeline file; relative paths in it are resolved against its folder.
  ///
  /// - Throws: ``CoreError`` naming the file, line and key of the first problem.
  public static func load(path: String) throws -> Pipeline {
    let root = try ConfigNode.load(path: path, displayName: path)
    let directory = (path as NSString).deletingLastPathComponent
    var pipeline = try Pipeline(root: root, directory: directory)
    pipeline.sha256 = root.sha256
    return pipeline
  }

  /// Reads a pipeline from YAML text, resolving relative paths against `directory`.
  public static func parse(yaml: String, file: String = "pipeline.yml", directory: String = "") throws -> Pipeline {
    try Pipeline(root: try ConfigNode.load(text: yaml, file: file), directory: directory)
  }

  init(root: ConfigNode, directory: String) throws {
    let record = try root.record(known: Self.topKeys)
    let nameNode = try record.required("name")
    let name = try nameNode.string()
    guard let first = name.first, first != ".",
      name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
    else {
      throw nameNode.invalid("'\(name)' cannot name a run folder (letters, digits, '-', '_' and '.', not first)")
    }
    let codebookNode = try record.required("codebook")
    let codebook = FileGlob.resolve(try codebookNode.string(), against: directory)
    let read = try record["read"].map { try Self.readOptions($0, base: ReadOptions()) } ?? ReadOptions()
    let inputsNode = try record.required("inputs")
    var inputs: [InputSpec] = []
    for node in try inputsNode.list() {
      if case .scalar = node.node {
        let pattern = try node.string()
        inputs.append(
          InputSpec(pattern: pattern, resolvedPattern: FileGlob.resolve(pattern, against: directory), read: read, line: node.line))
      } else {
        let entry = try node.record(known: Self.inputKeys)
        let pattern = try entry.required("path").string()
        inputs.append(
          InputSpec(
            pattern: pattern, resolvedPattern: FileGlob.resolve(pattern, against: directory),
            read: try Self.readOptions(node, base: read), line: node.line))
      }
    }
    if inputs.isEmpty { throw inputsNode.invalid("at least one input file is needed") }

    var clean = CleanPolicy()
    if let node = record["clean"] {
      let entry = try node.record(known: Self.cleanKeys)
      if let invalid = entry["invalid"] {
        clean.invalid = InvalidPolicy(rawValue: try invalid.choice(InvalidPolicy.allCases.map(\.rawValue)))!
      }
      if let duplicates = entry["duplicates"] {
        clean.duplicates = DuplicatePolicy(rawValue: try duplicates.choice(DuplicatePolicy.allCases.map(\.rawValue)))!
      }
      clean.decisionsPath = try entry["decisions"].map { FileGlob.resolve(try $0.string(), against: directory) }
      clean.recodes = try entry["recode"].map(Self.recodes) ?? []
      clean.derives = try entry["derive"].map(Self.derives) ?? []
    }

    let design = try record["design"].map(Self.design)
    var marginLines: [String: Int] = [:]
    let weighting = try record["weighting"].map { node -> WeightingSpec in
      guard design != nil else { throw node.invalid("weighting needs a 'design' section (at least a weight column)") }
      return try Self.weighting(node, directory: directory, marginLines: &marginLines)
    }
    var tables: [TableSpec] = []
    if let tablesNode = record["tables"] {
      for node in try tablesNode.sequence() {
        let table = try Self.table(node)
        if tables.contains(where: { $0.name == table.name }) {
          throw node.invalid("a table called '\(table.name)' is already defined")
        }
        tables.append(table)
      }
      if !tables.isEmpty, design == nil {
        throw tablesNode.invalid("tables need a 'design' section (at least a weight column)")
      }
    }
    let suppress = try record["suppress_below"].map { node -> Int in
      let value = try node.int()
      guard value >= 0 else { throw node.invalid("expected a count of respondents, 0 or more") }
      return value
    }
    let output = FileGlob.resolve(
      try record["output"]?.string() ?? "out/\(name)", against: record["output"] == nil ? "" : directory)
    self.init(
      name: name, file: root.file, codebookPath: codebook, inputs: inputs, read: read, clean: clean,
      design: design, weighting: weighting, tables: tables, suppressBelow: suppress, outputPath: output)
    checks = try record["checks"].map(Self.checks)
    if let node = record["cv_flag"] {
      let value = try node.double()
      guard value > 0, value.isFinite else { throw node.invalid("expected a coefficient of variation above 0, such as 0.3") }
      cvFlag = value
    }
    for (key, line) in marginLines { keyLines[key] = line }
    keyLines["codebook"] = codebookNode.line
    sha256 = root.sha256
    keyLines["clean.decisions"] = record["clean"].flatMap { try? $0.pairs().first { $0.key == "decisions" }?.value.line }
  }

  static func readOptions(_ node: ConfigNode, base: ReadOptions) throws -> ReadOptions {
    var options = base
    let known = node.path.hasPrefix("inputs") ? inputKeys : readKeys
    let entry = try node.record(known: known)
    if let encoding = entry["encoding"] {
      let name = try encoding.string()
      if name == "auto" {
        options.encoding = nil
      } else if let value = TextEncoding(name: name) {
        options.encoding = value
      } else {
        throw encoding.invalid(
          "unknown encoding '\(name)' (expected auto, \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
    }
    if let delimiter = entry["delimiter"] {
      let name = try delimiter.string()
      guard let value = ReadOptions.delimiter(named: name) else {
        throw delimiter.invalid("unknown delimiter '\(name)' (expected auto, ',', ';' or tab)")
      }
      options.delimiter = value
    }
    if let decimal = entry["decimal"] {
      let mark = try decimal.choice([".", ","])
      options.decimal = mark.utf8.first!
    }
    return options
  }

  static func design(_ node: ConfigNode) throws -> DesignSpec {
    let entry = try node.record(known: designKeys)
    var design = DesignSpec()
    design.line = node.line
    design.weight = try entry["weight"]?.string()
    design.probability = try entry["prob"]?.string()
    if design.weight != nil, design.probability != nil {
      throw node.invalid("give either weight or prob, not both")
    }
    design.strata = try entry["strata"]?.string()
    design.psu = try entry["psu"]?.strings() ?? []
    design.fpc = try entry["fpc"]?.strings() ?? []
    if !design.fpc.isEmpty, design.fpc.count != max(1, design.psu.count), let fpc = entry["fpc"] {
      throw fpc.invalid(
        "give one fpc column per stage (\(max(1, design.psu.count)) here, one per psu column), or none for with-replacement variance")
    }
    if design.weight == nil, design.probability == nil, design.fpc.isEmpty {
      throw node.invalid("give a weight or prob column, or an fpc column to derive weights from")
    }
    if let lonely = entry["lonely_psu"] {
      design.lonelyPSU = LonelyPSU(rawValue: try lonely.choice(LonelyPSU.allCases.map(\.rawValue)))!
    }
    return design
  }

  static func table(_ node: ConfigNode) throws -> TableSpec {
    let entry = try node.record(known: tableKeys)
    let name = try entry.required("name").string()
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
      throw try entry.required("name").invalid("'\(name)' cannot be a file name (letters, digits, _ and - only)")
    }
    for later in ["quantile"] {
      if let node = entry[later] { throw node.unsupported("\(later) tables are not built yet") }
    }
    if let chisq = entry["chisq"] { return try association(chisq, entry: entry, name: name, line: node.line) }
    let given = Statistic.allCases.filter { entry[$0.rawValue] != nil }
    guard given.count == 1, let statistic = given.first else {
      throw node.invalid("give exactly one of mean, total, proportion or ratio")
    }
    var table = TableSpec(
      name: name, statistic: statistic, variable: try entry.required(statistic.rawValue).string(), line: node.line)
    if statistic == .ratio, ratioParts(table.variable) == nil {
      throw try entry.required("ratio").invalid("a ratio is NUMERATOR/DENOMINATOR, such as oop_cost/household_size")
    }
    table.by = try entry["by"]?.strings() ?? []
    // Proportions default to logit intervals, which never leave [0, 1].
    table.interval = statistic == .proportion ? .logit : .wald
    if let ci = entry["ci"] {
      let method = try ci.string()
      guard let interval = IntervalMethod(rawValue: method) else {
        if let reason = IntervalMethod.notBuilt[method] { throw ci.unsupported(reason) }
        let names = IntervalMethod.allCases.map(\.rawValue).joined(separator: ", ")
        throw ci.invalid("unknown interval '\(method)' (expected one of \(names))")
      }
      if interval.isProportionOnly, statistic != .proportion {
        throw ci.invalid("\(method) intervals are for proportions; a \(statistic.rawValue) takes wald")
      }
      table.interval = interval
    }
    if let level = entry["level"] {
      let value = try level.double()
      guard value > 0, value < 1 else { throw level.invalid("the level must be between 0 and 1, such as 0.95") }
      table.level = value
    }
    table.deff = try entry["deff"]?.bool() ?? false
    if let node = entry["difference"] { table.difference = try difference(node, by: table.by) }
    return table
  }

  /// A table `{name, chisq: [A, B], chisq_statistic: F}`: a test of association, nothing else.
  static func association(_ node: ConfigNode, entry: ConfigRecord, name: String, line: Int?) throws -> TableSpec {
    for key in ["mean", "total", "proportion", "ratio", "by", "ci", "difference", "deff"] {
      if let other = entry[key] { throw other.invalid("a chisq table takes no \(key); its test is the whole table") }
    }
    let variables = try node.strings()
    guard variables.count == 2, variables[0] != variables[1] else {
      throw node.invalid("a test of association names two categorical variables, such as [insured_cnam, migrant_status]")
    }
    var spec = AssociationSpec(variables: variables)
    if let statistic = entry["chisq_statistic"] {
      let text = try statistic.string()
      guard AssociationSpec.statistics.contains(text) else {
        throw statistic.invalid("unknown statistic '\(text)' (expected one of \(AssociationSpec.statistics.joined(separator: ", ")))")
      }
      spec.statistic = text
    }
    var table = TableSpec(name: name, statistic: .proportion, variable: variables.joined(separator: ":"), line: line)
    table.association = spec
    if let level = entry["level"] { throw level.invalid("a chisq table takes no level") }
    return table
  }

  /// `difference: {VARIABLE: [FROM, TO]}`, VARIABLE one of the table's `by`.
  static func difference(_ node: ConfigNode, by: [String]) throws -> DifferenceSpec {
    let pairs = try node.pairs()
    guard pairs.count == 1, let (variable, levelsNode) = pairs.first else {
      throw node.invalid("write difference: {VARIABLE: [FROM, TO]}, such as {round: [1, 2]}")
    }
    let levels = try levelsNode.strings()
    guard levels.count == 2, levels[0] != levels[1], !levels[0].isEmpty, !levels[1].isEmpty else {
      throw levelsNode.invalid("a difference compares two levels, [FROM, TO], such as [1, 2]")
    }
    guard by.contains(variable) else {
      throw node.invalid("a difference compares levels of a by-variable; add '\(variable)' to by")
    }
    return DifferenceSpec(variable: variable, from: levels[0], to: levels[1])
  }
}
