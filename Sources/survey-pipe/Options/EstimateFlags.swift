import ArgumentParser
import Foundation
import SurveyCore
import SurveyPipeline
import SurveyTabulate

/// The output formats of `estimate`.
enum EstimateFormat: String, CaseIterable, ExpressibleByArgument {
  case csv, json, md
}

/// The ESTIMATES flags: what to estimate, by which domains, and how to report it.
struct EstimateFlags: ParsableArguments {
  @Option(name: .customLong("mean"), help: ArgumentHelp("Mean of a numeric column (repeatable).", valueName: "column"))
  var means: [String] = []

  @Option(
    name: .customLong("total"),
    help: ArgumentHelp("Total of a column; a categorical one gives one total per level (repeatable).", valueName: "column"))
  var totals: [String] = []

  @Option(
    name: .customLong("proportion"),
    help: ArgumentHelp("Proportion of every level of a categorical column (repeatable).", valueName: "column"))
  var proportions: [String] = []

  @Option(
    name: .customLong("ratio"),
    help: ArgumentHelp(
      "Ratio of the totals of two numeric columns, R's svyratio (repeatable).", valueName: "numerator/denominator"))
  var ratios: [String] = []

  @Option(
    name: .customLong("quantile"),
    help: ArgumentHelp(
      "Quantiles of a numeric column at the probabilities after @ (the median without), R's svyquantile with ci=TRUE: Woodruff's interval and the SE from it (repeatable).",
      valueName: "column@p1,p2"))
  var quantiles: [String] = []

  @Option(
    name: .customLong("quantile-rule"),
    help: ArgumentHelp(
      "With --quantile: how a weighted quantile is defined, R's qrule: math (R's default: the inverse of the distribution function), school, hf1 … hf9, shahvaish.",
      valueName: "rule"))
  var quantileRule: String = "math"

  @Option(
    help: ArgumentHelp(
      "Columns to treat as categories though their values are numbers, as R's factor(): --total gives one weighted count per code (svytable). Comma separated.",
      valueName: "columns"))
  var categorical: [String] = []

  @Option(
    help: ArgumentHelp(
      "Estimate for the rows where this expression is true, as a domain of the full design (R's subset(design, ...)), e.g. \"migrant_status == 2\" or \"age >= 18 and sex == 'F'\".",
      valueName: "expression"))
  var subset: String?

  @Option(
    name: .customLong("chisq"),
    help: ArgumentHelp("Test of association between two categorical columns, R's svychisq (repeatable).", valueName: "a:b"))
  var chisqs: [String] = []

  @Option(name: .customLong("chisq-statistic"), help: "The test's statistic: F (Rao–Scott, R's default), Chisq, Wald or adjWald.")
  var chisqStatistic: String = "F"

  @Option(help: ArgumentHelp("Domains: by-variables, comma separated (e.g. sex,region).", valueName: "columns"))
  var by: [String] = []

  @Option(
    help: ArgumentHelp(
      "Add the difference between two levels of a --by variable (TO minus FROM) for every other domain, with its SE, interval and p-value.",
      valueName: "variable=from,to"))
  var difference: String?

  @Flag(help: "Add design effects (means, totals and proportions; quantiles and ratios have none).")
  var deff = false

  @Option(help: "Confidence level of the intervals.")
  var level: Double = 0.95

  @Option(
    help: ArgumentHelp(
      "Interval of proportions: wald (estimate ± t(df) × SE), or one of R's svyciprop methods: mean, logit, xlogit, asin, beta, likelihood. Quantiles map the interval of the proportion below them back (R's interval.type: wald or mean, xlogit, asin, beta; logit is taken as xlogit). Means, totals and ratios always take wald.",
      valueName: "method"))
  var ci: String = "wald"

  @Option(
    name: .customLong("cv-flag"),
    help: ArgumentHelp("Flag estimates whose CV (SE / |estimate|) is above this (cv_flag column; † in md).", valueName: "cv"))
  var cvFlag: Double = 0.3

  @Option(help: "Output format: csv, json or md.")
  var format: EstimateFormat = .csv

