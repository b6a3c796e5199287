import ArgumentParser
import SurveyCore

/// The READ flags of every command that reads a CSV file.
struct ReadFlags: ParsableArguments {
  @Option(help: "Text encoding: auto, utf-8, windows-1250, windows-1251, iso-8859-16 or latin1.")
  var encoding: String = "auto"

  @Option(help: "Field delimiter: auto, ',', ';' or tab.")
  var delimiter: String = "auto"

  @Option(help: "Decimal mark: '.' or ','.")
  var decimal: String = "."

  /// Checks the flags before the command runs, so mistakes are usage errors (exit 2).
  func validate() throws {
    _ = try options()
  }

  /// The flags as read options.
  func options() throws -> ReadOptions {
    var options = ReadOptions()
    if encoding != "auto" {
      guard let value = TextEncoding(name: encoding) else {
        throw ValidationError("unknown --encoding '\(encoding)' (expected auto, utf-8, windows-1250, windows-1251, iso-8859-16 or latin1)")
      }
      options.encoding = value
    }
    guard let delimiterValue = ReadOptions.delimiter(named: delimiter) else {
      throw ValidationError("unknown --delimiter '\(delimiter)' (expected auto, ',', ';' or tab)")
    }
    options.delimiter = delimiterValue
    guard decimal == "." || decimal == "," else {
      throw ValidationError("unknown --decimal '\(decimal)' (expected '.' or ',')")
    }
    options.decimal = decimal.utf8.first!
    return options
  }
}
