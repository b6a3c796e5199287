#!/usr/bin/env python3
"""Reads a run folder's labelled exports back with independent readers and checks them against
tidy/survey.csv and cleaning-log.csv (docs/outputs.md, "Labelled exports").

    python3 -m venv /tmp/venv-exports && /tmp/venv-exports/bin/pip install pyreadstat pandas
    survey-pipe run pipelines/moldova-migrant-health.yml --out /tmp/run
    /tmp/venv-exports/bin/python docs/read-exports.py /tmp/run

Checks, for tidy/survey.dta (pandas' Stata reader and pyreadstat) and tidy/survey.sav
(pyreadstat): the same rows; every tidy column (symptoms as one 0/1 column per option) with the
same numbers; every missing code that cleaning blanked back as a labelled missing value (.a/.b
in Stata, 98/99 user-missing in SPSS, or -98/-99 where a real value is 98 or 99); labels from
the codebook. tables.xlsx (openpyxl): an index sheet and one sheet per table whose rows and
numbers are those of tables/NAME.csv; validation.xlsx: the findings of validation.csv and the
cleaning log, with filters. Prints one line per check and exits 1 on the first failure.
"""
import csv
import math
import sys

import openpyxl
import pandas as pd
import pyreadstat


def fail(message):
    print("FAIL", message)
    sys.exit(1)


def main(run):
    with open(f"{run}/tidy/survey.csv", newline="", encoding="utf-8") as f:
        tidy = list(csv.DictReader(f))
    with open(f"{run}/cleaning-log.csv", newline="", encoding="utf-8") as f:
        blanked = [r for r in csv.DictReader(f) if r["reason"] == "missing-code"]
    id_column = next(iter(tidy[0]))  # the codebook's id comes first in tidy/survey.csv
    row_of = {r[id_column]: i for i, r in enumerate(tidy)}

    stata = pd.read_stata(f"{run}/tidy/survey.dta", convert_categoricals=False)
    stata_missing = pd.read_stata(f"{run}/tidy/survey.dta", convert_missing=True, convert_categoricals=False,
                                  convert_dates=False)
    dta, dta_meta = pyreadstat.read_dta(f"{run}/tidy/survey.dta", user_missing=True)
    sav, sav_meta = pyreadstat.read_sav(f"{run}/tidy/survey.sav", user_missing=True)
    for name, frame in [("pandas dta", stata), ("pyreadstat dta", dta), ("pyreadstat sav", sav)]:
        if len(frame) != len(tidy):
            fail(f"{name}: {len(frame)} rows, tidy has {len(tidy)}")
    print(f"ok  rows: {len(tidy)} in each file")

    codes = {"RU": 1, "IT": 2, "RO": 3, "DE": 4, "OT": 5}
    compared = 0
    for column in tidy[0]:
        if column in ("symptoms", "interview_date", id_column, "enumerator"):
            continue
        for i, record in enumerate(tidy):
            cell = record[column]
            want = codes.get(cell) if column == "destination" else (float(cell) if cell else None)
            got = stata[column].iloc[i]
            if want is None:
                if not (isinstance(got, float) and math.isnan(got)):
                    fail(f"dta {column} row {i}: {got}, tidy blank")
            elif abs(float(got) - want) > 1e-9 * max(1, abs(want)):
                fail(f"dta {column} row {i}: {got}, tidy {cell}")
            got = sav[column].iloc[i]
            if want is not None and abs(float(got) - want) > 1e-9 * max(1, abs(want)):
                fail(f"sav {column} row {i}: {got}, tidy {cell}")
            compared += 1
    print(f"ok  {compared} numeric cells equal tidy/survey.csv in Stata (pandas) and SPSS (pyreadstat)")

    for change in blanked:
        i, variable, code = row_of[change["record_id"]], change["variable"], float(change["old_value"])
        tag = "a" if code == 98 else "b"
        value = stata_missing[variable].iloc[i]
        if not isinstance(value, pd.io.stata.StataMissingValue) or value.string != "." + tag:
            fail(f"dta {variable} of {change['record_id']}: {value!r}, expected .{tag}")
        if dta[variable].iloc[i] != tag:
            fail(f"pyreadstat dta {variable}: {dta[variable].iloc[i]!r}")
        user = {r["lo"] for r in sav_meta.missing_ranges.get(variable, [])}
        if sav[variable].iloc[i] != code or code not in user:
            fail(f"sav {variable} of {change['record_id']}: {sav[variable].iloc[i]!r}, user-missing {user}")
        print(f"ok  {change['record_id']} {variable}: {int(code)} is .{tag} in Stata, user-missing {int(code)} in SPSS")

    if dta_meta.column_names_to_labels["region"] != "Development region":
        fail("region's variable label")
    if dta_meta.variable_value_labels["region"].get(1) != "Chișinău":
        fail("region's value label 1")
    if sav_meta.variable_value_labels["health_now"].get(98.0) != "Don't know":
        fail("SPSS label of 98")
    print("ok  labels: Development region, 1 = Chișinău, 98 = Don't know")
    check_workbooks(run)


def check_workbooks(run):
    tables = openpyxl.load_workbook(f"{run}/tables.xlsx")
    index = list(tables["index"].iter_rows(min_row=2, values_only=True))
    for name, sheet, _, count in index:
        with open(f"{run}/tables/{name}.csv", newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader)
            rows = [r for r in reader if r]
        ws = tables[sheet]
        got = list(ws.iter_rows(min_row=2, values_only=True))
        if header[0] == "test":
            # Excel keeps 15-16 significant digits (libxlsxwriter writes %.16G).
            if abs(got[0][2] - float(rows[0][2])) > 1e-12 * abs(float(rows[0][2])):
                fail(f"tables.xlsx {sheet}: statistic {got[0][2]} vs {rows[0][2]}")
            continue
        if len(got) != len(rows) or count != len(rows):
            fail(f"tables.xlsx {sheet}: {len(got)} rows, the CSV has {len(rows)}")
        xh = [c.value for c in ws[1]]
        for column in ("estimate", "se", "ci_low", "ci_high", "df", "n"):
            for r, (mine, theirs) in enumerate(zip(got, rows)):
                cell, text = mine[xh.index(column)], theirs[header.index(column)]
                if text == "":
                    if cell not in (None, "") and not str(cell).startswith("suppressed"):
                        fail(f"tables.xlsx {sheet} row {r} {column}: {cell!r}, CSV blank")
                elif not isinstance(cell, (int, float)) or abs(cell - float(text)) > 1e-12 * max(1, abs(float(text))):
                    fail(f"tables.xlsx {sheet} row {r} {column}: {cell!r}, CSV {text}")
    print(f"ok  tables.xlsx: index and {len(index)} sheets, numbers as numbers equal to tables/*.csv")
    validation = openpyxl.load_workbook(f"{run}/validation.xlsx")
    with open(f"{run}/validation.csv", newline="", encoding="utf-8") as f:
        findings = list(csv.DictReader(f))
    ws = validation["findings"]
    if ws.max_row - 1 != len(findings) or ws.auto_filter.ref is None:
        fail(f"validation.xlsx: {ws.max_row - 1} findings, validation.csv has {len(findings)}")
    ids = [row[0] for row in ws.iter_rows(min_row=2, values_only=True)]
    if ids != [f["finding_id"] for f in findings]:
        fail("validation.xlsx: the finding ids differ from validation.csv")
    print(f"ok  validation.xlsx: {len(findings)} findings as in validation.csv, "
          f"{validation['cleaning log'].max_row - 1} cleaning-log rows, filters on")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "out/moldova-migrant-health")
