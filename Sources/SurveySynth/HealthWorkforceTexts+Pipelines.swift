extension HealthWorkforceTexts {
  /// The file that runs both: the registry, then the survey calibrated to its counts.
  public static func combinedPipeline(name: String, parts: [String], output: String) -> String {
    """
    # The health-workforce example (fictional data): a registry census, then an intention-to-
    # emigrate survey calibrated to the registry's counts. Each part is a whole pipeline that can
    # also run alone; run together, each writes to \(output)/PART-NAME. See docs/health-workforce.md.
    name: \(name)
    parts: [\(parts.joined(separator: ", "))]
    output: \(output)

    """
  }

  /// The registry pipeline: a census (no sampling error) with the stock and flow indicators, each
  /// with its code, definition and the activity status it counts.
  ///
  /// - Parameters:
  ///   - folder: the data's folder relative to the pipeline file (`""` beside it, or
  ///     `../fixtures/health-workforce/`), ending in `/` unless empty.
  public static func registryPipeline(name: String, folder: String, output: String) -> String {
    let codebook = folder + SyntheticHealthWorkforce.registryCodebookFile
    let inputs = folder + SyntheticHealthWorkforce.registryFile
    let population = folder + SyntheticHealthWorkforce.populationFile
    return """
    # Health-workforce registry (fictional data): one row per worker and year, 2023-2025. The
    # registry is complete, so the design is a census: no sampling error, SE 0, no intervals.
    # Indicator codes are WHO's National Health Workforce Accounts (NHWA) where one applies;
    # HW-… codes are this pipeline's own. See docs/health-workforce.md.
    name: \(name)
    codebook: \(codebook)
    inputs: [\(inputs)]
    read: {encoding: utf-8, delimiter: ",", decimal: "."}
    clean:
      invalid: set-missing
      duplicates: keep-first
      derive:
        - {name: headcount, label: One per worker and year, expression: "1", type: integer}
        - {name: practising, label: Practising (activity status 1), expression: "activity == 1"}
        - {name: active, label: Professionally active (activity status 1 or 2), expression: "activity in (1, 2)"}
        - {name: age, label: Age at the end of the year, expression: "year - birth_year", type: integer}
        - {name: age_group, label: Age group, cut: {variable: age, breaks: [0, 35, 45, 55, 65], labels: [under 35, 35-44, 45-54, 55-64, 65+]}}
        - {name: foreign_born, label: Born outside Moldova, expression: "country_birth != 'MDA'"}
        - {name: foreign_trained, label: First qualified outside Moldova, expression: "country_training != 'MDA'"}
        - {name: exit_emigrated, label: Left the registry to emigrate in the year, expression: "exit_reason == 3"}
    design: {census: true}
    tables:
    \(registryTables(population: population))
    output: \(output)

    """
  }

  static func registryTables(population: String) -> String {
    let stock2025 = "practising health workers (activity status 1) in the 2025 registry"
    return """
      - name: density_by_profession
        rate: {numerator: practising, per: 10000, population: \(population), year: 2025}
        by: [isco]
        filter: "year == 2025"
        indicator: {code: NHWA 1-02, name: Health worker density, definition: "Practising health workers (headcount) per 10,000 population, by occupation (ISCO-08).", counts: "\(stock2025); population on 1 January 2025"}
      - name: density_by_region
        rate: {numerator: practising, per: 10000, population: \(population), year: 2025}
        by: [region]
        filter: "year == 2025"
        indicator: {code: NHWA 1-03, name: Health worker density at subnational level, definition: "Practising health workers (headcount) per 10,000 population of the region where they work.", counts: "\(stock2025), all professions"}
      - name: density_by_profession_region
        rate: {numerator: practising, per: 10000, population: \(population), year: 2025}
        by: [isco, region]
        filter: "year == 2025"
        indicator: {code: NHWA 1-03, name: Health worker density at subnational level, definition: "Practising health workers (headcount) per 10,000 population of the region where they work, by occupation.", counts: "\(stock2025)"}
      - name: density_by_activity
        rate: {numerator: headcount, per: 10000, population: \(population), year: 2025}
        by: [activity]
        filter: "year == 2025"
        indicator: {code: NHWA 1-04, name: Health worker density by activity level, definition: "Registered health workers per 10,000 population in each activity status. Licensed = 1 + 2 + 3; professionally active = 1 + 2; practising = 1.", counts: "every registered health worker in 2025, by activity status"}
      - name: practising_by_profession
        total: headcount
        by: [isco]
        filter: "year == 2025 and practising == 1"
        indicator: {code: HW-STOCK, name: Practising health workers, definition: "Headcount of practising health workers by occupation (ISCO-08); the counts the intention survey is calibrated to.", counts: "\(stock2025)"}
      - name: female_share
        proportion: sex
        by: [isco]
        filter: "year == 2025 and practising == 1"
        indicator: {code: NHWA 1-06, name: Distribution by sex, definition: "Share of practising health workers by sex (code 2 Female is the female share).", counts: "\(stock2025)"}
      - name: age_distribution
        proportion: age_group
        by: [isco]
        filter: "year == 2025 and practising == 1"
        indicator: {code: NHWA 1-07, name: Distribution by age, definition: "Share of practising health workers in each age group (age at the end of the year).", counts: "\(stock2025)"}
      - name: median_age
        quantile: age
        by: [isco]
        filter: "year == 2025 and practising == 1"
        indicator: {code: NHWA 1-08, name: Median age of health workers, definition: "Median age (at the end of the year) of practising health workers (R's qrule math: the smallest age with at least half of the workers at or below it).", counts: "\(stock2025)"}
      - name: foreign_born_share
        proportion: foreign_born
        by: [isco]
        filter: "year == 2025 and practising == 1"
        indicator: {code: NHWA 1-09, name: Dependency on foreign health workers (foreign-born), definition: "Share of practising health workers born outside Moldova (level 1).", counts: "\(stock2025)"}
      - name: foreign_trained_share
        proportion: foreign_trained
        by: [isco]
        filter: "year == 2025 and practising == 1"
        indicator: {code: NHWA 1-09, name: Dependency on foreign health workers (foreign-trained), definition: "Share of practising health workers whose first professional qualification is from outside Moldova (level 1).", counts: "\(stock2025)"}
      - name: private_share
        proportion: ownership
        by: [isco]
        filter: "year == 2025 and practising == 1"
        indicator: {code: NHWA 1-10, name: Health worker distribution by facility ownership, definition: "Share of practising health workers by the ownership of their main workplace (level 2 Private is the private sector's share).", counts: "\(stock2025)"}
      - name: emigration_exit_rate
        rate: {numerator: exit_emigrated, denominator: headcount, per: 1000}
        by: [year]
        indicator: {code: HW-EXIT-EMIG, name: Exits to emigration per 1000 health workers, definition: "Workers whose registration ended because they emigrated in the year, per 1,000 workers registered in the year (NHWA counts exits among labour-market flows; this rate isolates emigration).", counts: "every registered health worker (all activity statuses) in the year"}
      - name: emigration_exit_rate_by_profession
        rate: {numerator: exit_emigrated, denominator: headcount, per: 1000}
        by: [isco]
        indicator: {code: HW-EXIT-EMIG, name: Exits to emigration per 1000 health workers a year, definition: "Exits to emigration in 2023-2025 per 1,000 worker-years registered in 2023-2025: an average yearly rate.", counts: "every registered health worker (all activity statuses), 2023-2025"}
      - name: exit_reasons
        proportion: exit_reason
        by: [year]
        filter: "exit_reason > 0"
        indicator: {code: HW-EXIT-SHARE, name: Share of exits by reason, definition: "Exits from the registry in the year by reason; level 3 Emigrated is emigration's share of all exits.", counts: "health workers who left the registry in the year (all activity statuses)"}
      - name: certificate_rate
        rate: {numerator: cgs_requested, denominator: headcount, per: 1000}
        by: [year]
        indicator: {code: HW-CGS, name: Certificates of good standing requested per 1000 health workers, definition: "Requests for a certificate of good standing (which a foreign regulator asks for; a sign of intent to emigrate) in the year, per 1,000 registered workers.", counts: "every registered health worker (all activity statuses) in the year"}
    """
  }

  /// The intention survey's pipeline: stratified by profession x region, calibrated to the
  /// registry's counts of practising workers (linear calibration on profession, region and sex).
  public static func surveyPipeline(name: String, folder: String, output: String) -> String {
    let codebook = folder + SyntheticHealthWorkforce.surveyCodebookFile
    let inputs = folder + SyntheticHealthWorkforce.surveyFile
    let margins = folder + SyntheticHealthWorkforce.marginsFile
    let counts = "practising health workers in 2025 (the registry's activity status 1), weighted to the registry's counts"
    return """
      # Intention-to-emigrate survey of practising health workers, 2025 (fictional data): a sample
      # stratified by profession x region, its weights calibrated to the registry's counts of
      # practising workers by profession, region and sex (registry-margins.csv, the counts of the
      # registry pipeline's practising_by_profession table and of its tidy data).
      name: \(name)
      codebook: \(codebook)
      inputs: [\(inputs)]
      read: {encoding: utf-8, delimiter: ",", decimal: "."}
      design: {weight: design_weight, strata: stratum, fpc: [fpc], lonely_psu: adjust}
      weighting:
        calibrate: {method: linear, variables: [isco, region, sex], margins: \(margins)}
      tables:
        - name: intention_by_profession
          proportion: intends_12m
          by: [isco]
          indicator: {code: HW-INTENT-12M, name: Intention to emigrate within a year, definition: "Share of practising health workers who intend to emigrate within 12 months (level 1), with design-based SEs and 95% logit intervals.", counts: "\(counts)"}
        - name: intention_overall
          proportion: intends_12m
          indicator: {code: HW-INTENT-12M, name: Intention to emigrate within a year, definition: "Share of practising health workers who intend to emigrate within 12 months (level 1).", counts: "\(counts)"}
        - name: intention_by_region
          proportion: intends_12m
          by: [region]
          indicator: {code: HW-INTENT-12M, name: Intention to emigrate within a year, definition: "Share of practising health workers who intend to emigrate within 12 months (level 1), by region of the workplace.", counts: "\(counts)"}
        - name: considering_by_profession
          proportion: considering
          by: [isco]
          indicator: {code: HW-CONSIDER, name: Has considered working abroad, definition: "Share of practising health workers who have considered working abroad (level 1).", counts: "\(counts)"}
        - name: practising_total
          total: isco
          indicator: {code: HW-STOCK, name: Practising health workers (calibrated survey), definition: "Weighted count of practising health workers by profession; equal to the registry's counts after calibration (SE 0 up to rounding).", counts: "\(counts)"}
      output: \(output)

      """
  }
}
