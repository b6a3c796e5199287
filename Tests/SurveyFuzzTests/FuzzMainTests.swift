import Foundation
import Testing
import _SurveyTestSupport

@testable import SurveyFuzz

/// A target that objects to inputs holding the byte `!`.
private struct BangTarget: FuzzTarget {
  static let name = "bang"
  func violations(of input: [UInt8]) -> [String] { input.contains(UInt8(ascii: "!")) ? ["a bang"] : [] }
}

@Suite("Fuzz executables: replaying files")
struct FuzzMainTests {
  @Test("replay exits 0 when no input breaks a check, 1 when one does, 2 without paths")
  func exitStatus() throws {
    let folder = try TemporaryDirectory("fuzz-replay")
    let good = try folder.write("inputs/good", bytes: Array("fine".utf8))
    try folder.write("inputs/sub/also-good", bytes: Array("ok".utf8))
    let bad = try folder.write("bad", bytes: Array("bad!".utf8))
    #expect(FuzzMain.replay(BangTarget(), paths: [good]) == 0)
    #expect(FuzzMain.replay(BangTarget(), paths: [folder.path + "/inputs"]) == 0)
    #expect(FuzzMain.replay(BangTarget(), paths: [good, bad]) == 1)
    #expect(FuzzMain.replay(BangTarget(), paths: [folder.path + "/missing"]) == 0)
    #expect(FuzzMain.replay(BangTarget(), paths: []) == 2)
  }

  @Test("a folder's files are found in its subfolders, sorted, hidden ones skipped")
  func files() throws {
    let folder = try TemporaryDirectory("fuzz-files")
    try folder.write("b", bytes: [1])
    try folder.write("a/c", bytes: [2])
    try folder.write(".hidden", bytes: [3])
    #expect(FuzzInputs.files(at: folder.path).map { String($0.dropFirst(folder.path.count)) } == ["/a/c", "/b"])
  }
}
