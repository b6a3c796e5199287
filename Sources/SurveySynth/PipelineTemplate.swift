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
  static func yaml(rows: Int, seed: UInt64, checks: Bool = false) -> String {
    var text = """
      # Synthetic survey written by `survey-pipe synth --rows \(rows) --seed \(seed)\(checks ? " --checks" : "")`.
      # Paths are relative to this file. Nonrespondents' weight goes to the respondents of their
      # region x area, then the weights are calibrated (raking distance) to margins.csv, the
      # population totals of sex, region and age_group.
      name: \(name)\(checks ? "-checks" : "")
      codebook: \(SyntheticSurvey.codebookFile)
      inputs: [\(SyntheticSurvey.surveyFile)]
      read: {encoding: auto, delimiter: auto, decimal: "."}
      clean: {invalid: set-missing, duplicates: keep-first}
      \(checks ? Self.checks : "")design: {weight: design_weight, strata: stratum, psu: [psu], fpc: [fpc], lonely_psu: adjust}
      weighting:
        nonresponse: {response: responded, classes: [region, urban]}
        calibrate: {method: raking, variables: [sex, region, age_group], margins: \(SyntheticSurvey.marginsFile)}
      tables:

      """
    for table in tables { text += "  - \(table)\n" }
    text += "suppress_below: 10\noutput: \(checks ? "out-checks" : "out")\n"
    return text
  }
}
