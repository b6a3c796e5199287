/// A piece of a record's text: text, or a line break inside a quoted field.
enum Piece: Equatable {
  case text(String)
  case lineBreak(String)
}

/// Random values for each variable, with the tidy value (or cleaning) each must lead to.
struct ValueMaker {
  let encoding: GeneratedEncoding
  let decimalComma: Bool
  /// The line ends the file uses (one is picked for each line break inside a field).
  let lineEnds: [String]

  /// A number as the batch writes it.
  func number(_ text: String) -> String {
    decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
  }

  func name(_ random: inout SeededRandom, marker: String) -> String {
    let base = random.pick(encoding.names)
    return random.chance(0.2) ? "\(base), \(marker)" : "\(base) \(marker)"
  }

  /// A phone number; one that breaks the codebook's constraint (`. < 'Q'`) is cleared by cleaning,
  /// which logs it without its value.
  func phone(_ random: inout SeededRandom, marker: String) -> (String, ExpectedCell?) {
    if random.chance(0.05) { return ("ZZ \(marker)", .cleared(old: "", reason: "constraint")) }
    return ("+373 \(random.int(60...79)) \(marker)", nil)
  }

  func age(_ random: inout SeededRandom) -> (String, ExpectedCell) {
    let roll = random.int(0...99)
    switch roll {
    case 0..<8: return ("", .missing)
    case 8..<12:
      let value = random.chance(0.5) ? random.int(121...200) : -random.int(1...9)
      return (String(value), .cleared(old: String(value), reason: "range"))
    case 12..<15: return ("99", .cleared(old: "99", reason: "missing-code"))
    case 15..<18:
      let text = random.pick(["unknown", "twenty", "4x"])
      return (text, .cleared(old: text, reason: "type"))
    default:
      let value = random.int(15...90)
      return (String(value), .number(Double(value)))
    }
  }

  func income(_ random: inout SeededRandom) -> (String, ExpectedCell) {
    let roll = random.int(0...99)
    switch roll {
    case 0..<10: return ("", .missing)
    case 10..<14:
      let text = "-\(random.int(1...500)).\(random.int(1...9))"
      return (number(text), .cleared(old: text, reason: "range"))
    default:
      let whole = random.int(100...99_999)
      let text: String
      switch random.int(0...2) {
      case 0: text = String(whole)
      case 1: text = "\(whole).\(random.int(1...9))"
      default: text = String(format: "%d.%02d", whole, random.int(1...99))
      }
      return (number(text), .number(Double(text)!))
    }
  }

  func region(_ random: inout SeededRandom) -> (String, ExpectedCell) {
    let roll = random.int(0...99)
    switch roll {
    case 0..<6: return ("", .missing)
    case 6..<10: return ("7", .cleared(old: "7", reason: "code"))
    case 10..<13: return ("99", .cleared(old: "99", reason: "missing-code"))
    default:
      let code = String(random.int(1...4))
      return (code, .code(code))
    }
  }

  /// A design weight; a blank one makes cleaning drop the record (`missing-design`).
  func weight(_ random: inout SeededRandom) -> (String, ExpectedCell) {
    if random.chance(0.03) { return ("", .missing) }
    let text = random.pick(["1", "1.5", "2", "2.25", "3", "0.75"])
    return (number(text), .number(Double(text)!))
  }

  /// Free text without line breaks; `""` is an empty answer and nil a missing one.
  func city(_ random: inout SeededRandom) -> String? {
    switch random.int(0...99) {
    case 0..<6: return nil
    case 6..<10: return ""
    default:
      let words = (0..<random.int(1...3)).map { _ in random.pick(encoding.words) }
      var text = words.joined(separator: " ")
      if random.chance(0.05) { text = "  " + text + " " }
      return text
    }
  }

  /// Free text that may hold line breaks (never two in a row, so that a CR and the LF of the
  /// next break never read as one CR LF).
  func note(_ random: inout SeededRandom) -> [Piece]? {
    switch random.int(0...99) {
    case 0..<8: return nil
    case 8..<12: return []
    default:
      var pieces: [Piece] = []
      for index in 0..<random.int(1...6) {
        if index > 0 {
          pieces.append(random.chance(0.3) ? .lineBreak(random.pick(lineEnds)) : .text(" "))
        }
        pieces.append(.text(random.pick(encoding.words)))
      }
      return pieces
    }
  }
}

extension [Piece] {
  /// The value the pieces spell, line breaks included.
  var joinedText: String {
    map { piece in
      switch piece {
      case .text(let text): return text
      case .lineBreak(let end): return end
      }
    }.joined()
  }

  var lineBreakCount: Int {
    count { if case .lineBreak = $0 { return true } else { return false } }
  }
}
