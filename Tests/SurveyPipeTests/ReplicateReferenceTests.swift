import Foundation
import Testing
import _SurveyTestSupport

/// Replicate designs and subsets against R (fixtures/r-reference/replicates.json, made by
/// make-replicates.R): JK1, JKn, BRR, Fay, with and without mse, R's own replicate weights supplied
/// as columns, NHANES with two PSUs per stratum, calibrated replicate designs, subsets of plain,
/// raked and replicate designs, differences; and the cases where R refuses.
@Suite("replicate designs and subsets match R")
struct ReplicateReferenceTests {
  static let cases: [ReferenceCase] = ReferenceCase.load("replicates.json")

  @Test("every estimate, SE, interval, df and n within 1e-9 of R", arguments: cases.filter { !$0.expectError })
  func matchesR(_ reference: ReferenceCase) throws {
    let worst = compareWithR(reference, rows: try estimateRows(reference))
    print("\(reference.name): worst relative difference from R \(worst)")
  }

  @Test("where R refuses, exit 1 with R's reason", arguments: cases.filter(\.expectError))
  func refusals(_ reference: ReferenceCase) throws {
    let output = try SurveyPipeBinary.run(
      ["estimate", reference.data] + reference.args, in: Fixtures.path("r-reference"))
    #expect(output.status == 1, "\(output.stderr)")
    let reason = try #require(reference.notes.first { $0.hasPrefix("R stops with: ") }).dropFirst("R stops with: ".count)
    #expect(output.stderr.contains(String(reason)), "\(output.stderr)")
    #expect(output.stdout.isEmpty)
  }
}

/// The bootstrap cannot match R's random draws: it is checked for reproducibility and, over seeds,
/// against the linearized SE it estimates.
@Suite("bootstrap replicates")
struct BootstrapReplicateTests {
  let apistrat = [Fixtures.path("r-reference/apistrat.csv"), "--weight", "pw", "--strata", "stype", "--fpc", "fpc"]

  func se(_ extra: [String]) throws -> [Double] {
    let (output, rows) = try estimateJSON(apistrat + ["--mean", "api00", "--by", "stype"] + extra)
    #expect(output.status == 0, "\(output.stderr)")
    return rows.map { $0["se"]?.number ?? .nan }
  }

  @Test("the same seed gives the same SEs; another seed others; the note names the replicates")
  func reproducible() throws {
    let one = try se(["--replicates", "bootstrap=50", "--seed", "11"])
    #expect(try se(["--replicates", "bootstrap=50", "--seed", "11"]) == one)
    #expect(try se(["--replicates", "bootstrap=50", "--seed", "12"]) != one)
    let markdown = try SurveyPipeBinary.run(
      ["estimate"] + apistrat + ["--mean", "api00", "--replicates", "bootstrap=50", "--seed", "11", "--format", "md"])
    #expect(markdown.stdout.contains("Standard errors from 50 bootstrap replicate weights made from the design's PSUs."))
  }

  /// With R = 100 replicates a bootstrap variance has a relative sampling SD of about
  /// sqrt(2/99) ≈ 0.14, so over 8 seeds the mean variance is within about 0.05 of its
  /// expectation; the Rao–Wu bootstrap with R's rescaling estimates the linearized variance.
  @Test("over 8 seeds the bootstrap variance agrees with the linearized one within sampling error")
  func agreesWithLinearization() throws {
    let linearized = try se([])
    var ratios = [[Double]](repeating: [], count: linearized.count)
    for seed in 1...8 {
      for (d, value) in try se(["--replicates", "bootstrap=100", "--seed", String(seed)]).enumerated() {
        let ratio = value * value / (linearized[d] * linearized[d])
        #expect(ratio > 0.4 && ratio < 1.8, "seed \(seed), domain \(d): variance ratio \(ratio)")
        ratios[d].append(ratio)
      }
    }
    for (d, domain) in ratios.enumerated() {
      let mean = domain.reduce(0, +) / Double(domain.count)
      #expect(abs(mean - 1) < 0.2, "domain \(d): mean variance ratio \(mean) over 8 seeds")
    }
  }
}

