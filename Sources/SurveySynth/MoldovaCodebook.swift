/// The codebook of the synthetic survey: the Moldova migrant-health codebook that `synth`
/// writes next to its data as `codebook.yml`.
public enum MoldovaCodebook {
  /// The text of `fixtures/moldova/codebook.yml`, byte for byte (a test keeps the two equal).
  public static let yaml: String = ##"""
    # Codebook of the bundled example: a two-stage household survey of current, returned and
    # never-migrants aged 18+ in the Republic of Moldova (strata = region x urban/rural, PSUs =
    # census enumeration areas). Fictional data; see fixtures/moldova/README.md.
    survey: moldova-migrant-health
    id: respondent_id
    missing_codes: {98: "Don't know", 99: "Refused"}      # survey-wide; a variable may override
    variables:
      - {name: respondent_id, label: Respondent ID, type: text, required: true, unique: true}
      - {name: phone, label: Contact phone, type: text, pii: true}
      - {name: enumerator, label: Enumerator code, type: text, required: true}
      - {name: interview_date, label: Date of interview, type: date, format: "dd.MM.yyyy", required: true}
      - name: region
        label: Development region
        type: categorical
        codes: {1: "Chișinău", 2: Nord, 3: Centru, 4: Sud, 5: "UTA Găgăuzia"}
        required: true
      - {name: urban, label: Area of residence, type: categorical, codes: {1: Urban, 2: Rural}, required: true}
      # Design variables: PSU ids and sizes are never missing codes, so the survey-wide 98/99 are off.
      - {name: stratum, label: Sampling stratum (region x area), type: integer, range: [11, 52], required: true, missing_codes: {}}
      - {name: psu, label: Enumeration area (PSU), type: integer, required: true, missing_codes: {}}
      - {name: fpc, label: Enumeration areas in the stratum, type: integer, range: [1, 100000], required: true, missing_codes: {}}
      - {name: design_weight, label: Design weight, type: decimal, range: [1, 100000], required: true, missing_codes: {}}
      - {name: responded, label: Interview completed, type: categorical, codes: {1: "Yes", 0: "No"}, required: true}
      - name: sex
        label: Sex of respondent
        type: categorical
        codes: {1: Male, 2: Female}
        required: true
        aliases: [Sex, "q1_sex"]
      - {name: age, label: Age in completed years, type: integer, range: [18, 99], required: true, aliases: [q2_age]}
      - {name: age_group, label: Age group, type: categorical, codes: {1: "18-29", 2: "30-44", 3: "45-59", 4: "60+"}, required: true}
      - name: migrant_status
        label: Migration status
        type: categorical
        codes: {1: Current migrant, 2: Returned migrant, 3: Never migrated}
        required: true
        relevant: responded == 1
      - name: destination
        label: Main country of destination
        type: categorical
        codes: {RU: Russia, IT: Italy, RO: Romania, DE: Germany, OT: Other}
        relevant: migrant_status in (1, 2)
      - {name: year_departed, label: Year of first departure, type: integer, range: [1990, 2026], relevant: migrant_status != 3}
      - name: year_returned
        label: Year of return
        type: integer
        range: [1990, 2026]
        relevant: migrant_status == 2
        constraint: year_returned >= year_departed
      - name: health_before
        label: Self-rated health before departure
        type: categorical
        codes: {1: Very good, 2: Good, 3: Fair, 4: Bad, 5: Very bad}
        relevant: migrant_status != 3
      - name: health_now
        label: Self-rated health now
        type: categorical
        codes: {1: Very good, 2: Good, 3: Fair, 4: Bad, 5: Very bad}
        relevant: responded == 1
      - {name: chronic, label: Chronic illness, type: categorical, codes: {1: "Yes", 0: "No"}, relevant: responded == 1}
      - {name: injury_abroad, label: Injured at work abroad, type: categorical, codes: {1: "Yes", 0: "No"}, relevant: migrant_status != 3}
      - {name: irregular, label: Ever without legal status abroad, type: categorical, codes: {1: "Yes", 0: "No"}, relevant: migrant_status != 3}
      - {name: insured_abroad, label: Had medical insurance abroad, type: categorical, codes: {1: "Yes", 0: "No"}, relevant: migrant_status != 3}
      - {name: insured_cnam, label: Insured with CNAM (compulsory health insurance), type: categorical, codes: {1: "Yes", 0: "No"}, relevant: responded == 1}
      - {name: unmet_need, label: Unmet need for health care in the last 12 months, type: categorical, codes: {1: "Yes", 0: "No"}, relevant: responded == 1}
      # Out-of-pocket costs in lei: 98 and 99 lei are real amounts, so the survey-wide codes are off.
      - {name: oop_cost, label: Out-of-pocket health costs in the last 12 months (MDL), type: decimal, range: [0, 1000000], relevant: responded == 1, missing_codes: {}}
      - name: symptoms
        label: Symptoms in the last 30 days
        type: multiple
        codes: {fever: Fever, cough: Cough, pain: Pain, fatigue: Fatigue}
        relevant: responded == 1
      # Two survey rounds around an information campaign on the health risks of irregular migration:
      # round 1 was interviewed before the campaign, round 2 after.
      - name: round
        label: Survey round
        type: categorical
        codes: {1: "Round 1 (before the campaign)", 2: "Round 2 (after the campaign)"}
        required: true
        missing_codes: {}
      - {name: aware_risks, label: Aware of the health risks of irregular migration, type: categorical, codes: {1: "Yes", 0: "No"}, relevant: responded == 1}

    """##
}
