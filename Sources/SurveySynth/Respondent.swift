/// One sampled adult as small integers, ready to be written as a row; -1 marks a blank cell.
///
/// Categorical answers hold their code (or a missing code, 98 or 99); `destination` is an index
/// into ``Respondent/destinationCodes``; `symptoms` has bit *k* set for the *k*-th symptom code.
struct Respondent {
  /// `destination` codes in codebook order.
  static let destinationCodes = ["RU", "IT", "RO", "DE", "OT"]
  /// `symptoms` codes in codebook order.
  static let symptomCodes = ["fever", "cough", "pain", "fatigue"]

  var responded = false
  var sex = 1
  var age = 18
  var ageGroup = 1
  /// Interview day as an offset into the fieldwork window.
  var day = 0
  /// The eight digits after `+373 `, or -1 when no phone was given.
  var phone = -1
  var migrantStatus = -1
  var destination = -1
  var yearDeparted = -1
  var yearReturned = -1
  var healthBefore = -1
  var healthNow = -1
  var chronic = -1
  var injuryAbroad = -1
  var irregular = -1
  var insuredAbroad = -1
  var insuredCNAM = -1
  var unmetNeed = -1
  /// Out-of-pocket costs in bani (hundredths of a leu).
  var oopCents = -1
  var symptoms = 0
  /// The survey round: 1 before the awareness campaign, 2 after (every row has one).
  var round = 1
  /// Aware of the health risks of irregular migration (1/0, or a missing code).
  var awareRisks = -1
}