@Suite("replicate designs: command line")
struct ReplicateCommandTests {
  let apiclus1 = [Fixtures.path("r-reference/apiclus1.csv"), "--weight", "pw", "--psu", "dnum", "--fpc", "fpc"]

  @Test("usage mistakes exit 2 naming the flag")
  func usage() throws {
    let cases: [([String], String)] = [
      (["--replicates", "jk2"], "unknown replicate method 'jk2'"),
      (["--replicates", "fay=1"], "Fay's rho"),
      (["--replicates", "bootstrap"], "unknown replicate method"),
      (["--replicates", "bootstrap=1"], "number of bootstrap replicates"),
      (["--repweights", "repw"], "--repweights needs --rep-type"),
      (["--rep-type", "jk1"], "describe --repweights"),
      (["--mse"], "--mse needs --replicates"),
      (["--replicates", "jk1", "--seed", "3"], "--seed is for --replicates bootstrap"),
      (["--replicates", "jk1", "--repweights", "r", "--rep-type", "jk1"], "not both"),
      (["--subset", "stype =="], "--subset 'stype ==' is not a valid expression"),
    ]
    for (flags, message) in cases {
      let output = try SurveyPipeBinary.run(["estimate"] + apiclus1 + ["--mean", "api00"] + flags)
      #expect(output.status == 2, "\(flags)")
      #expect(output.stderr.contains(message), "\(flags): \(output.stderr)")
    }
  }

  @Test("what replicate designs do not offer stops with exit 1 and says so")
  func notForReplicates() throws {
    let likelihood = try SurveyPipeBinary.run(
      ["estimate"] + apiclus1 + ["--replicates", "jk1", "--proportion", "sch.wide", "--ci", "likelihood"])
    #expect(likelihood.status == 1)
    #expect(likelihood.stderr.contains("likelihood interval"), "\(likelihood.stderr)")
    let columns = try SurveyPipeBinary.run(["estimate"] + apiclus1 + ["--mean", "api00", "--repweights", "nothing", "--rep-type", "jk1"])
    #expect(columns.status == 1)
    #expect(columns.stderr.contains("no column of the data is named 'nothing' followed by a number"), "\(columns.stderr)")
    let jkn = try SurveyPipeBinary.run(
      ["estimate", Fixtures.path("r-reference/apiclus1-rep.csv"), "--weight", "pw", "--mean", "api00", "--repweights", "repw", "--rep-type", "jkn"])
    #expect(jkn.status == 1)
    #expect(jkn.stderr.contains("jkn replicate weights need their rscales"), "\(jkn.stderr)")
    let subset = try SurveyPipeBinary.run(["estimate"] + apiclus1 + ["--mean", "api00", "--subset", "nosuch == 1"])
    #expect(subset.status != 0)
    #expect(subset.stderr.contains("nosuch"), "\(subset.stderr)")
  }

