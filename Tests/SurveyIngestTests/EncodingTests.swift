import SurveyCore
import Testing

@testable import SurveyIngest

@Suite("Ingest: text encodings")
struct EncodingTests {
  /// `respondent_id;region;oop_cost` then a row, with the region's bytes given.
  func batch(region: [UInt8], cost: String = "12,5") -> [UInt8] {
    Array("respondent_id;region;oop_cost\nR1;".utf8) + region + Array(";\(cost)\n".utf8)
  }

  @Test("Windows-1251 Cyrillic is sniffed when no encoding is declared")
  func windows1251Sniffed() throws {
    // "Кишинёв" in Windows-1251.
    let kishinev: [UInt8] = [0xCA, 0xE8, 0xF8, 0xE8, 0xED, 0xB8, 0xE2]
    let result = try ingest([("ru.csv", batch(region: kishinev))], read: ReadOptions(decimal: UInt8(ascii: ",")))
    #expect(result.column("region").formatted(row: 0) == "Кишинёв")
    #expect(result.column("oop_cost").numbers == [12.5])
    #expect(result.batches[0].encoding == .windows1251)
    #expect(result.batches[0].encodingSource == .sniffed)
    #expect(result.rules.contains("encoding-sniffed"))
  }

  @Test("Windows-1250 Romanian with cedilla letters, declared")
  func windows1250Declared() throws {
    // "Bălţi" in Windows-1250 (ţ with cedilla is 0xFE).
    let balti: [UInt8] = [0x42, 0xE3, 0x6C, 0xFE, 0x69]
    let result = try ingest(
      [("ro.csv", batch(region: balti))], read: ReadOptions(encoding: .windows1250, decimal: UInt8(ascii: ",")))
    #expect(result.column("region").formatted(row: 0) == "B\u{103}l\u{163}i")
    #expect(result.batches[0].encodingSource == .declared)
    #expect(!result.rules.contains("encoding-sniffed"))
  }

  @Test("ISO-8859-16 has Romanian ș and ț with comma below")
  func iso885916() throws {
    // "Ştefan Bălţi" written in ISO-8859-16: Ș = 0xAA, ț = 0xFE.
    let text: [UInt8] = [0xAA, 0x74, 0x65, 0x66, 0x61, 0x6E, 0x20, 0x42, 0xE3, 0x6C, 0xFE, 0x69]
    let result = try ingest([("ro.csv", batch(region: text))], read: ReadOptions(encoding: .iso885916, decimal: UInt8(ascii: ",")))
    #expect(result.column("region").formatted(row: 0) == "\u{218}tefan B\u{103}l\u{21B}i")
    // Undeclared, the same bytes (no 0x80–0x9F) are sniffed as ISO-8859-16.
    let sniffed = try ingest([("ro.csv", batch(region: text))], read: ReadOptions(decimal: UInt8(ascii: ",")))
    #expect(sniffed.batches[0].encoding == .iso885916)
  }

  @Test("Latin-1, declared")
  func latin1() throws {
    // "Città" in Latin-1.
    let result = try ingest(
      [("it.csv", batch(region: [0x43, 0x69, 0x74, 0x74, 0xE0]))],
      read: ReadOptions(encoding: .latin1, decimal: UInt8(ascii: ",")))
    #expect(result.column("region").formatted(row: 0) == "Città")
  }

  @Test("UTF-8 with one stray byte stays UTF-8; the bad byte is replaced and reported by line")
  func strayByteInUTF8() throws {
    let bytes = Array("respondent_id,region\nR1,Chișinău\nR2,B".utf8) + [0xE3] + Array("lti\nR3,Orhei\n".utf8)
    let result = try ingest([("mixed.csv", bytes)])
    #expect(result.batches[0].encoding == .utf8)
    #expect(result.column("region").formatted(row: 0) == "Chișinău")
    #expect(result.column("region").formatted(row: 1) == "B\u{FFFD}lti")
    let bad = result.findings.filter { $0.rule == .undecodableBytes }
    #expect(bad.map(\.line) == [3])
  }

  @Test("declared UTF-8 with invalid bytes reports each line once")
  func declaredUTF8Invalid() throws {
    let bytes = Array("respondent_id,region\nR1,".utf8) + [0xFF, 0xFE] + Array("\nR2,ok\n".utf8)
    let result = try ingest([("bad.csv", bytes)], read: ReadOptions(encoding: .utf8))
    #expect(result.findings.filter { $0.rule == .undecodableBytes }.map(\.line) == [2])
  }

  @Test("UTF-16 is refused with a clear error")
  func utf16() throws {
    #expect(throws: IngestError.self) { try ingest([("u16.csv", [0xFF, 0xFE, 0x61, 0x00])]) }
  }
}
