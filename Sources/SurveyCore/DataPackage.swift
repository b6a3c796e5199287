/// `tidy/datapackage.json`: a Frictionless Data Package describing the tidy CSV with a Table
/// Schema (types, labels, code lists, missing values).
public enum DataPackage {
  /// The descriptor as JSON text (2-space indented, stable key order).
  ///
  /// - Parameters:
  ///   - name: the package name (the survey id).
  ///   - resourcePath: the CSV file, relative to the descriptor.
  ///   - variables: the codebook variables written, in column order.
  ///   - extra: extra numeric columns with their descriptions (the final weight).
  ///   - rows: the number of records.
  ///   - constrainedVariables: variables whose code list and range hold for every value (cleaning
  ///     blanked the others and no reviewer accepted an exception), declared as `enum`,
  ///     `minimum` and `maximum`.
  ///   - uniqueVariables: variables whose values cleaning made unique (the id, unless
  ///     `clean.duplicates` is `keep`).
  ///   - textVariables: variables that hold kept text which is not a value of their type
  ///     (``keptTextVariables(in:variables:)``), declared `string` so the schema tells the truth.
  /// `required` is never declared: cleaning may blank any value, and skip logic blanks others.
  public static func json(
    name: String, resourcePath: String, variables: [Variable], extra: [(name: String, description: String)], rows: Int,
    constrainedVariables: Set<String> = [], uniqueVariables: Set<String> = [], textVariables: Set<String> = []
  ) -> String {
    var fields: [String] = []
    for variable in variables {
      var pairs: [(String, String)] = [("name", JSONText.string(variable.name))]
      let type = textVariables.contains(variable.name) ? "string" : fieldType(variable)
      pairs.append(("type", JSONText.string(type)))
      if let label = variable.label { pairs.append(("title", JSONText.string(label))) }
      if variable.type == .multiple {
        pairs.append(("description", JSONText.string("space-separated codes of the options selected")))
      }
      var constraints: [(String, String)] = []
      if uniqueVariables.contains(variable.name) { constraints.append(("unique", "true")) }
      let constrained = constrainedVariables.contains(variable.name)
      if constrained, let range = variable.range {
        if range.lowerBound.isFinite { constraints.append(("minimum", JSONText.number(range.lowerBound))) }
        if range.upperBound.isFinite { constraints.append(("maximum", JSONText.number(range.upperBound))) }
      }
      if constrained, variable.type == .categorical {
        let numeric = type == "integer"
        constraints.append(("enum", "[" + variable.codes.map { numeric ? $0.code : JSONText.string($0.code) }.joined(separator: ", ") + "]"))
      }
      if !constraints.isEmpty { pairs.append(("constraints", JSONText.object(constraints))) }
      if !variable.codes.isEmpty {
        let numeric = type == "integer"
        let categories = variable.codes.map { code in
          JSONText.object([("value", numeric ? code.code : JSONText.string(code.code)), ("label", JSONText.string(code.label))])
        }
        pairs.append(("categories", "[" + categories.joined(separator: ", ") + "]"))
      }
      fields.append("          " + JSONText.object(pairs))
    }
    for column in extra {
      fields.append(
        "          "
          + JSONText.object([
            ("name", JSONText.string(column.name)), ("type", JSONText.string("number")),
            ("description", JSONText.string(column.description)),
          ]))
    }
    return """
      {
        "profile": "tabular-data-package",
        "name": \(JSONText.string(name)),
        "resources": [
          {
            "name": "survey",
            "path": \(JSONText.string(resourcePath)),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "rows": \(rows),
            "dialect": {"delimiter": ",", "header": true},
            "schema": {
              "missingValues": [""],
              "fields": [
      \(fields.joined(separator: ",\n"))
              ]
            }
          }
        ]
      }

      """
  }

  /// The Table Schema type of `variable`'s values: `integer`, `number`, `date` or `string`
  /// (a categorical with integer codes is `integer`).
  public static func fieldType(_ variable: Variable) -> String {
    switch variable.type {
    case .integer: return "integer"
    case .decimal: return "number"
    case .date: return "date"
    case .datetime: return "datetime"
    case .categorical: return variable.codes.allSatisfy { Int($0.code) != nil } ? "integer" : "string"
    case .text, .multiple: return "string"
    }
  }
}
