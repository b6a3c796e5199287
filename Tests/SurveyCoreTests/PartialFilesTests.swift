import Foundation
import Testing
import _SurveyTestSupport

@testable import SurveyCore

@Suite("Partial files of killed writers")
struct PartialFilesTests {
  @Test("leftovers of dead processes are removed; a live process's file, other names and folders are kept")
  func leftovers() throws {
    let folder = try TemporaryDirectory("partials")
    let final = folder.path + "/weights.csv"
    // 4194304 is above Linux's largest process id: no process has it.
    let dead = try folder.write(".weights.csv.partial-4194304", "x,y\n")
    let live = try folder.write(".weights.csv.partial-\(getpid())", "a\n")
    let parent = try folder.write(".weights.csv.partial-1", "init is alive\n")
    let other = try folder.write(".other.csv.partial-4194304", "b\n")
    let odd = try folder.write(".weights.csv.partial-12ab", "c\n")
    try FileManager.default.createDirectory(atPath: folder.path + "/.weights.csv.partial-4194305", withIntermediateDirectories: true)
    let removed = PartialFiles.removeLeftovers(of: final)
    #expect(removed.count == 1)
    #expect(removed.bytes == 4)
    #expect(!FileManager.default.fileExists(atPath: dead))
    for kept in [live, parent, other, odd, folder.path + "/.weights.csv.partial-4194305"] {
      #expect(FileManager.default.fileExists(atPath: kept), "\(kept) was removed")
    }
    #expect(PartialFiles.path(for: final) == folder.path + "/.weights.csv.partial-\(getpid())")
  }
}
