/// The decoded text of a batch, for the passes that read it, some on threads of their own.
///
/// `@unchecked Sendable`: the bytes are only read, never written, while threads read them, and
/// they outlive every thread that reads them: each user waits for its threads (also when it
/// throws) before the text's owner (`BatchReader.read`) lets go of it.
struct BatchText: @unchecked Sendable {
  let bytes: UnsafeBufferPointer<UInt8>
  /// The text holds a CR somewhere (lines may end at CR LF or a lone CR).
  let hasCarriageReturns: Bool
  /// The mapped file the bytes lie in, to give pages back behind a pass; nil when they do not.
  let file: FileContents?

  init(_ bytes: UnsafeBufferPointer<UInt8>, hasCarriageReturns: Bool? = nil, file: FileContents? = nil) {
    self.bytes = bytes
    self.hasCarriageReturns = hasCarriageReturns ?? LineBreaks(bytes).hasCarriageReturns
    self.file = file
  }

  /// The text from `offset` on.
  func dropFirst(_ offset: Int) -> BatchText {
    BatchText(UnsafeBufferPointer(rebasing: bytes[offset...]), hasCarriageReturns: hasCarriageReturns, file: file)
  }

  var lineBreaks: LineBreaks { LineBreaks(bytes, hasCarriageReturns: hasCarriageReturns) }

  /// How many lines the text holds before `offset` (a line start), as ``LineBreaks`` counts
  /// them, giving back the pages behind the count.
  func lineCount(before offset: Int) -> Int {
    LineBreaks(UnsafeBufferPointer(rebasing: bytes[..<offset]), hasCarriageReturns: hasCarriageReturns)
      .lineCount(releasing: file)
  }
}
