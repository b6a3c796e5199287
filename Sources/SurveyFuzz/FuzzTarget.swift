/// One fuzz target: feeds an arbitrary input to a reader or parser of survey-pipe and checks what
/// must hold whatever the input is.
///
/// A crash (a trap, a stack overflow, an address-sanitizer report) is a bug, and so is every
/// violation returned: the fuzz executables trap on one, so libFuzzer keeps the input; the tests
/// replay committed inputs and expect none. Errors the reader throws for bad input are not
/// violations, as long as they are the reader's own error type.
public protocol FuzzTarget: Sendable {
  /// How the target is named in fixtures/fuzz/<name>/ and in messages.
  static var name: String { get }

  /// Runs the input through the target; returns what went wrong, empty when nothing did.
  func violations(of input: [UInt8]) -> [String]
}

extension FuzzTarget {
  /// `violations(of:)`, trapping on the first violation with a message that names them all.
  public func check(_ input: [UInt8]) {
    let found = violations(of: input)
    if !found.isEmpty {
      fatalError("fuzz check failed (\(Self.name)): " + found.joined(separator: "; "))
    }
  }
}
