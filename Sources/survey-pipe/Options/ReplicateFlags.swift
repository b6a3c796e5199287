import ArgumentParser
import Foundation
import SurveyCore
import SurveyPipeline

/// The REPLICATES flags of `estimate`: replicate weights made from the design, or supplied as
/// columns, instead of Taylor linearization.
struct ReplicateFlags: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Make replicate weights from the design and take SEs from them, as R's as.svrepdesign: jk1 (unstratified), jkn, brr, fay=RHO (Fay's BRR, 0 <= RHO < 1) or bootstrap=R (R resamples, with --seed).",
      valueName: "method"))
  var replicates: String?

  @Option(help: ArgumentHelp("With --replicates bootstrap=R: the seed of the resamples (same seed, same replicates).", valueName: "n"))
  var seed: UInt64?

  @Flag(help: "Centre replicate deviations on the full-sample estimate (R's mse = TRUE) instead of the replicates' mean.")
  var mse = false

  @Option(
    help: ArgumentHelp(
      "Supplied replicate weights (full weights, with --weight the full-sample one): columns PREFIX1, PREFIX2, … or, starting with ^, those whose name matches the regular expression, in file order.",
      valueName: "prefix|^regex"))
  var repweights: String?

  @Option(
    name: .customLong("rep-type"),
    help: ArgumentHelp("With --repweights: jk1, jkn, brr, fay=RHO, bootstrap or other (R's svrepdesign type).", valueName: "type"))
  var repType: String?

  @Option(
    name: .customLong("rep-scale"),
    help: ArgumentHelp("With --repweights: R's scale (jk1: (n-1)/n, the default guesses n = replicates; bootstrap 1/(R-1); other 1).", valueName: "s"))
  var repScale: Double?

  @Option(
    name: .customLong("rep-rscales"),
    help: ArgumentHelp("With --repweights: a text file of R's rscales, one number per line in column order (needed for jkn).", valueName: "file"))
  var repRScales: String?

  func validate() throws {
    if replicates != nil, repweights != nil {
      throw ValidationError("give --replicates (made from the design) or --repweights (columns of the data), not both")
    }
    if repweights != nil, repType == nil { throw ValidationError("--repweights needs --rep-type (jk1, jkn, brr, fay=RHO, bootstrap or other)") }
    if repweights == nil, repType != nil || repScale != nil || repRScales != nil {
      throw ValidationError("--rep-type, --rep-scale and --rep-rscales describe --repweights; give it too")
    }
    if replicates == nil, repweights == nil, mse { throw ValidationError("--mse needs --replicates or --repweights") }
    if seed != nil, !(replicates ?? "").lowercased().hasPrefix("bootstrap") {
      throw ValidationError("--seed is for --replicates bootstrap=R")
    }
  }

  /// The flags as a replicate spec; nil without --replicates or --repweights.
  func spec() throws -> ReplicateSpec? {
    guard let text = replicates ?? repType else { return nil }
    let method: ReplicateMethod
    switch ReplicateMethod.parse(text, supplied: repweights != nil) {
    case .success(let value): method = value
    case .failure(let problem): throw ValidationError(problem.description)
    }
    var spec = ReplicateSpec(method: method, columns: repweights, scale: repScale, mse: mse, seed: seed ?? 1)
    if let repRScales {
      spec.rscales = try RScalesFile.read(repRScales)
      spec.rscalesFile = repRScales
    }
    return spec
  }
}
