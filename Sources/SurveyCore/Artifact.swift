#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// One input a stage artifact came from, with the SHA-256 of its bytes as the run read them.
public struct ArtifactInput: Sendable, Equatable {
  /// What the input is: `pipeline`, `codebook`, `batch`, `decisions` or `margins`.
  public var role: String
  public var path: String
  public var sha256: String

  public init(role: String, path: String, sha256: String) {
    self.role = role
    self.path = path
    self.sha256 = sha256
  }
}

/// A stage's artifact file (docs/stages.md): a header, then the stage's payload.
///
/// Header, in order: the magic line `survey-pipe stage artifact\n`; the format version; a
/// byte-order mark (payload arrays are the machine's memory); the stage; the inputs it came from
/// with their SHA-256; the checksum of the artifact it was built from (nil for ingest); the
/// checksum of the payload (``PayloadChecksum``); the payload's length. Reading checks all of them, so a damaged,
/// truncated or other-version file is refused with a message, never half read.
public struct Artifact: Sendable {
  public static let magic = Array("survey-pipe stage artifact\n".utf8)
  /// Bump when the payload of any stage changes shape; older files are then refused.
  public static let formatVersion = 5
  static let byteOrderMark: UInt32 = 0x0102_0304

  public var stage: String
  public var inputs: [ArtifactInput]
  /// The payload checksum of the artifact this one was built from.
  public var base: String?
  /// The header of an artifact made here (empty for one read from a file).
  var header: [UInt8]
  /// The payload from ``payloadOffset`` on (for an artifact read from a file: the whole file).
  var body: [UInt8]
  var payloadOffset: Int
  /// The size of the file in bytes.
  public let size: Int
  /// The SHA-256 of the payload.
  public let checksum: String
  /// Where it was read from, for messages.
  public var path: String

  /// An artifact of `stage` holding `payload`, in memory (see
  /// ``write(stage:inputs:base:to:payload:)`` for one streamed to its file).
  public init(stage: String, inputs: [ArtifactInput], base: String?, payload: ArtifactWriter) {
    self.stage = stage
    self.inputs = inputs
    self.base = base
    checksum = PayloadChecksum.hex(of: payload.bytes)
    header = Self.header(stage: stage, inputs: inputs, base: base, checksum: checksum, length: payload.bytes.count)
    body = payload.bytes
    payloadOffset = 0
    size = header.count + payload.bytes.count
    path = ""
  }

  /// The header's bytes: everything before the payload.
  static func header(stage: String, inputs: [ArtifactInput], base: String?, checksum: String, length: Int) -> [UInt8] {
    var header = ArtifactWriter(capacity: 4096)
    for byte in Self.magic { header.byte(byte) }
    header.int(Self.formatVersion)
    withUnsafeBytes(of: Self.byteOrderMark) { for byte in $0 { header.byte(byte) } }
    header.string(stage)
    header.int(inputs.count)
    for input in inputs {
      header.string(input.role)
      header.string(input.path)
      header.string(input.sha256)
    }
    header.string(base)
    header.string(checksum)
    header.int(length)
    return header.bytes
  }

