import Foundation
import SWXMLHash
import ZIPFoundation

/// The sheets of an Excel workbook (`.xlsx`) as text: every cell as the text Excel shows for it
/// (shared and inline strings, numbers as written in the file, booleans as TRUE/FALSE), rows
/// and columns where the file puts them, empty cells "".
///
/// Enough of Office Open XML to read an XLSForm (`survey`, `choices`, `settings`): no formulas
/// are evaluated (their last value is read), no dates are converted, no styles are read.
public struct Workbook: Sendable {
  /// The sheets in the workbook's order.
  public var sheetNames: [String]
  /// By sheet name: its rows, each as many cells as its last non-empty one.
  public var sheets: [String: [[String]]]

  /// The sheet named `name`, case aside (`Survey` for `survey`, as pyxform reads them).
  public func sheet(_ name: String) -> [[String]]? {
    sheets[name] ?? sheetNames.first { $0.lowercased() == name.lowercased() }.flatMap { sheets[$0] }
  }

  /// Reads the workbook at `path`.
  ///
  /// - Throws: ``XLSXError`` for a file that is not a workbook or has a damaged part.
  public init(path: String) throws {
    let archive: Archive
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw XLSXError.notAWorkbook(path: path, problem: "it is not a ZIP file")
    }
    let reader = PartReader(archive: archive, path: path)
    guard archive["xl/workbook.xml"] != nil else {
      throw XLSXError.notAWorkbook(path: path, problem: "it has no xl/workbook.xml")
    }
    let strings = try reader.sharedStrings()
    let targets = try reader.relationships()
    var names: [String] = []
    var sheets: [String: [[String]]] = [:]
    for sheet in try reader.xml("xl/workbook.xml")["workbook"]["sheets"]["sheet"].all {
      guard let name = sheet.element?.attribute(by: "name")?.text,
        let id = sheet.element?.attribute(by: "r:id")?.text, let target = targets[id]
      else { throw XLSXError.damagedPart(path: path, part: "xl/workbook.xml") }
      let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      names.append(name)
      sheets[name] = try reader.rows(part, strings: strings)
    }
    sheetNames = names
    self.sheets = sheets
  }
}

/// Reads the XML parts of a workbook's ZIP archive.
struct PartReader {
  let archive: Archive
  let path: String

  /// The part `name`, parsed.
  func xml(_ name: String) throws -> XMLIndexer {
    guard let entry = archive[name] else { throw XLSXError.damagedPart(path: path, part: name) }
    var data = Data()
    do {
      _ = try archive.extract(entry) { data.append($0) }
    } catch {
      throw XLSXError.damagedPart(path: path, part: name)
    }
    let document = XMLHash.config { $0.detectParsingErrors = true }.parse(data)
    if case .parsingError = document { throw XLSXError.damagedPart(path: path, part: name) }
    return document
  }

  /// `xl/sharedStrings.xml`: each string item's text (the runs of rich text joined); none when
  /// the workbook has no shared strings.
  func sharedStrings() throws -> [String] {
    guard archive["xl/sharedStrings.xml"] != nil else { return [] }
    return try xml("xl/sharedStrings.xml")["sst"]["si"].all.map(Self.text)
  }

  /// `xl/_rels/workbook.xml.rels`: relationship id → target part (relative to `xl/`).
  func relationships() throws -> [String: String] {
    var targets: [String: String] = [:]
    for relation in try xml("xl/_rels/workbook.xml.rels")["Relationships"]["Relationship"].all {
      if let id = relation.element?.attribute(by: "Id")?.text, let target = relation.element?.attribute(by: "Target")?.text {
        targets[id] = target
      }
    }
    return targets
  }

  /// Excel's largest sheet: 1,048,576 rows of 16,384 columns.
  static let maximumRows = 1_048_576
  static let maximumColumns = 16_384

  /// A worksheet's rows of cell texts, placed by their references (`C7` is row 7, column 3).
  /// A reference beyond Excel's largest sheet, or rows out of order, make the part damaged.
  func rows(_ part: String, strings: [String]) throws -> [[String]] {
    var rows: [[String]] = []
    for row in try xml(part)["worksheet"]["sheetData"]["row"].all {
      let number = (row.element?.attribute(by: "r")?.text).flatMap { Int($0) } ?? rows.count + 1
      guard number > rows.count, number <= Self.maximumRows else { throw XLSXError.damagedPart(path: path, part: part) }
      var cells: [String] = []
      for cell in row["c"].all {
        let reference = cell.element?.attribute(by: "r")?.text ?? ""
        let column = Self.column(reference) ?? cells.count
        guard column < Self.maximumColumns else { throw XLSXError.damagedPart(path: path, part: part) }
        let value = Self.value(cell, strings: strings)
        guard !value.isEmpty else { continue }
        if cells.count <= column { cells += [String](repeating: "", count: column + 1 - cells.count) }
        cells[column] = value
      }
      while rows.count < number - 1 { rows.append([]) }
      rows.append(cells)
    }
    return rows
  }

  /// A cell's text by its type: `s` a shared string, `inlineStr` its own, `b` a boolean, others
  /// (numbers, formula results) the value as written.
  static func value(_ cell: XMLIndexer, strings: [String]) -> String {
    let type = cell.element?.attribute(by: "t")?.text ?? "n"
    switch type {
    case "s":
      guard let index = Int(cell["v"].element?.text ?? ""), strings.indices.contains(index) else { return "" }
      return strings[index]
    case "inlineStr": return text(cell["is"])
    case "b": return cell["v"].element?.text == "1" ? "TRUE" : "FALSE"
    default: return cell["v"].element?.text ?? ""
    }
  }

  /// The text of a string item: its `t`, or the `t` of each of its runs.
  static func text(_ item: XMLIndexer) -> String {
    if let plain = item["t"].element?.text, item["r"].all.isEmpty { return plain }
    return item["r"].all.map { $0["t"].element?.text ?? "" }.joined()
  }

  /// The 0-based column of a reference such as `AB12` (A = 0, Z = 25, AA = 26).
  static func column(_ reference: String) -> Int? {
    var column = 0
    var letters = 0
    for scalar in reference.unicodeScalars {
      guard scalar.value >= 65, scalar.value <= 90 else { break }
      // Excel's columns end at XFD (three letters); more cannot be a real reference.
      guard letters < 3 else { return Int.max }
      column = column * 26 + Int(scalar.value - 64)
      letters += 1
    }
    return letters == 0 ? nil : column - 1
  }
}
