/// A survey row's `type` cell as pyxform reads it, its aliases included: `select_one LIST`,
/// `select one LIST`, `select1 LIST`, `select all that apply LIST`, `… or_other`, `begin group`
/// or `begin_group`, `int`, `string`, `dateTime`, ….
enum QuestionType: Equatable {
  case beginGroup, endGroup
  /// `begin repeat` (and `begin loop`, `begin looped group`): a separate table of the export.
  case beginRepeat, endRepeat
  /// A choice question with its list; `orOther` adds the choice `other` and a text question
  /// `NAME_other` (pyxform's `or_other`).
  case select(multiple: Bool, list: String?, orOther: Bool)
  /// `select_one_from_file`, `select_one_external`: choices outside the workbook.
  case selectFromElsewhere(String)
  /// Any other type, lower-cased, under its usual name (`int` is `integer`).
  case plain(String)

  /// Reads a `type` cell: its words are compared without case, but a list's name is kept as
  /// written (list names are case-sensitive: `YesNo` is not `yesno`).
  init(_ cell: String) {
    let written = cell.split(whereSeparator: \.isWhitespace).map(String.init)
    let words = written.map { $0.lowercased() }
    let text = words.joined(separator: " ")
    if let control = Self.control(text.replacingOccurrences(of: "_", with: " ")) {
      self = control
      return
    }
    if words.first == "rank" {  // `rank LIST`: the order of the list's codes, as text
      self = .plain("rank")
      return
    }
    if let select = Self.select(text, written: written) {
      self = select
      return
    }
    self = .plain(Self.aliases[text] ?? text)
  }

  /// Other names of plain types.
  static let aliases: [String: String] = [
    "int": "integer", "q int": "integer", "string": "text", "q string": "text", "add text prompt": "text",
    "q decimal": "decimal", "q date": "date", "q date time": "datetime", "imei": "deviceid", "device id": "deviceid",
    "subscriber id": "subscriberid", "sim id": "simserial", "location": "geopoint", "gps": "geopoint",
    "q geopoint": "geopoint", "q calculate": "calculate", "q note": "note", "q barcode": "barcode",
    "q acknowledge": "acknowledge", "trigger": "acknowledge",
  ]

  private static func control(_ text: String) -> QuestionType? {
    let words = text.split(separator: " ")
    guard words.count >= 2, words[0] == "begin" || words[0] == "end" else { return nil }
    let begin = words[0] == "begin"
    switch words[1...].joined(separator: " ") {
    case "group": return begin ? .beginGroup : .endGroup
    case "repeat", "loop", "looped group", "lgroup": return begin ? .beginRepeat : .endRepeat
    default:
      // `begin repeat` may be followed by nothing else; `begin loop over LIST` names a list.
      if words[1] == "loop" { return begin ? .beginRepeat : .endRepeat }
      return nil
    }
  }

  /// pyxform's select commands, longest first so that `select one from file` is not read as
  /// `select one from` a list called `file`.
  private static let selectCommands: [(command: String, multiple: Bool?)] = [
    ("add select multiple prompt using", true), ("add select one prompt using", false),
    ("select multiple from file", nil), ("select all that apply from", true), ("select one from file", nil),
    ("select_multiple_from_file", nil), ("select_one_from_file", nil), ("select_one_external", nil),
    ("select all that apply", true), ("select_multiple", true), ("select one from", false), ("select_one", false),
    ("select one", false), ("select1", false),
  ]

  /// A select command and its list (as `written`), with `or_other` or its other spellings.
  private static func select(_ text: String, written: [String]) -> QuestionType? {
    for (command, multiple) in selectCommands where text == command || text.hasPrefix(command + " ") {
      let rest = Array(written.dropFirst(command.split(separator: " ").count))
      guard let multiple else { return .selectFromElsewhere(command) }
      guard let list = rest.first else { return .select(multiple: multiple, list: nil, orOther: false) }
      switch rest.dropFirst().joined(separator: " ").lowercased() {
      case "": return .select(multiple: multiple, list: list, orOther: false)
      case "or_other", "or other", "or specify other": return .select(multiple: multiple, list: list, orOther: true)
      default: return .plain(text)
      }
    }
    return nil
  }
}
