/// The codebooks and pipelines of the synthetic health workforce (``SyntheticHealthWorkforce``),
/// also those of the bundled example (`pipelines/moldova-health-workforce.yml`), with paths given.
public enum HealthWorkforceTexts {
  static let professions = """
    {221: Medical doctors, 2221: Nursing professionals, 3221: Nursing associate professionals, 2222: Midwifery professionals, 3222: Midwifery associate professionals, 2261: Dentists, 2262: Pharmacists}
    """
  static let regions = #"{1: "Chișinău", 2: Nord, 3: Centru, 4: Sud, 5: "UTA Găgăuzia"}"#
  static let countries = "{MDA: Moldova, UKR: Ukraine, ROU: Romania, RUS: Russia, BLR: Belarus}"

  static let registryCodebook = """
    # Codebook of a health-worker registry extract (fictional data): one row per worker and year
    # registered, professions by ISCO-08 code. See fixtures/health-workforce/README.md.
    survey: moldova-health-workforce-registry
    id: record_id
    missing_codes: {}
    variables:
      - {name: record_id, label: Worker and year, type: text, required: true, unique: true}
      - {name: worker_id, label: Registry number of the worker, type: text, required: true}
      - {name: year, label: Year of the registry extract, type: categorical, codes: {2023: "2023", 2024: "2024", 2025: "2025"}, required: true}
      - {name: isco, label: Profession (ISCO-08), type: categorical, codes: \(professions), required: true}
      - {name: sex, label: Sex, type: categorical, codes: {1: Male, 2: Female}, required: true}
      - {name: birth_year, label: Year of birth, type: integer, range: [1930, 2010], required: true}
      - {name: country_birth, label: Country of birth (ISO 3166), type: categorical, codes: \(countries), required: true}
      - {name: country_training, label: Country of first professional qualification (ISO 3166), type: categorical, codes: \(countries), required: true}
      - {name: region, label: Development region of the main workplace, type: categorical, codes: \(regions), required: true}
      - {name: ownership, label: Ownership of the main workplace, type: categorical, codes: {1: Public, 2: Private}, required: true}
      - name: activity
        label: Activity status in the year
        type: categorical
        codes: {1: Practising, 2: "Professionally active, not practising", 3: "Licensed, not professionally active"}
        required: true
      - name: exit_reason
        label: Exit from the registry in the year
        type: categorical
        codes: {0: No exit, 1: Retired, 2: Died, 3: Emigrated, 4: Left the profession}
        required: true
      - {name: exit_year, label: Year of the exit, type: integer, range: [2000, 2100], relevant: exit_reason > 0}
      - {name: cgs_requested, label: Requested a certificate of good standing in the year, type: categorical, codes: {0: No, 1: Yes}, required: true}

    """

  static let surveyCodebook = """
    # Codebook of the survey of health workers' intention to emigrate (fictional data): a sample of
    # the workers practising in 2025, stratified by profession x region. See
    # fixtures/health-workforce/README.md.
    survey: moldova-health-workforce-intentions
    id: respondent_id
    missing_codes: {98: "Don't know", 99: "Refused"}
    variables:
      - {name: respondent_id, label: Respondent ID, type: text, required: true, unique: true}
      - {name: stratum, label: Sampling stratum (ISCO-08 code x 10 + region), type: integer, required: true, missing_codes: {}}
      - {name: isco, label: Profession (ISCO-08), type: categorical, codes: \(professions), required: true}
      - {name: region, label: Development region of the main workplace, type: categorical, codes: \(regions), required: true}
      - {name: sex, label: Sex, type: categorical, codes: {1: Male, 2: Female}, required: true}
      - {name: age, label: Age at the end of 2025, type: integer, range: [18, 90], required: true, missing_codes: {}}
      - {name: fpc, label: Practising workers in the stratum (registry 2025), type: integer, range: [1, 1000000], required: true, missing_codes: {}}
      - {name: design_weight, label: Design weight (N/n of the stratum), type: decimal, range: [1, 1000000], required: true, missing_codes: {}}
      - {name: intends_12m, label: Intends to emigrate within 12 months, type: categorical, codes: {0: No, 1: Yes}, required: true}
      - {name: considering, label: Has considered working abroad, type: categorical, codes: {0: No, 1: Yes}, required: true}

    """
}