  /// apiclus1 with a column `ps`: X in district 637 (one PSU), Y elsewhere; the JK1 replicate
  /// that drops district 637 leaves post-stratum X without weight.
  func postStratumFile(_ folder: TemporaryDirectory) throws -> (data: String, margins: String) {
    let lines = try String(contentsOfFile: Fixtures.path("r-reference/apiclus1.csv"), encoding: .utf8).split(separator: "\n")
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
    let dnum = try #require(header.firstIndex(of: "dnum"))
    var out = [lines[0] + ",ps"]
    for line in lines.dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      out.append(line + (fields[dnum] == "637" ? ",X" : ",Y"))
    }
    return (
      try folder.write("ps.csv", out.joined(separator: "\n") + "\n"),
      try folder.write("ps-margins.csv", "variable,level,total\nps,X,500\nps,Y,5694\nstype,E,4421\nstype,H,755\nstype,M,1018\n")
    )
  }

  @Test("a replicate whose replayed post-stratum is left empty is left out (R stops in degf); no crash")
  func emptyReplayedPostStratum() throws {
    let folder = try TemporaryDirectory("replicate-edge")
    let (data, margins) = try postStratumFile(folder)
    for step in [["--poststratify", "ps"], ["--rake", "ps,stype"]] {
      let (output, rows) = try estimateJSON(
        [data, "--weight", "pw", "--psu", "dnum", "--fpc", "fpc", "--replicates", "jk1", "--margins", margins, "--mean", "api00"]
          + step)
      #expect(output.status == 0, "\(step): \(output.stderr)")
      #expect(rows.first?["se"]?.number.map { $0 > 0 && $0.isFinite } == true, "\(step)")
    }
  }

  @Test("edges refused with their reason: one PSU in every stratum (bootstrap), a replicate weight where the full weight is 0")
  func refusedEdges() throws {
    let single = try SurveyPipeBinary.run(
      ["estimate"] + apiclus1 + ["--strata", "dnum", "--replicates", "bootstrap=20", "--mean", "api00"])
    #expect(single.status == 1)
    #expect(single.stderr.contains("has a single PSU, so bootstrap replicates have no variance"), "\(single.stderr)")
    let folder = try TemporaryDirectory("replicate-edge")
    var lines = try String(contentsOfFile: Fixtures.path("r-reference/apiclus1-rep.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
    let pw = try #require(header.firstIndex(of: "pw"))
    var fields = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    fields[pw] = "0"
    lines[3] = fields.joined(separator: ",")
    let data = try folder.write("zero.csv", lines.joined(separator: "\n") + "\n")
    let zero = try SurveyPipeBinary.run(
      ["estimate", data, "--weight", "pw", "--repweights", "repw", "--rep-type", "jk1", "--mean", "api00"])
    #expect(zero.status == 1)
    #expect(zero.stderr.contains("zero.csv:4") && zero.stderr.contains("the full-sample weight is 0"), "\(zero.stderr)")
  }

  @Test("quantiles on a replicate design take the wald interval whatever --ci says (as R); --chisq refuses a subset")
  func quantileIntervalAndTestSubset() throws {
    let wald = try estimateJSON(apiclus1 + ["--replicates", "jk1", "--quantile", "api00"])
    let logit = try estimateJSON(apiclus1 + ["--replicates", "jk1", "--quantile", "api00", "--proportion", "sch.wide", "--ci", "logit"])
    #expect(logit.output.status == 0, "\(logit.output.stderr)")
    let quantile = logit.rows.first { $0["statistic"] == .string("quantile") }
    #expect(quantile?["ci_low"] == wald.rows.first?["ci_low"] && quantile?["ci_high"] == wald.rows.first?["ci_high"])
    let chisq = try SurveyPipeBinary.run(["estimate"] + apiclus1 + ["--chisq", "sch.wide:stype", "--subset", "api00 > 600"])
    #expect(chisq.status == 1)
    #expect(chisq.stderr.contains("--chisq cannot be combined with a subset"), "\(chisq.stderr)")
  }

  @Test("a weighting step that fails on one replicate names the replicate")
  func replicateStepFailure() throws {
    let output = try SurveyPipeBinary.run(
      ["estimate"] + apiclus1 + [
        "--replicates", "jk1", "--calibrate", "linear", "--calibrate-vars", "stype,api99", "--bounds", "0.7,1.7",
        "--margins", Fixtures.path("r-reference/api-margins.csv"), "--mean", "api00",
      ])
    #expect(output.status == 1)
    #expect(output.stderr.contains(" of 15: "), "\(output.stderr)")
  }

  @Test("bootstrap with a population beyond a billion samples with replacement instead of failing")
  func hugePopulation() throws {
    let folder = try TemporaryDirectory("replicate-edge")
    let lines = try String(contentsOfFile: Fixtures.path("r-reference/apistrat.csv"), encoding: .utf8).split(separator: "\n")
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
    let fpc = try #require(header.firstIndex(of: "fpc"))
    let changed = lines.dropFirst().map { line -> String in
      var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      fields[fpc] = "1e20"
      return fields.joined(separator: ",")
    }
    let data = try folder.write("big.csv", ([String(lines[0])] + changed).joined(separator: "\n") + "\n")
    let (output, rows) = try estimateJSON(
      [data, "--weight", "pw", "--strata", "stype", "--fpc", "fpc", "--replicates", "bootstrap=20", "--mean", "api00"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(rows.first?["se"]?.number.map { $0 > 0 } == true)
  }
}
