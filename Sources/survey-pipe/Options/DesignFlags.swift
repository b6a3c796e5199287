import ArgumentParser
import SurveyCore

/// The DESIGN flags of commands that weight or estimate: weights, strata, PSUs, fpc, lonely PSUs.
struct DesignFlags: ParsableArguments {
  @Option(help: "Column of design weights.")
  var weight: String?

  @Option(help: "Column of selection probabilities (weight = 1/probability).")
  var prob: String?

  @Option(help: "Column of strata.")
  var strata: String?

  @Option(
    help: ArgumentHelp(
      "Column of PSU (cluster) ids; repeat for the units of each later stage (multistage). Without it every row is its own PSU.",
      valueName: "column"))
  var psu: [String] = []

  @Option(
    help: ArgumentHelp(
      "Column of population sizes (or sampling fractions when all are ≤ 1); repeat once per stage, in --psu order.",
      valueName: "column"))
  var fpc: [String] = []

  @Option(
    name: .customLong("lonely-psu"),
    help: "Strata with one PSU: fail, remove, adjust, average or certainty (as R's survey.lonely.psu).")
  var lonelyPSU: String = "fail"

  @Flag(
    help: "The data are a census (a complete registry): every row weighs 1 and estimates have no sampling error (SE 0, no interval). Takes no other DESIGN flag.")
  var census = false

  func validate() throws {
    if census, weight != nil || prob != nil || strata != nil || !psu.isEmpty || !fpc.isEmpty {
      throw ValidationError("--census takes no --weight, --prob, --strata, --psu or --fpc: every row of a census weighs 1")
    }
    if let weight, let prob {
      throw ValidationError("give --weight (\(weight)) or --prob (\(prob)), not both")
    }
    if !fpc.isEmpty, fpc.count != max(1, psu.count) {
      throw ValidationError(
        "give one --fpc per stage (\(max(1, psu.count)) here, one per --psu), or none for with-replacement variance")
    }
    _ = try lonely()
  }

  /// The lonely-PSU rule named by `--lonely-psu`.
  func lonely() throws -> LonelyPSU {
    guard let rule = LonelyPSU(rawValue: lonelyPSU) else {
      let names = LonelyPSU.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("unknown --lonely-psu '\(lonelyPSU)' (expected \(names))")
    }
    return rule
  }

  /// The flags as a design.
  func spec() throws -> DesignSpec {
    var spec = DesignSpec(weight: weight, probability: prob, strata: strata, psu: psu, fpc: fpc, lonelyPSU: try lonely())
    spec.census = census
    return spec
  }
}