  func validate() throws {
    if means.isEmpty && totals.isEmpty && proportions.isEmpty && ratios.isEmpty && quantiles.isEmpty && chisqs.isEmpty {
      throw ValidationError("nothing to estimate: give --mean, --total, --proportion, --ratio, --quantile or --chisq")
    }
    for quantile in quantiles where QuantileRequest(quantile) == nil {
      throw ValidationError(
        "--quantile '\(quantile)': write COLUMN@P1,P2 with probabilities from 0 to 1, such as oop_cost@0.25,0.5,0.75")
    }
    _ = try rule()
    _ = try chiSquareStatistic()
    for pair in chisqs where chiSquarePair(pair) == nil {
      throw ValidationError("--chisq '\(pair)': write A:B, two categorical columns, such as insured:migrant_status")
    }
    for ratio in ratios where ratioParts(ratio) == nil {
      throw ValidationError("--ratio '\(ratio)': write NUMERATOR/DENOMINATOR, such as api00/api99")
    }
    guard level > 0, level < 1 else { throw ValidationError("--level must be between 0 and 1 (e.g. 0.95)") }
    guard cvFlag > 0, cvFlag.isFinite else { throw ValidationError("--cv-flag must be above 0 (e.g. 0.3)") }
    if try interval() == .likelihood, !quantiles.isEmpty {
      throw ValidationError("--ci likelihood is for proportions; quantiles take wald, xlogit, asin or beta (R's interval.type)")
    }
    if byVariables.contains(where: \.isEmpty) { throw ValidationError("--by has an empty column name") }
    for name in categoricalColumns where means.contains(name) || quantileColumns.contains(name) || ratios.contains(where: { ratioParts($0).map { [$0.numerator, $0.denominator].contains(name) } ?? false }) {
      throw ValidationError("'\(name)' is categorical (--categorical): a mean, quantile or ratio needs numbers")
    }
    if let spec = try differenceSpec(), !byVariables.contains(spec.variable) {
      throw ValidationError("--difference compares levels of a --by variable; add '\(spec.variable)' to --by")
    }
    if difference != nil, !quantiles.isEmpty {
      throw ValidationError(
        "--difference cannot compare quantiles: their covariance between domains is not known on a linearized design (R's svyby cannot give it either)")
    }
  }

  /// The columns of every `--categorical`, split at commas.
  var categoricalColumns: [String] {
    categorical.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
  }

  /// The by-variables, from every `--by` split at commas.
  var byVariables: [String] {
    by.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
  }

  /// The difference `--difference VARIABLE=FROM,TO` asks for, if any.
  func differenceSpec() throws -> DifferenceSpec? {
    guard let difference else { return nil }
    let parts = difference.split(separator: "=", maxSplits: 1).map(String.init)
    let levels = parts.count == 2 ? parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init) : []
    guard parts.count == 2, !parts[0].isEmpty, levels.count == 2, !levels[0].isEmpty, !levels[1].isEmpty,
      levels[0] != levels[1]
    else {
      throw ValidationError("--difference '\(difference)': write VARIABLE=FROM,TO with two levels, such as round=1,2")
    }
    return DifferenceSpec(variable: parts[0], from: levels[0], to: levels[1])
  }

  /// The two columns of a `--chisq A:B`, nil unless both are named and differ.
  func chiSquarePair(_ pair: String) -> (String, String)? {
    let parts = pair.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0] != parts[1] else { return nil }
    return (parts[0], parts[1])
  }

  /// The statistic named by `--chisq-statistic`.
  func chiSquareStatistic() throws -> ChiSquareStatistic {
    guard let statistic = ChiSquareStatistic(rawValue: chisqStatistic) else {
      if let reason = ChiSquareStatistic.notBuilt[chisqStatistic] {
        throw ValidationError("--chisq-statistic: not supported yet: \(reason)")
      }
      throw ValidationError("unknown --chisq-statistic '\(chisqStatistic)' (expected F, Chisq, Wald or adjWald)")
    }
    return statistic
  }

  /// The columns of the `--quantile` requests.
  var quantileColumns: [String] { quantiles.compactMap { QuantileRequest($0)?.variable } }

  /// The rule named by `--quantile-rule`.
  func rule() throws -> QuantileRule {
    guard let rule = QuantileRule(rawValue: quantileRule) else {
      throw ValidationError("unknown --quantile-rule '\(quantileRule)' (expected \(QuantileRule.names))")
    }
    return rule
  }

  /// The interval named by `--ci`.
  func interval() throws -> IntervalMethod {
    guard let method = IntervalMethod(rawValue: ci) else {
      let names = IntervalMethod.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("unknown --ci '\(ci)' (expected \(names))")
    }
    return method
  }

  /// Every requested estimate, means first, then totals, proportions, ratios and quantiles, each
  /// in flag order.
  var requests: [AdHocEstimate.Request] {
    means.map { .init(.mean, $0) } + totals.map { .init(.total, $0) } + proportions.map { .init(.proportion, $0) }
      + ratios.map { .init(.ratio, $0) }
      + quantiles.compactMap(QuantileRequest.init).map { .init(.quantile, $0.variable, probabilities: $0.probabilities) }
  }

  /// `--subset` parsed.
  func subsetExpression() throws -> SurveyCore.Expression? {
    guard let subset else { return nil }
    do {
      return try SurveyCore.Expression.parse(subset)
    } catch let error as ExpressionSyntaxError {
      throw ValidationError("--subset '\(subset)' is not a valid expression: \(error.description)")
    }
  }
}
