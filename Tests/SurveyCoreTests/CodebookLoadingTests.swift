import SurveyCore
import Testing

@Suite("Codebook and pipeline files")
struct CodebookLoadingTests {
  @Test("a codebook reads with its codes in order, ranges, rules and overrides")
  func reads() throws {
    let codebook = try Codebook.parse(
      yaml: """
        survey: s
        id: rid
        missing_codes: {98: "Don't know", 99: Refused}
        variables:
          - {name: rid, type: text, required: true, unique: true}
          - {name: sex, type: categorical, codes: {2: Female, 1: Male}, aliases: [Sex]}
          - {name: age, type: integer, range: [18, null]}
          - {name: amount, type: decimal, missing_codes: {}}
          - {name: when, type: date, format: "dd.MM.yyyy"}
          - name: year_returned
            type: integer
            relevant: sex == 1
            constraint: . >= 1990
        """)
    #expect(codebook.variables.map(\.name) == ["rid", "sex", "age", "amount", "when", "year_returned"])
    #expect(codebook.variable(named: "sex")?.codes.map(\.code) == ["2", "1"])
    #expect(codebook.variable(named: "age")?.range == 18...Double.infinity)
    #expect(codebook.missingCodes(for: codebook.variable(named: "age")!).map(\.code) == ["98", "99"])
    #expect(codebook.missingCodes(for: codebook.variable(named: "amount")!).isEmpty)
    #expect(codebook.missingCodes(for: codebook.variable(named: "rid")!).isEmpty)
    #expect(codebook.variable(named: "year_returned")?.constraint?.usesCurrent == true)
  }

  @Test("codebook mistakes name the line and key", arguments: [
    ("survey: s\nid: x\nvariables:\n  - {name: a, type: text}\n", "codebook.yml:2: id: the id variable 'x' is not among the variables"),
    ("survey: s\nid: a\nvariables:\n  - {name: a, type: text}\n  - {name: a, type: text}\n",
     "codebook.yml:5: variables[1]: the variable 'a' is defined twice"),
    ("survey: s\nid: a\nvariables:\n  - {name: a, type: text}\n  - {name: b, type: categorical}\n",
     "codebook.yml:5: variables[1].codes: this key is required"),
    ("survey: s\nid: a\nvariables:\n  - {name: a, type: text, range: [1, 2]}\n",
     "codebook.yml:4: variables[0].range: range is for integer and decimal variables"),
    ("survey: s\nid: a\nvariables:\n  - {name: a, type: text}\n  - {name: b, type: integer, relevant: c == 1}\n",
     "codebook.yml:5: variables[1].relevant: the expression names 'c', which is not a variable of the codebook"),
    ("survey: s\nid: a\nvariables:\n  - {name: a, type: text}\n  - {name: b, type: integer, relevant: . > 1}\n",
     "codebook.yml:5: variables[1].relevant: '.' (this variable) can be used in constraint, not here"),
    ("survey: s\nid: a\nvariables:\n  - {name: a, type: text, aliases: [B]}\n  - {name: b, type: text}\n",
     "codebook.yml:5: variables[1]: the header name 'b' would match both 'a' and 'b'"),
    ("survey: s\nid: a\nvariables:\n  - {name: a, type: text}\n  - {name: g, type: categorical, codes: {1: A, 2: B}}\n  - {name: b, type: integer, relevant: \"g == 'A'\"}\n",
     "codebook.yml:6: variables[2].relevant: (g == 'A'): 'A' is not a code of g (its codes: 1, 2)"),
    ("survey: s\nid: a\nvariables:\n  - {name: a, type: text}\n  - {name: m, type: multiple, codes: {fever: F}}\n  - {name: b, type: integer, relevant: \"selected(m, 'cough')\"}\n",
     "codebook.yml:6: variables[2].relevant: selected(m, 'cough'): 'cough' is not a code of m (its codes: fever)"),
    ("survey: s\nid: a\nvariables:\n  - {name: a, type: text, lable: x}\n",
     "codebook.yml:4: variables[0].lable: unknown key (did you mean 'label'?)"),
  ])
  func mistakes(yaml: String, message: String) {
    do {
      _ = try Codebook.parse(yaml: yaml)
      Issue.record("expected an error")
    } catch {
      #expect(error.localizedDescription == message)
    }
  }

  @Test("read: {values: labels, headers: labels} for exports made with labels, per input too; other words refused")
  func labelledReads() throws {
    let pipeline = try Pipeline.parse(
      yaml: """
        name: p
        codebook: cb.yml
        read: {values: labels}
        inputs:
          - a.csv
          - {path: b.csv, values: codes, headers: labels}
        """, file: "p.yml", directory: "/data")
    #expect(pipeline.inputs[0].read == ReadOptions(values: .labels))
    #expect(pipeline.inputs[1].read == ReadOptions(values: .codes, headers: .labels))
    #expect {
      try Pipeline.parse(yaml: "name: p\ncodebook: cb.yml\ninputs: [a.csv]\nread: {values: label}\n", file: "p.yml")
    } throws: { error in
      error.localizedDescription == "p.yml:4: read.values: 'label' is not one of codes, labels"
    }
  }

  @Test("a pipeline reads inputs with their own read options, and resolves paths")
  func pipeline() throws {
    let pipeline = try Pipeline.parse(
      yaml: """
        name: p
        codebook: cb.yml
        read: {delimiter: ";"}
        inputs:
          - a/*.csv
          - {path: b.csv, encoding: cp1251, decimal: ","}
        clean: {invalid: drop-record, duplicates: drop-all}
        design: {prob: pr, strata: s, psu: [c], fpc: [f], lonely_psu: average}
        tables:
          - {name: t1, proportion: x, by: [s], deff: true, level: 0.9}
        suppress_below: 5
        """, file: "p.yml", directory: "/data")
    #expect(pipeline.codebookPath == "/data/cb.yml")
    #expect(pipeline.inputs.map(\.resolvedPattern) == ["/data/a/*.csv", "/data/b.csv"])
    #expect(pipeline.inputs[0].read == ReadOptions(delimiter: UInt8(ascii: ";")))
    #expect(pipeline.inputs[1].read == ReadOptions(encoding: .windows1251, delimiter: UInt8(ascii: ";"), decimal: UInt8(ascii: ",")))
    #expect(pipeline.clean == CleanPolicy(invalid: .dropRecord, duplicates: .dropAll))
    #expect(pipeline.design?.probability == "pr")
    #expect(pipeline.design?.lonelyPSU == .average)
    #expect(pipeline.tables.first == TableSpec(name: "t1", statistic: .proportion, variable: "x", by: ["s"], interval: .logit, level: 0.9, deff: true, line: 10))
    #expect(pipeline.suppressBelow == 5)
    #expect(pipeline.outputPath == "out/p")
  }
}
