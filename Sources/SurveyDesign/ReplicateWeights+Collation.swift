import Foundation

extension ReplicateWeights {
  /// Whether stratum name `a` sorts before `b` as R's `order()` sorts text in a UTF-8 locale
  /// (ICU's collation, on which BRR's numbering of the pairs depends), at three levels:
  /// 1. letters without regard to case or accents, with `æ`, `œ`, `ß` as `ae`, `oe`, `ss` and `ø`
  ///    as `o`;
  ///    spaces, then ASCII punctuation in ICU's order, then symbols, before digits, before letters;
  /// 2. accents, unaccented first, then in ICU's order (acute, grave, breve, circumflex, caron,
  ///    ring, diaeresis, double acute, tilde, dot above, cedilla, comma below, ogonek, macron;
  ///    `ß` after `ss`);
  /// 3. lower case before upper; bytes last.
  /// It covers the names of strata (Latin and Cyrillic letters, digits, common punctuation);
  /// ICU's full tables are not reproduced.
  static func collationPrecedes(_ a: String, _ b: String) -> Bool {
    for key in [primaryKey, secondaryKey, tertiaryKey, { Array($0.utf8).map(UInt32.init) }] {
      let (x, y) = (key(a), key(b))
      if x != y { return x.lexicographicallyPrecedes(y) }
    }
    return false
  }

  /// ICU's order of the ASCII punctuation and symbols (after the space).
  static let punctuationOrder = Array("_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".unicodeScalars)

  /// Letters that ICU expands or treats as another letter with an accent.
  static let expansions: [Character: (String, UInt32)] = [
    "æ": ("ae", 60), "Æ": ("AE", 60), "œ": ("oe", 60), "Œ": ("OE", 60), "ø": ("o", 61), "Ø": ("O", 61),
    "ß": ("ss", 62),
  ]

  /// Combining marks in ICU's secondary order.
  static let markOrder: [UInt32: UInt32] = [
    0x301: 1, 0x300: 2, 0x306: 3, 0x302: 4, 0x30C: 5, 0x30A: 6, 0x308: 7, 0x30B: 8, 0x303: 9, 0x307: 10,
    0x327: 11, 0x326: 12, 0x328: 13, 0x304: 14,
  ]

  static func expanded(_ text: String) -> String {
    String(text.flatMap { expansions[$0]?.0 ?? String($0) })
  }

  static func primaryKey(_ text: String) -> [UInt32] {
    let folded = expanded(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    return folded.unicodeScalars.map { scalar in
      let value = scalar.value
      if value == 0x20 { return 1 }
      if let index = punctuationOrder.firstIndex(of: scalar) { return 2 + UInt32(index) }
      return 0x100 + value
    }
  }

  static func secondaryKey(_ text: String) -> [UInt32] {
    var key: [UInt32] = []
    for character in text {
      if let expansion = expansions[character] {
        key += [expansion.1, 0]
        continue
      }
      let marks = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.dropFirst()
      key += marks.map { markOrder[$0.value] ?? 50 + $0.value % 0x100 } + [0]
    }
    return key
  }

  static func tertiaryKey(_ text: String) -> [UInt32] {
    expanded(text).map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) }
      .flatMap { String($0).unicodeScalars.map(\.value) }
  }
}
