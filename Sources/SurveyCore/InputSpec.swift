/// One input entry of a pipeline: a file or glob, with its own read options.
public struct InputSpec: Sendable, Equatable {
  /// The path or glob as written in the pipeline.
  public var pattern: String
  /// The pattern resolved against the pipeline's folder.
  public var resolvedPattern: String
  public var read: ReadOptions
  public var line: Int?

  public init(pattern: String, resolvedPattern: String, read: ReadOptions, line: Int? = nil) {
    self.pattern = pattern
    self.resolvedPattern = resolvedPattern
    self.read = read
    self.line = line
  }
}
