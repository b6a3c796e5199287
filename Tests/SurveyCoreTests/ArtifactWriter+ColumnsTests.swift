import Foundation
import Testing

@testable import SurveyCore

@Suite("Artifact column encodings: narrow integers, whole numbers, states")
struct ArtifactWriterColumnsTests {
  /// Writes with `write`, then reads back with `read`, checking every byte is read.
  static func roundTrip<T>(
    _ write: (inout ArtifactWriter) -> Void, _ read: (inout ArtifactReader) throws(CoreError) -> T
  ) throws -> (value: T, bytes: Int) {
    var writer = ArtifactWriter()
    write(&writer)
    var reader = ArtifactReader(bytes: writer.bytes, file: "t.artifact")
    let value = try read(&reader)
    #expect(reader.atEnd)
    return (value, writer.bytes.count)
  }

  /// Width byte + count (8 bytes) + `width` bytes a value.
  static func size(_ count: Int, width: Int) -> Int { 1 + 8 + count * width }

  @Test(
    "integers take the narrowest width holding their range",
    arguments: [
      ([Int32](), 1), ([-1, 0, 5], 1), ([-128, 127], 1), ([-129, 0], 2), ([0, 128], 2),
      ([-32768, 32767], 2), ([-32769], 4), ([32768], 4), ([Int32.min, Int32.max], 4), ([20_600, 20_700], 2),
    ])
  func integers(values: [Int32], width: Int) throws {
    let (read, bytes) = try Self.roundTrip({ $0.compactIntegers(values) }, { reader throws(CoreError) in try reader.compactIntegers() })
    #expect(read == values)
    #expect(bytes == Self.size(values.count, width: width))
  }

  @Test(
    "whole numbers are stored as integers, anything else as doubles, bit for bit",
    arguments: [
      ([1.0, 2, 99], 1), ([0.0, 120, -3], 1), ([1_900.0, 2_026], 2), ([11_000_001.0, 23_386], 4),
      ([2_147_483_647.0, -2_147_483_648], 4),
      ([2_147_483_648.0], 8), ([2.09, 1], 8), ([1, -0.0], 8), ([1, .nan], 8), ([.infinity], 8),
      ([0.5], 8), ([9_007_199_254_740_993.0], 8), ([Double](), 1),
    ])
  func numbers(values: [Double], width: Int) throws {
    let (read, bytes) = try Self.roundTrip({ $0.compactNumbers(values) }, { reader throws(CoreError) in try reader.compactNumbers() })
    #expect(read.map(\.bitPattern) == values.map(\.bitPattern))
    #expect(bytes == Self.size(values.count, width: width))
  }

  @Test("a column of states every one present takes no byte a cell; others one byte a cell")
  func states() throws {
    let present = [CellState](repeating: .present, count: 1_000)
    let (allPresent, presentBytes) = try Self.roundTrip({ $0.states(present) }, { reader throws(CoreError) in try reader.states() })
    #expect(allPresent == present)
    #expect(presentBytes == 1 + 8)
    let mixed: [CellState] = [.present, .empty, .missingCode, .invalid, .present]
    let (read, bytes) = try Self.roundTrip({ $0.states(mixed) }, { reader throws(CoreError) in try reader.states() })
    #expect(read == mixed)
    #expect(bytes == 1 + 8 + mixed.count)
    let (none, _) = try Self.roundTrip({ $0.states([]) }, { reader throws(CoreError) in try reader.states() })
    #expect(none.isEmpty)
  }

  @Test("a state's memory is its raw value on this platform, so states are copied as bytes")
  func stateLayout() {
    #expect(CellState.storedAsRawValue)
  }

  @Test("an unknown width, form or state byte is a corrupt artifact, not a crash")
  func corrupt() throws {
    for (tag, read) in [
      (UInt8(3), { (reader: inout ArtifactReader) throws(CoreError) in _ = try reader.compactIntegers() }),
      (UInt8(8), { (reader: inout ArtifactReader) throws(CoreError) in _ = try reader.compactIntegers() }),
      (UInt8(0), { (reader: inout ArtifactReader) throws(CoreError) in _ = try reader.compactNumbers() }),
      (UInt8(2), { (reader: inout ArtifactReader) throws(CoreError) in _ = try reader.states() }),
    ] {
      var writer = ArtifactWriter()
      writer.byte(tag)
      writer.plain([UInt8(1)])
      var reader = ArtifactReader(bytes: writer.bytes, file: "t.artifact")
      #expect(throws: CoreError.self) { try read(&reader) }
    }
    var writer = ArtifactWriter()
    writer.byte(1)
    writer.plain([UInt8(0), 4])
    var reader = ArtifactReader(bytes: writer.bytes, file: "t.artifact")
    #expect(throws: CoreError.corruptArtifact(path: "t.artifact", problem: "a cell state is unknown at byte 11")) {
      try reader.states()
    }
  }
}
