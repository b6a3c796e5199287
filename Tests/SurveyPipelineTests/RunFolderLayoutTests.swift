import Foundation
import SurveyCore
import Testing
import _SurveyTestSupport

@testable import SurveyPipeline

@Suite("RunFolderLayout: the entries a run writes, and only those")
struct RunFolderLayoutTests {
  @Test("every file and folder the example run writes is in the layout")
  func exampleRun() throws {
    let (pipeline, codebook) = try PipelineRun.load(Fixtures.repoPath("pipelines/moldova-migrant-health.yml"))
    let folder = try TemporaryDirectory("run-folder-layout")
    let out = folder.url.appendingPathComponent("run")
    _ = try PipelineRun(pipeline: pipeline, codebook: codebook, outputPath: out.path, progress: ProgressLog(quiet: true))
      .execute()
    let enumerator = FileManager.default.enumerator(at: out, includingPropertiesForKeys: [.isDirectoryKey])!
    var entries: [(String, Bool)] = []
    for case let url as URL in enumerator {
      let isFolder = try url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true
      entries.append((String(url.path.dropFirst(out.path.count + 1)), isFolder))
    }
    #expect(entries.count > 10)
    for (path, isFolder) in entries {
      #expect(RunFolderLayout.owns(path, isFolder: isFolder), "\(path)")
    }
  }

  @Test("what a user might put there is not in the layout; Finder's .DS_Store is")
  func userFiles() {
    for path in ["notes.txt", "tidy/notes.txt", "tables/summary.xlsx", "tables/.hidden.csv", "tables/x/y.csv", ".git"] {
      #expect(!RunFolderLayout.owns(path, isFolder: false), "\(path)")
    }
    for path in ["extra", "tidy/old", "tables/more", "run.json"] {
      #expect(!RunFolderLayout.owns(path, isFolder: true), "\(path)")
    }
    #expect(!RunFolderLayout.owns("tidy", isFolder: false))
    #expect(RunFolderLayout.owns("tables/mean_age.csv", isFolder: false))
    #expect(RunFolderLayout.owns(".DS_Store", isFolder: false))
    #expect(RunFolderLayout.owns("tidy/.DS_Store", isFolder: false))
  }
}