  /// Writes the artifact of `stage` to `path` as `payload` makes it, and returns it without its
  /// contents (as ``withoutContents``: stage, inputs, base, checksum, size, path).
  ///
  /// The payload goes to the file while it is made, through a temporary file beside `path`
  /// renamed over it when complete (as ``write(to:)``): the header is written first with a
  /// placeholder checksum and length of the same size, and written again over it at the end,
  /// so the file has the same bytes as ``init(stage:inputs:base:payload:)`` then ``write(to:)``
  /// give.
  /// - Throws: ``CoreError/unwritableOutput(path:reason:)``.
  public static func write(
    stage: String, inputs: [ArtifactInput], base: String?, to path: String, payload: (inout ArtifactWriter) -> Void
  ) throws(CoreError) -> Artifact {
    PartialFiles.removeLeftovers(of: path)
    let temporary = PartialFiles.path(for: path)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { throw .unwritableOutput(path: path, reason: String(cString: strerror(errno))) }
    let placeholder = header(stage: stage, inputs: inputs, base: base, checksum: String(repeating: "0", count: 16), length: 0)
    var failure = placeholder.withUnsafeBytes { ArtifactSink.write($0, to: descriptor) }
    let sink = ArtifactSink(descriptor: descriptor)
    var writer = ArtifactWriter(sink: sink)
    if failure == 0 {
      payload(&writer)
      writer.flush()
      failure = sink.failure
    }
    let checksum = sink.checksum()
    let final = header(stage: stage, inputs: inputs, base: base, checksum: checksum, length: sink.count)
    precondition(final.count == placeholder.count, "the artifact header changed size")
    if failure == 0 {
      let written = final.withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, $0.count, 0) }
      if written != final.count { failure = written < 0 ? errno : EIO }
    }
    close(descriptor)
    if failure == 0, rename(temporary, path) != 0 { failure = errno }
    if failure != 0 {
      unlink(temporary)
      throw .unwritableOutput(path: path, reason: String(cString: strerror(failure)))
    }
    return Artifact(stage: stage, inputs: inputs, base: base, size: final.count + sink.count, checksum: checksum, path: path)
  }

  /// An artifact without contents, as written.
  private init(stage: String, inputs: [ArtifactInput], base: String?, size: Int, checksum: String, path: String) {
    self.stage = stage
    self.inputs = inputs
    self.base = base
    header = []
    body = []
    payloadOffset = 0
    self.size = size
    self.checksum = checksum
    self.path = path
  }

  /// A reader positioned at the payload's first byte.
  public var payload: ArtifactReader {
    ArtifactReader(bytes: body, offset: payloadOffset, file: path)
  }

  /// The artifact without its header and payload: what the next artifact needs of it (stage,
  /// inputs, checksum, path).
  public var withoutContents: Artifact {
    var artifact = self
    artifact.header = []
    artifact.body = []
    artifact.payloadOffset = 0
    return artifact
  }

  /// Writes the file through a temporary one beside it, renamed over `path` when complete.
  ///
  /// - Throws: ``CoreError/unwritableOutput(path:reason:)``.
  public func write(to path: String) throws(CoreError) {
    PartialFiles.removeLeftovers(of: path)
    let temporary = PartialFiles.path(for: path)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { throw .unwritableOutput(path: path, reason: String(cString: strerror(errno))) }
    var failure = Self.write(header[...], to: descriptor)
    if failure == 0 { failure = Self.write(body[payloadOffset...], to: descriptor) }
    close(descriptor)
    if failure == 0, rename(temporary, path) != 0 { failure = errno }
    if failure != 0 {
      unlink(temporary)
      throw .unwritableOutput(path: path, reason: String(cString: strerror(failure)))
    }
  }

  /// Writes `bytes` whole to `descriptor`; returns 0 or the `errno` of the failure.
  private static func write(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) -> Int32 {
    bytes.withUnsafeBytes { ArtifactSink.write($0, to: descriptor) }
  }

  /// Reads and checks the artifact at `path`.
  ///
  /// - Throws: ``CoreError/unreadableFile(path:reason:)`` when it cannot be opened,
  ///   ``CoreError/corruptArtifact(path:problem:)`` when it is not an artifact, is damaged or
  ///   truncated, and ``CoreError/artifactVersion(path:found:expected:)`` for another format.
  public static func read(path: String) throws(CoreError) -> Artifact {
    let bytes = try readFile(path)
    var reader = ArtifactReader(bytes: bytes, file: path)
    guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
      throw .corruptArtifact(path: path, problem: "it is not a survey-pipe stage artifact")
    }
    _ = try reader.take(magic.count)
    let version = try reader.int()
    guard version == formatVersion else { throw .artifactVersion(path: path, found: version, expected: formatVersion) }
    let mark: [UInt8] = [try reader.byte(), try reader.byte(), try reader.byte(), try reader.byte()]
    guard mark == withUnsafeBytes(of: byteOrderMark, Array.init) else {
      throw .corruptArtifact(path: path, problem: "it was written on a machine of another byte order")
    }
    let stage = try reader.string()
    var inputs: [ArtifactInput] = []
    for _ in 0..<(try reader.count()) {
      inputs.append(ArtifactInput(role: try reader.string(), path: try reader.string(), sha256: try reader.string()))
    }
    let base = try reader.optionalString()
    let checksum = try reader.string()
    let length = try reader.count(limit: bytes.count)
    let start = reader.offset
    guard bytes.count - start == length else {
      throw .corruptArtifact(path: path, problem: "the payload should have \(length) bytes but has \(bytes.count - start) (truncated?)")
    }
    var computed = PayloadChecksum()
    bytes.withUnsafeBytes { computed.update(UnsafeRawBufferPointer(rebasing: $0[start...])) }
    guard computed.hex() == checksum else {
      throw .corruptArtifact(path: path, problem: "the payload's checksum does not match (the file was changed or damaged)")
    }
    return Artifact(stage: stage, inputs: inputs, base: base, file: bytes, payloadOffset: start, checksum: checksum, path: path)
  }

  private init(
    stage: String, inputs: [ArtifactInput], base: String?, file: [UInt8], payloadOffset: Int, checksum: String, path: String
  ) {
    self.stage = stage
    self.inputs = inputs
    self.base = base
    header = []
    body = file
    size = file.count
    self.payloadOffset = payloadOffset
    self.checksum = checksum
    self.path = path
  }

  /// The whole file, read with one `read(2)` loop into an array of its size.
  static func readFile(_ path: String) throws(CoreError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw .unreadableFile(path: path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw .unreadableFile(path: path, reason: "it is not a regular file")
    }
    let size = Int(info.st_size)
    var failure: Int32 = 0
    var got = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      while got < size {
        let count = Foundation.read(descriptor, buffer.baseAddress! + got, size - got)
        if count < 0, errno == EINTR { continue }
        if count <= 0 {
          failure = count < 0 ? errno : 0
          break
        }
        got += count
      }
      initialized = got
    }
    if failure != 0 { throw .unreadableFile(path: path, reason: String(cString: strerror(failure))) }
    return bytes
  }
}
