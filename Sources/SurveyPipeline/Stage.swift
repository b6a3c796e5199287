import Foundation
import SurveyCore

/// The stages of a run, in order; each but the last leaves an artifact for the next
/// (docs/stages.md).
public enum Stage: String, CaseIterable, Sendable {
  case ingest, validate, clean, weight, tabulate

  /// The artifact file's name inside the stages folder (nil for tabulate, which writes the run
  /// folder).
  var artifactName: String? { self == .tabulate ? nil : "\(rawValue).artifact" }
}

/// One stage's line in `run.json`: rows in and out and the seconds it took.
struct StageTime: Sendable {
  var name: String
  var rowsIn: Int
  var rowsOut: Int
  var seconds: Double

  func write(to writer: inout ArtifactWriter) {
    writer.string(name)
    writer.int(rowsIn)
    writer.int(rowsOut)
    writer.double(seconds)
  }

  init(name: String, rowsIn: Int, rowsOut: Int, seconds: Double) {
    self.name = name
    self.rowsIn = rowsIn
    self.rowsOut = rowsOut
    self.seconds = seconds
  }

  init(reading reader: inout ArtifactReader) throws(CoreError) {
    self.init(name: try reader.string(), rowsIn: try reader.int(), rowsOut: try reader.int(), seconds: try reader.double())
  }
}

/// Where a run's stage artifacts live: the folder `NAME.stages` beside the run folder `NAME`,
/// never inside it, so that publishing or sharing the run folder never carries them (they hold
/// every column, personal data included).
public struct StageFolder: Sendable {
  /// The stages folder.
  public let path: String

  /// The stages folder of the run folder at `outputPath`.
  public init(outputPath: String) {
    var folder = outputPath
    while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
    path = folder + ".stages"
  }

  /// The artifact file of `stage`.
  public func artifact(_ stage: Stage) -> String {
    path + "/" + (stage.artifactName ?? "")
  }

  /// Creates the folder (readable by its owner only: it holds personal data).
  func create() throws {
    do {
      try FileManager.default.createDirectory(
        atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw CoreError.unwritableOutput(path: path, reason: error.localizedDescription)
    }
  }
}
