import Foundation

/// A pipeline file that combines other pipelines (`parts:`), run one after the other into
/// folders of one run folder: a registry (a census) and a sample survey calibrated to its
/// counts, for example.
///
/// ```yaml
/// name: moldova-health-workforce
/// parts: [moldova-health-workforce-registry.yml, moldova-health-workforce-intentions.yml]
/// output: ../out/moldova-health-workforce
/// ```
///
/// Each part is a whole pipeline (its own codebook, inputs, design and tables) and can also be
/// run alone; run as a part, it writes to `OUTPUT/PART-NAME` (the part's `name`) instead of its
/// own `output`.
public struct PipelineParts: Sendable, Equatable {
  /// The combination's name (it names the default output folder, `out/NAME`).
  public var name: String
  /// The file, as named on the command line.
  public var file: String
  /// The parts' pipeline files, resolved against the file's folder, in run order.
  public var parts: [String]
  /// The folder the parts' run folders go in (`output:`, resolved against the file's folder).
  public var outputPath: String

  static let keys = ["name", "description", "parts", "output"]

  /// Reads `path` as a combination of pipelines; nil when it has no `parts:` key (an ordinary
  /// pipeline).
  ///
  /// - Throws: ``CoreError`` naming the file, line and key: an unknown key, a part that is not
  ///   a file, a part named twice.
  public static func load(path: String) throws -> PipelineParts? {
    let root = try ConfigNode.load(path: path, displayName: path)
    guard (try? root.pairs())?.contains(where: { $0.key == "parts" }) == true else { return nil }
    let directory = (path as NSString).deletingLastPathComponent
    let record = try root.record(known: keys)
    let nameNode = try record.required("name")
    let name = try nameNode.string()
    guard let first = name.first, first != ".", name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
      throw nameNode.invalid("'\(name)' cannot name a run folder (letters, digits, '-', '_' and '.', not first)")
    }
    let partsNode = try record.required("parts")
    var parts: [String] = []
    for node in try partsNode.list() {
      let part = FileGlob.resolve(try node.string(), against: directory)
      guard FileManager.default.fileExists(atPath: part) else { throw node.invalid("cannot read \(part): no such file") }
      guard !parts.contains(part) else { throw node.invalid("\(part) is already a part") }
      guard (try? load(path: part)) == nil else {
        throw node.invalid("\(part) has parts of its own: parts do not nest; list its parts here instead")
      }
      parts.append(part)
    }
    guard !parts.isEmpty else { throw partsNode.invalid("give at least one pipeline file") }
    let output = FileGlob.resolve(
      try record["output"]?.string() ?? "out/\(name)", against: record["output"] == nil ? "" : directory)
    return PipelineParts(name: name, file: path, parts: parts, outputPath: output)
  }

  /// Where part `name` writes when the parts run into `outputPath` (or `out`).
  public func outputPath(ofPart name: String, under out: String? = nil) -> String {
    ((out ?? outputPath) as NSString).appendingPathComponent(name)
  }
}
