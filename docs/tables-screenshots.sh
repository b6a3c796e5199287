#!/usr/bin/env bash
# Regenerates the screenshots of tables.html in docs/images/ (see docs/outputs.md): the example
# pipeline's page at 480 and 1280 pixels wide, its replicate-weight variant (moldova-replicates.yml,
# with filtered tables) at the same widths, and the 20-table page of a synthetic survey
# (`synth`'s pipeline-indicators.yml, 20,000 rows) at 1280, and the health-workforce example's
# registry (480, 1280) and survey (1280) pages and a 40,000-worker synthetic registry's (1280),
# photographed by headless Chromium.
#
#   docs/tables-screenshots.sh            # uses .build/debug/survey-pipe (builds it if missing)
#   SURVEY_PIPE=path/to/survey-pipe docs/tables-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SURVEY_PIPE:-.build/debug/survey-pipe}
[ -x "$BIN" ] || swift build --product survey-pipe
CHROMIUM=${CHROMIUM:-chromium}
WORK=${WORK:-$(mktemp -d /tmp/tables-screenshots.XXXXXX)}
IMAGES=docs/images

shoot() {  # shoot PAGE WIDTH HEIGHT OUT
  "$CHROMIUM" --headless --no-sandbox --hide-scrollbars --window-size="$2,$3" \
    --screenshot="$4" "file://$1" 2> /dev/null
  echo "wrote $4"
}

"$BIN" run pipelines/moldova-migrant-health.yml --out "$WORK/example" > /dev/null 2>&1
shoot "$WORK/example/tables.html" 480 4000 "$IMAGES/tables-moldova-480.png"
shoot "$WORK/example/tables.html" 1280 4200 "$IMAGES/tables-moldova-1280.png"

"$BIN" run pipelines/moldova-replicates.yml --out "$WORK/replicates" > /dev/null 2>&1
shoot "$WORK/replicates/tables.html" 480 3000 "$IMAGES/tables-replicates-480.png"
shoot "$WORK/replicates/tables.html" 1280 2600 "$IMAGES/tables-replicates-1280.png"

"$BIN" run pipelines/moldova-health-workforce.yml --out "$WORK/health-workforce" > /dev/null 2>&1
shoot "$WORK/health-workforce/registry/tables.html" 480 6000 "$IMAGES/tables-health-registry-480.png"
shoot "$WORK/health-workforce/registry/tables.html" 1280 5200 "$IMAGES/tables-health-registry-1280.png"
shoot "$WORK/health-workforce/intentions/tables.html" 1280 2400 "$IMAGES/tables-health-intentions-1280.png"

# A health-workforce registry of 40,000 workers (about 108,000 rows): the same pages at scale.
"$BIN" synth --kind health-workforce --rows 40000 --seed 1 --out "$WORK/hw40k" > /dev/null 2>&1
"$BIN" run "$WORK/hw40k/pipeline.yml" > /dev/null 2>&1
shoot "$WORK/hw40k/out/registry/tables.html" 1280 5200 "$IMAGES/tables-health-registry-40k-1280.png"

"$BIN" synth --rows 20000 --seed 1 --out "$WORK/synth" > /dev/null
"$BIN" run "$WORK/synth/pipeline-indicators.yml" > /dev/null 2>&1
shoot "$WORK/synth/out-indicators/tables.html" 1280 9000 "$IMAGES/tables-synth-indicators-1280.png"
echo "run folders in $WORK"
