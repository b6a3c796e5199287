import Foundation

/// The encodings generated batches are written in, each with text it can hold.
enum GeneratedEncoding: CaseIterable {
  case utf8, utf8WithBOM, windows1251, windows1250, latin1

  /// The name a pipeline declares (single-byte encodings are always declared).
  var pipelineName: String? {
    switch self {
    case .utf8, .utf8WithBOM: return "utf-8"
    case .windows1251: return "windows-1251"
    case .windows1250: return "windows-1250"
    case .latin1: return "latin1"
    }
  }

  var isSingleByte: Bool { self == .windows1251 || self == .windows1250 || self == .latin1 }

  /// The file's bytes for `text`.
  func encode(_ text: String) -> [UInt8] {
    let foundation: String.Encoding
    switch self {
    case .utf8: return Array(text.utf8)
    case .utf8WithBOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    case .windows1251: foundation = .windowsCP1251
    case .windows1250: foundation = .windowsCP1250
    case .latin1: foundation = .isoLatin1
    }
    guard let data = text.data(using: foundation, allowLossyConversion: false) else {
      fatalError("generator bug: text not representable in \(self): \(text.debugDescription)")
    }
    return Array(data)
  }

  /// Given names and family names (with non-ASCII letters the encoding holds).
  var names: [String] {
    switch self {
    case .utf8, .utf8WithBOM:
      return ["Ion Ștefănescu", "Mărioara Țurcanu", "Олег Бэлцану", "Zoë Ødegård", "李雷", "Ana-Maria 🙂"]
    case .windows1251: return ["Иван Петров", "Ольга Сырбу", "Ёлка Щукина", "Юрий Жуков"]
    case .windows1250: return ["Ştefan Ţurcanu", "Mărioara Bălan", "Łukasz Żółć", "Dvořák Šťastný"]
    case .latin1: return ["José Müller", "Françoise Núñez", "Björn Ærø", "Søren Öberg"]
    }
  }

  /// Words for free text (cities and notes).
  var words: [String] {
    let common = [
      "ok", "yes", "no", "42", "=1+1", "-5", "+A1", "@SUM(A1)", "a,b", "x;y", "tab\there", "say \"hi\"", "'q'",
    ]
    switch self {
    case .utf8, .utf8WithBOM: return common + ["Chișinău", "Bălți", "Орхей", "naïve", "東京", "€5", "😀"]
    case .windows1251: return common + ["Кишинёв", "Бельцы", "Орхей", "дом", "№5"]
    case .windows1250: return common + ["Bălţi", "Tighină", "Kraków", "Brno", "ţară"]
    case .latin1: return common + ["Zürich", "São", "Málaga", "café", "£5"]
    }
  }
}
