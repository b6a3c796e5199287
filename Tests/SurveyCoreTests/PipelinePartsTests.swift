import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@Suite("Pipeline files that combine pipelines (parts:)")
struct PipelinePartsTests {
  @Test("parts are resolved beside the file, in order; a file without parts: is an ordinary pipeline")
  func loads() throws {
    let folder = try TemporaryDirectory("parts")
    try folder.write("a.yml", "name: a\n")
    try folder.write("sub/b.yml", "name: b\n")
    let path = try folder.write("all.yml", "name: both\nparts: [a.yml, sub/b.yml]\noutput: out/both\n")
    let parts = try #require(try PipelineParts.load(path: path))
    #expect(parts.name == "both" && parts.parts == [folder.path + "/a.yml", folder.path + "/sub/b.yml"])
    #expect(parts.outputPath == folder.path + "/out/both")
    #expect(parts.outputPath(ofPart: "a") == folder.path + "/out/both/a")
    #expect(parts.outputPath(ofPart: "a", under: "/tmp/x") == "/tmp/x/a")
    #expect(try PipelineParts.load(path: folder.path + "/a.yml") == nil)
  }

  @Test(
    "a missing part, a part named twice, no parts, an unknown key: refused naming the line",
    arguments: [
      ("name: x\nparts: [missing.yml]\n", "all.yml:2: parts[0]: cannot read"),
      ("name: x\nparts: [a.yml, a.yml]\n", "is already a part"),
      ("name: x\nparts: []\n", "give at least one pipeline file"),
      ("name: x\nparts: [a.yml]\ntables: []\n", "tables"),
      ("name: x\nparts: [nested.yml]\n", "has parts of its own: parts do not nest"),
      ("name: .x\nparts: [a.yml]\n", "'.x' cannot name a run folder"),
    ])
  func mistakes(yaml: String, message: String) throws {
    let folder = try TemporaryDirectory("parts")
    try folder.write("a.yml", "name: a\n")
    try folder.write("nested.yml", "name: n\nparts: [a.yml]\n")
    let path = try folder.write("all.yml", yaml)
    #expect {
      _ = try PipelineParts.load(path: path)
    } throws: { error in
      let text = (error as? CoreError)?.localizedDescription ?? "\(error)"
      return text.contains(message) || { print(text); return false }()
    }
  }
}
