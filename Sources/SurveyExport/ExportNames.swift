/// The variable names both Stata and SPSS accept.
public enum ExportNames {
  /// Stata's reserved words, which no variable may be called.
  public static let reserved: Set<String> = [
    "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_N", "_pi", "_pred",
    "_rc", "_skip", "strL", "using", "with",
  ]

  /// ASCII letters, digits and `_`, starting with a letter (SPSS refuses a leading `_` or
  /// digit), at most 32 characters (Stata's limit), not a Stata reserved word.
  public static func isValid(_ name: String) -> Bool {
    let scalars = Array(name.unicodeScalars)
    guard (1...32).contains(scalars.count), let first = scalars.first, isLetter(first), !reserved.contains(name) else {
      return false
    }
    return scalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "_" }
  }

  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }
}
