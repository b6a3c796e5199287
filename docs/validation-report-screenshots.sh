#!/usr/bin/env bash
# Regenerates the screenshots of validation.html in docs/images/ (see docs/validation-report.md):
# a synthetic survey (`survey-pipe synth`) split into three batches, with problems planted in
# it, is run through `survey-pipe run`, and headless Chromium photographs the page.
#
#   docs/validation-report-screenshots.sh            # uses .build/debug/survey-pipe (builds it if missing)
#   SURVEY_PIPE=path/to/survey-pipe docs/validation-report-screenshots.sh
#
# Output: docs/images/validation-report-100.png (2,000 rows, 100 findings), -50000.png (25,000
# rows, 50,000 findings) and -100-narrow.png (480 px wide). The run folders stay in $WORK (printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SURVEY_PIPE:-.build/debug/survey-pipe}
[ -x "$BIN" ] || swift build --product survey-pipe
CHROMIUM=${CHROMIUM:-chromium}
WORK=${WORK:-$(mktemp -d /tmp/validation-report.XXXXXX)}
IMAGES=docs/images

# plant ROWS PROBLEMS_PER_ROW EVERY DIR: a synthetic survey of ROWS rows in three batches; every
# EVERY-th row gets PROBLEMS_PER_ROW problems, taken in turn from: age 150 (range), sex 3 (code),
# oop_cost "<b>12</b> lei" (type; shows that cells are escaped), interview_date in ISO form
# (type), health_now 7 (code).
plant() {
  local rows=$1 per_row=$2 every=$3 dir=$4
  rm -rf "$dir"
  "$BIN" synth --rows "$rows" --seed 1 --out "$dir" > /dev/null
  awk -F, -v OFS=, -v per_row="$per_row" -v every="$every" -v dir="$dir" -v rows="$rows" '
    NR == 1 { header = $0; for (i = 1; i <= NF; i++) col[$i] = i; next }
    {
      n = NR - 1
      if (n % every == 0) {
        for (p = 0; p < per_row; p++) {
          kind = (n / every + 2 * p) % 5
          if (kind == 0) $col["age"] = 150
          else if (kind == 1) $col["sex"] = 3
          else if (kind == 2) $col["oop_cost"] = "<b>12</b> lei"
          else if (kind == 3) { split($col["interview_date"], d, "."); $col["interview_date"] = d[3] "-" d[2] "-" d[1] }
          else $col["health_now"] = 7
        }
      }
      batch = dir "/batch-" (n <= rows / 3 ? "1-north" : n <= 2 * rows / 3 ? "2-centre" : "3-south") ".csv"
      if (!(batch in started)) { print header > batch; started[batch] = 1 }
      print > batch
    }' "$dir/survey.csv"
  rm "$dir/survey.csv"
  cat > "$dir/pipeline.yml" <<YAML
name: synthetic-$rows-rows
codebook: codebook.yml
inputs: [batch-*.csv]
output: out
YAML
  "$BIN" run "$dir/pipeline.yml" --quiet
}

shoot() {
  local page=$1 image=$2 width=$3 height=$4
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=20000 \
    --screenshot="$image" --window-size="$width,$height" "file://$page" 2> /dev/null
}

plant 2000 1 20 "$WORK/small"
plant 25000 2 1 "$WORK/large"
mkdir -p "$IMAGES"
shoot "$WORK/small/out/validation.html" "$IMAGES/validation-report-100.png" 1366 900
shoot "$WORK/small/out/validation.html" "$IMAGES/validation-report-100-narrow.png" 480 900
shoot "$WORK/large/out/validation.html" "$IMAGES/validation-report-50000.png" 1366 900
# The enumerator report: the Kobo example with the pipeline's field-quality checks.
"$BIN" run pipelines/kobo-field-checks.yml --out "$WORK/kobo" --quiet || true
shoot "$WORK/kobo/validation.html" "$IMAGES/validation-report-kobo-enumerators.png" 1366 900
wc -l "$WORK/small/out/validation.csv" "$WORK/large/out/validation.csv"
ls -l "$WORK/small/out/validation.html" "$WORK/large/out/validation.html" "$IMAGES"/validation-report-*.png
echo "run folders in $WORK"
