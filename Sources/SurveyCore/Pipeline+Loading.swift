import Foundation

extension Pipeline {
  static let topKeys = [
    "name", "description", "codebook", "inputs", "read", "clean", "design", "weighting", "tables",
    "suppress_below", "cv_flag", "output", "checks", "exports", "codebook_options",
  ]
  static let readKeys = ["encoding", "delimiter", "decimal", "values", "headers"]
  static let inputKeys = ["path"] + readKeys
  static let cleanKeys = ["invalid", "duplicates", "decisions", "recode", "derive"]
  static let designKeys = [
    "weight", "prob", "strata", "psu", "fpc", "lonely_psu", "replicates", "repweights", "rep_type", "rep_scale",
    "rscales", "mse", "seed", "census",
  ]
  static let tableKeys = [
    "name", "mean", "total", "proportion", "ratio", "quantile", "probabilities", "quantile_rule", "by", "ci", "level",
    "deff", "difference", "chisq", "chisq_statistic", "filter", "rate", "indicator",
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
    if let parts = (try? root.pairs())?.first(where: { $0.key == "parts" }) {
      throw CoreError.invalidValue(
        file: root.file, line: parts.value.line, key: "parts",
        problem: "this file combines the pipelines of its parts: survey-pipe run (also with --only) and check take it; the stage commands (ingest, validate, clean, weight, tabulate) take one part's file")
    }
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
      if design?.census == true {
        throw node.invalid("a census (design: {census: true}) counts every unit once: it takes no weighting")
      }
      return try Self.weighting(node, directory: directory, marginLines: &marginLines)
    }
    var tables: [TableSpec] = []
    if let tablesNode = record["tables"] {
      for node in try tablesNode.sequence() {
        let table = try Self.table(node, directory: directory)
        if tables.contains(where: { $0.name == table.name }) {
          throw node.invalid("a table called '\(table.name)' is already defined")
        }
        tables.append(table)
      }
      if !tables.isEmpty, design == nil {
        throw tablesNode.invalid("tables need a 'design' section (at least a weight column)")
      }
      if design?.census == true, let test = tables.first(where: { $0.association != nil }) {
        throw CoreError.invalidValue(
          file: root.file, line: test.line, key: "tables.\(test.name).chisq",
          problem: "a census (design: {census: true}) has no sampling error to test against: compare the counts themselves")
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
    if let node = record["exports"] {
      exports = try Self.exports(node)
      keyLines["exports"] = node.line
    }
    codebookOptions = try Self.codebookOptions(record["codebook_options"], codebook: codebookNode)
    for (key, line) in marginLines { keyLines[key] = line }
    keyLines["codebook"] = codebookNode.line
    keyLines["read"] = record["read"]?.line
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
    if let values = entry["values"] {
      options.values = ValueFormat(rawValue: try values.choice(ValueFormat.allCases.map(\.rawValue)))!
    }
    if let headers = entry["headers"] {
      options.headers = HeaderFormat(rawValue: try headers.choice(HeaderFormat.allCases.map(\.rawValue)))!
    }
    return options
  }

  static func design(_ node: ConfigNode) throws -> DesignSpec {
    let entry = try node.record(known: designKeys)
    var design = DesignSpec()
    design.line = node.line
    if let census = entry["census"], try census.bool() { return try censusDesign(entry, node: node) }
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
    design.replicates = try replicates(entry, design: design)
    return design
  }

  /// The design's replicate weights: `replicates: jk1|jkn|brr|fay=RHO|bootstrap=R` (with `seed`)
  /// made from the design, or `repweights: PREFIX|^regex` with `rep_type`, `rep_scale` and
  /// `rscales` (a list of numbers) supplied; `mse: true` for either.
  static func replicates(_ entry: ConfigRecord, design: DesignSpec) throws -> ReplicateSpec? {
    let made = entry["replicates"]
    let supplied = entry["repweights"]
    if made != nil, let supplied {
      throw supplied.invalid("give either replicates (made from the design) or repweights (columns of the data), not both")
    }
    guard let node = made ?? supplied else {
      for key in ["rep_type", "rep_scale", "rscales", "mse", "seed"] {
        if let other = entry[key] { throw other.invalid("\(key) needs replicates or repweights in the design") }
      }
      return nil
    }
    let isSupplied = supplied != nil
    let methodNode = isSupplied ? try entry.required("rep_type") : node
    let method: ReplicateMethod
    switch ReplicateMethod.parse(try methodNode.string(), supplied: isSupplied) {
    case .success(let value): method = value
    case .failure(let problem): throw methodNode.invalid(problem.description)
    }
    var spec = ReplicateSpec(method: method, columns: isSupplied ? try node.string() : nil)
    spec.mse = try entry["mse"]?.bool() ?? false
    if let seed = entry["seed"] {
      guard case .bootstrap = method, !isSupplied else { throw seed.invalid("seed is for replicates: bootstrap=R") }
      let value = try seed.int()
      guard value >= 0 else { throw seed.invalid("the seed must be 0 or more") }
      spec.seed = UInt64(value)
    }
    for key in ["rep_scale", "rscales"] where !isSupplied {
      if let other = entry[key] { throw other.invalid("\(key) is for supplied replicate weights (repweights); made replicates have R's scales") }
    }
    spec.scale = try entry["rep_scale"]?.double()
    spec.rscales = try entry["rscales"]?.list().map { try $0.double() }
    if isSupplied, design.weight == nil { throw node.invalid("repweights need the full-sample weight column (weight)") }
    return spec
  }

  /// `exports: [dta, sav, xlsx]`: each a format survey-pipe writes, once.
  static func exports(_ node: ConfigNode) throws -> [String] {
    var formats: [String] = []
    for item in try node.list() {
      let name = try item.string()
      guard exportFormats.contains(name) else {
        throw item.invalid("unknown export '\(name)' (expected one of \(exportFormats.joined(separator: ", ")))")
      }
      guard !formats.contains(name) else { throw item.invalid("'\(name)' is named twice") }
      formats.append(name)
    }
    return formats
  }

  /// `codebook_options: {id, missing_codes, language}`: required with an XLSForm codebook
  /// (`.xlsx`), refused with a YAML one.
  static func codebookOptions(_ node: ConfigNode?, codebook: ConfigNode) throws -> CodebookOptions? {
    let isForm = try codebook.string().lowercased().hasSuffix(".xlsx")
    guard let node else {
      if isForm { throw codebook.invalid("an XLSForm codebook needs codebook_options: {id: QUESTION} (the question that identifies a record)") }
      return nil
    }
    guard isForm else { throw node.invalid("codebook_options are for an XLSForm codebook (codebook: form.xlsx)") }
    let record = try node.record(known: ["id", "missing_codes", "language"])
    var options = CodebookOptions(id: try record.required("id").string())
    options.missingCodes = try record["missing_codes"]?.list().map { try $0.string() } ?? []
    options.language = try record["language"]?.string()
    return options
  }
}
