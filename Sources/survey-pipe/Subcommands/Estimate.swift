import ArgumentParser
import Foundation
import SurveyCore
import SurveyPipeline
import SurveyTabulate

/// `survey-pipe estimate DATA.csv`: design-based estimates from one CSV file, written to stdout.
struct Estimate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "estimate",
    abstract: "Weighted means, totals, proportions, ratios and quantiles with design-based standard errors, from one CSV file.",
    discussion: """
      Reads only the columns named by the flags (blank, null and NA cells are missing), weights \
      the rows (--weight, --prob, or N/n per stage from --fpc, else 1), adjusts the weights \
      (nonresponse, post-stratification, raking, calibration, trimming: the Calibration flags) \
      and writes one row per estimate and domain: estimate, Taylor-linearization SE (which \
      takes the calibration into account, as R does), a t interval on df = PSUs − strata \
      (for proportions, --ci picks one of R's svyciprop intervals instead), the design effect \
      with --deff, and n, the unweighted rows used. The numbers match R's survey package \
      (svymean, svytotal, svyratio, svyquantile, svyby, svyciprop after postStratify, rake, calibrate, trimWeights; \
      multistage designs as svydesign(ids=~a+b, fpc=~f1+f2)). With --replicates or --repweights the SEs come \
      from replicate weights (as.svrepdesign, svrepdesign; the calibration replayed on each replicate) and df \
      is the rank of the replicate weights less one; --subset estimates for a subgroup as a domain of the full \
      design (subset(design, ...)).

      Examples:
        survey-pipe estimate fixtures/r-reference/apistrat.csv --weight pw \\
          --strata stype --fpc fpc --mean api00 --total enroll --deff
        survey-pipe estimate fixtures/r-reference/apiclus1.csv --weight pw \\
          --psu dnum --fpc fpc --proportion sch.wide --by stype --format md
        survey-pipe estimate fixtures/r-reference/apiclus1.csv --weight pw \\
          --psu dnum --fpc fpc --proportion awards --by stype --ci logit
        survey-pipe estimate fixtures/r-reference/apistrat.csv --weight pw \\
          --strata stype --fpc fpc --ratio api00/api99 --by awards
        survey-pipe estimate fixtures/r-reference/apiclus1.csv --weight pw \\
          --psu dnum --fpc fpc --mean api00 --by stype --difference stype=E,H
        survey-pipe estimate fixtures/r-reference/apiclus1.csv --weight pw \\
          --psu dnum --fpc fpc --total dnum --categorical dnum
        survey-pipe estimate fixtures/r-reference/apistrat.csv --weight pw \\
          --strata stype --fpc fpc --quantile api00@0.25,0.5,0.75 --by stype
        survey-pipe estimate fixtures/r-reference/apiclus1.csv --weight pw \\
          --psu dnum --fpc fpc --quantile enroll --quantile-rule hf7 --ci beta
        survey-pipe estimate fixtures/r-reference/apiclus1.csv --weight pw \\
          --psu dnum --fpc fpc --chisq sch.wide:stype --chisq-statistic Chisq
        survey-pipe estimate fixtures/r-reference/apiclus1.csv --weight pw \\
          --psu dnum --fpc fpc --replicates jk1 --mean api00 --subset "stype == 'E'"
        survey-pipe estimate fixtures/r-reference/apistrat.csv --weight pw \\
          --strata stype --fpc fpc --replicates bootstrap=200 --seed 7 --mean api00
        survey-pipe estimate fixtures/r-reference/nhanes.csv --weight WTMEC2YR \\
          --strata SDMVSTRA --psu psu2 --replicates fay=0.5 --mean HI_CHOL --by race
        survey-pipe estimate fixtures/r-reference/apiclus1-rep.csv --weight pw \\
          --repweights repw --rep-type jk1 --rep-scale 0.9148392778511668 --mean api00
        survey-pipe synth --rows 10000 --out /tmp/synth
        survey-pipe estimate /tmp/synth/survey.csv --weight design_weight \\
          --strata stratum --psu psu --fpc fpc --lonely-psu adjust \\
          --mean oop_cost --by sex,age_group --level 0.9
        survey-pipe estimate /tmp/synth/survey.csv --weight design_weight \\
          --strata stratum --psu psu --fpc fpc --lonely-psu adjust \\
          --nonresponse responded --classes region,urban \\
          --rake sex,region,age_group --margins /tmp/synth/margins.csv \\
          --proportion insured_cnam --by migrant_status
        survey-pipe estimate fixtures/r-reference/apiclus1.csv --weight pw \\
          --psu dnum --fpc fpc --calibrate linear --calibrate-vars stype,api99 \\
          --margins fixtures/r-reference/api-margins.csv --mean api00
        survey-pipe estimate fixtures/r-reference/apiclus2.csv --psu dnum \\
          --psu snum --fpc fpc1 --fpc fpc2 --mean api00 --by stype
      """)

  @Argument(help: "The CSV file to read.")
  var data: String

  @OptionGroup(title: "Read")
  var read: ReadFlags

  @OptionGroup(title: "Design")
  var design: DesignFlags

  @OptionGroup(title: "Replicates")
  var replicates: ReplicateFlags

  @OptionGroup(title: "Calibration")
  var calibration: CalibrationFlags

  @OptionGroup(title: "Estimates")
  var estimates: EstimateFlags

  func run() throws {
    var designSpec = try design.spec()
    designSpec.replicates = try replicates.spec()
    let calibrated = try calibration.spec().map { !$0.isEmpty } ?? false
    if designSpec.census, designSpec.replicates != nil || calibrated {
      throw ValidationError("--census takes no replicates and no calibration: a census counts every unit once")
    }
    var estimate = AdHocEstimate(
      data: data, read: try read.options(), design: designSpec, weighting: try calibration.spec(),
      requests: estimates.requests,
      by: estimates.byVariables,
      options: EstimateOptions(
        level: estimates.level, interval: try estimates.interval(), deff: estimates.deff,
        difference: try estimates.differenceSpec(), quantileRule: try estimates.rule()),
      categorical: estimates.categoricalColumns)
    estimate.tests = estimates.chisqs.compactMap(estimates.chiSquarePair)
    estimate.testStatistic = try estimates.chiSquareStatistic()
    estimate.subset = try estimates.subsetExpression()
    let outcome = try estimate.execute()
    for note in outcome.notes { FileHandle.standardError.write(Data((note + "\n").utf8)) }
    let rows = outcome.tables.flatMap(\.rows)
    let cvFlag = estimates.cvFlag
    switch estimates.format {
    case .csv:
      var parts: [String] = []
      if !rows.isEmpty { parts.append(EstimateCSV.text(rows, byColumns: outcome.byVariables, cvFlag: cvFlag)) }
      if !outcome.tests.isEmpty { parts.append(EstimateCSV.tests(outcome.tests)) }
      // Estimates and tests are two CSV tables, a blank line between them.
      print(parts.joined(separator: "\n"), terminator: "")
    case .json: print(EstimateJSON.text(rows, tests: outcome.tests, cvFlag: cvFlag), terminator: "")
    case .md:
      let tables = outcome.tables.map { table -> EstimateTable in
        var table = table
        table.cvFlag = cvFlag
        return table
      }
      let testsText = outcome.tests.isEmpty ? [] : [EstimateMarkdown.tests(outcome.tests)]
      print(((tables.isEmpty ? [] : [EstimateMarkdown.text(tables)]) + testsText).joined(separator: "\n"), terminator: "")
    }
  }
}
