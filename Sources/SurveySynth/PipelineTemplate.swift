/// The `pipeline.yml` written next to the synthetic data: reads `survey.csv` with
/// `codebook.yml`, cleans, declares the design and asks for the survey's headline tables.
enum PipelineTemplate {
  /// The pipeline's name.
  static let name = "synthetic-moldova-migrant-health"

  /// The tables, as YAML flow mappings.
  static let tables = [
    "{name: insured_abroad_by_status, proportion: insured_abroad, by: [migrant_status]}",
    "{name: oop_cost_by_region, mean: oop_cost, by: [region]}",
    "{name: unmet_need_by_region, proportion: unmet_need, by: [region]}",
    "{name: migrant_share, proportion: migrant_status}",
    "{name: chronic_by_sex, proportion: chronic, by: [sex]}",
    "{name: oop_total_by_status, total: oop_cost, by: [migrant_status]}",
    "{name: destination_share, proportion: destination}",
    "{name: irregular_by_destination, proportion: irregular, by: [destination]}",
    "{name: health_now_by_status, proportion: health_now, by: [migrant_status]}",
    "{name: insured_cnam_by_status, proportion: insured_cnam, by: [migrant_status]}",
  ]

  /// The migrant-health indicators that `pipeline-indicators.yml` adds to ``tables`` (20 in
  /// all): awareness by round with the round 2 − round 1 difference, medians and quartiles,
  /// health worsened since departure, insurance by destination and sex, unmet need by insurance,
  /// and Rao–Scott tests.
  static let indicatorTables = [
    "{name: aware_risks_by_round, proportion: aware_risks, by: [round], difference: {round: [1, 2]}}",
    "{name: aware_risks_by_round_status, proportion: aware_risks, by: [round, migrant_status], difference: {round: [1, 2]}}",
    "{name: oop_cost_median_by_status, quantile: oop_cost, by: [migrant_status]}",
    "{name: oop_cost_quartiles_by_region, quantile: oop_cost, probabilities: [0.25, 0.5, 0.75], by: [region]}",
    "{name: health_worsened_by_status, proportion: health_worsened, by: [migrant_status]}",
    "{name: insured_abroad_by_destination, proportion: insured_abroad, by: [destination]}",
    "{name: insured_cnam_by_sex, proportion: insured_cnam, by: [sex]}",
    "{name: unmet_need_by_insurance, proportion: unmet_need, by: [insured_cnam]}",
    "{name: insured_cnam_vs_status, chisq: [insured_cnam, migrant_status]}",
    "{name: unmet_need_vs_insurance, chisq: [unmet_need, insured_cnam], chisq_statistic: Chisq}",
  ]

  /// The `checks:` section of `pipeline-checks.yml` (`synth --checks`): every field-quality check
  /// the synthetic columns allow. The data have no interview start and end times and no
  /// submission uuid, so `duration` is left out and `resubmissions` looks for exact copies by
  /// `respondent_id` (there are none). The last four fieldwork days fall outside the window
  /// (about 4% of the interviews).
  static let checks = """
    checks:
      enumerator: enumerator
      fieldwork: {date: interview_date, from: 2026-03-02, to: 2026-05-25}
      dont_know: {max_share: 0.02, min_answers: 40}
      outliers: {variables: [oop_cost, age, year_departed], k: 3}
      resubmissions: respondent_id

    """

  /// The YAML text for a survey of `rows` rows made with `seed`; with `checks`, the pipeline of
  /// `pipeline-checks.yml`: the same with the ``checks`` section, writing to `out-checks`.
  static func yaml(rows: Int, seed: UInt64, checks: Bool = false, indicators: Bool = false) -> String {
    let suffix = checks ? "checks" : indicators ? "indicators" : nil
    let derive = "\n  derive: [{name: health_worsened, label: Health worse than before departure, expression: \"health_now > health_before\"}]"
    var text = """
      # Synthetic survey written by `survey-pipe synth --rows \(rows) --seed \(seed)\(checks ? " --checks" : "")`.
      # Paths are relative to this file. Nonrespondents' weight goes to the respondents of their
      # region x area, then the weights are calibrated (raking distance) to margins.csv, the
      # population totals of sex, region and age_group.
      name: \(name)\(suffix.map { "-" + $0 } ?? "")
      codebook: \(SyntheticSurvey.codebookFile)
      inputs: [\(SyntheticSurvey.surveyFile)]
      read: {encoding: auto, delimiter: auto, decimal: "."}
      clean:
        invalid: set-missing
        duplicates: keep-first\(indicators ? derive : "")
      \(checks ? Self.checks : "")design: {weight: design_weight, strata: stratum, psu: [psu], fpc: [fpc], lonely_psu: adjust}
      weighting:
        nonresponse: {response: responded, classes: [region, urban]}
        calibrate: {method: raking, variables: [sex, region, age_group], margins: \(SyntheticSurvey.marginsFile)}
      tables:

      """
    for table in tables + (indicators ? indicatorTables : []) { text += "  - \(table)\n" }
    text += "suppress_below: 10\noutput: out\(suffix.map { "-" + $0 } ?? "")\n"
    return text
  }
}
