/// Guesses a batch's delimiter from its header line.
enum DelimiterSniffer {
  static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

  /// The candidate that occurs most often outside quotes on the first non-blank line
  /// (`,` on a tie, and when none occurs).
  static func sniff(_ text: UnsafeBufferPointer<UInt8>) -> UInt8 {
    var counts = [0, 0, 0]
    var inQuotes = false
    var sawContent = false
    for byte in text {
      if byte == UInt8(ascii: "\"") {
        inQuotes.toggle()
        sawContent = true
      } else if !inQuotes, byte == 0x0A || byte == 0x0D {
        if sawContent { break }
      } else if !inQuotes, let k = candidates.firstIndex(of: byte) {
        counts[k] += 1
        sawContent = true
      } else if byte != 0x20 {
        sawContent = true
      }
    }
    let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
    return counts[best] > 0 ? candidates[best] : candidates[0]
  }
}
