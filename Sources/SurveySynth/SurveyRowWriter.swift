/// Writes `survey.csv` rows: the columns of the codebook in codebook order, comma-separated,
/// blank for missing, `symptoms` as space-separated codes.
struct SurveyRowWriter {
  /// The header: the codebook's variable names in order.
  static let columns = [
    "respondent_id", "phone", "enumerator", "interview_date", "region", "urban", "stratum", "psu",
    "fpc", "design_weight", "responded", "sex", "age", "age_group", "migrant_status", "destination",
    "year_departed", "year_returned", "health_before", "health_now", "chronic", "injury_abroad",
    "irregular", "insured_abroad", "insured_cnam", "unmet_need", "oop_cost", "symptoms", "round", "aware_risks",
  ]
  /// The longest row: generous room so a row never straddles a flush.
  static let maximumRowBytes = 512

  // Constant cells, held by the value so the row loop reads them without global look-ups.
  /// Commas after `age_group` on a nonrespondent's row: the blank answers from `migrant_status`
  /// to `symptoms`, and the comma before `round`.
  private let blankAnswers = [UInt8](repeating: UInt8(ascii: ","), count: 15)
  private let dateBytes = Fieldwork.dateBytes
  private let destinationBytes = Respondent.destinationCodes.map { Array($0.utf8) }
  private let symptomBytes = Respondent.symptomCodes.map { Array($0.utf8) }
  private let idPrefix = Array("MD-".utf8)
  private let phonePrefix = Array("+373 ".utf8)
  private static let comma = UInt8(ascii: ",")

  /// Cells that are the same for every row of a PSU: `region,urban,stratum,psu,fpc,design_weight,`.
  private var psuCells: [UInt8] = []
  /// `,Enn,` for the PSU's enumerator.
  private var enumeratorCells: [UInt8] = []

  /// The header line.
  static var header: String { columns.joined(separator: ",") + "\n" }

  /// Prepares the cells shared by the rows of `psu`.
  mutating func begin(_ psu: SampledPSU, design: StratumDesign) {
    let stratum = design.stratum
    var cells = "\(stratum.region),\(stratum.urban),\(stratum.code),\(psu.id),\(design.fpc),"
    let cents = design.weightCents(sizeFactor: psu.profile.sizeFactor)
    let fraction = cents % 100
    cells += "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction),"
    psuCells = Array(cells.utf8)
    let enumerator = psu.enumerator
    enumeratorCells = Array(",E\(enumerator < 10 ? "0" : "")\(enumerator),".utf8)
  }

  /// Appends the row of `person`, whose id is `row + 1`; the caller has reserved
  /// ``maximumRowBytes``.
  func append(_ person: Respondent, row: Int, to file: OutputFile) {
    let comma = Self.comma
    idPrefix.withUnsafeBufferPointer { file.append($0) }
    file.append(decimal: row + 1, width: 7)
    file.append(comma)
    if person.phone >= 0 {
      phonePrefix.withUnsafeBufferPointer { file.append($0) }
      file.append(decimal: person.phone, width: 8)
    }
    enumeratorCells.withUnsafeBufferPointer { file.append($0) }
    dateBytes.withUnsafeBufferPointer { file.append($0, from: person.day * 10, length: 10) }
    file.append(comma)
    psuCells.withUnsafeBufferPointer { file.append($0) }
    file.append(person.responded ? UInt8(ascii: "1") : UInt8(ascii: "0"))
    file.append(comma)
    file.append(UInt8(truncatingIfNeeded: 48 + person.sex))
    file.append(comma)
    file.append(decimal: person.age)
    file.append(comma)
    file.append(UInt8(truncatingIfNeeded: 48 + person.ageGroup))
    guard person.responded else {
      blankAnswers.withUnsafeBufferPointer { file.append($0) }
      file.append(UInt8(truncatingIfNeeded: 48 + person.round))
      file.append(comma)
      file.append(UInt8(ascii: "\n"))
      return
    }
    file.append(comma)
    Self.cell(person.migrantStatus, file)
    if person.destination >= 0 {
      destinationBytes[person.destination].withUnsafeBufferPointer { file.append($0) }
    }
    file.append(comma)
    Self.cell(person.yearDeparted, file)
    Self.cell(person.yearReturned, file)
    Self.cell(person.healthBefore, file)
    Self.cell(person.healthNow, file)
    Self.cell(person.chronic, file)
    Self.cell(person.injuryAbroad, file)
    Self.cell(person.irregular, file)
    Self.cell(person.insuredAbroad, file)
    Self.cell(person.insuredCNAM, file)
    Self.cell(person.unmetNeed, file)
    if person.oopCents >= 0 { file.append(cents: person.oopCents) }
    file.append(comma)
    var first = true
    for bit in 0..<symptomBytes.count where person.symptoms & (1 << bit) != 0 {
      if !first { file.append(UInt8(ascii: " ")) }
      symptomBytes[bit].withUnsafeBufferPointer { file.append($0) }
      first = false
    }
    file.append(comma)
    file.append(UInt8(truncatingIfNeeded: 48 + person.round))
    file.append(comma)
    if person.awareRisks >= 0 { file.append(decimal: person.awareRisks) }
    file.append(UInt8(ascii: "\n"))
  }

  /// A number cell (blank when negative) and its comma.
  @inline(__always) private static func cell(_ value: Int, _ file: OutputFile) {
    if value >= 0 { file.append(decimal: value) }
    file.append(comma)
  }
}
