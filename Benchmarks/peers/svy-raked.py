#!/usr/bin/env python3
"""Peer benchmark, "raked job": Python's `svy` package doing what this call does

    survey-pipe estimate DIR/survey.csv --weight design_weight --strata stratum --psu psu \
      --fpc fpc --lonely-psu adjust --rake sex,region,age_group --margins DIR/margins.csv \
      --mean oop_cost --by migrant_status,region --format csv
    (JOB=table+overall: and the same without --by, for the overall mean)

on the data written by `survey-pipe synth --rows N --seed 1 --out DIR`.

Usage:
    [JOB=table|table+overall] PYTHON Benchmarks/peers/svy-raked.py DIR [OUT.csv]
      JOB      table (default): only the domain table; table+overall: also the overall mean
      DIR      folder with survey.csv and margins.csv (from `survey-pipe synth`)
      OUT.csv  where the estimates go (default: DIR/svy-raked.csv), 17 significant digits
    Time and peak memory of the whole process: /usr/bin/time -v PYTHON ... (run-raked.sh does).

Needs: Python 3.10+ with svy from PyPI (it brings polars, numpy, scipy and its Rust core):
    python3 -m venv /work/venv-peers && /work/venv-peers/bin/pip install svy==0.35

The job:
  1. read survey.csv with svy.read_csv (polars, all columns, 30 now; empty cell = null), all rows
     kept (nonrespondents have a blank oop_cost and migrant_status; they stay in the design)
  2. svy.Design(stratum="stratum", psu="psu", pop_size="fpc", wgt="design_weight",
     singleton="center"): PSUs nested in strata; pop_size is the number of PSUs in the
     stratum, as R's fpc; "center" is svy's name for R's survey.lonely.psu = "adjust"
  3. sample.weighting.rake(controls=...) to the sex, region and age_group margins of
     margins.csv. svy's own stopping rule (tol 1e-4 on the largest relative margin misfit,
     max_iter 100), not R's (maxit 10, epsilon 1 on the joint table's counts): both converge
     here, the weights differ only in the last digits. svy records the raking on the design,
     and its Taylor SEs take it into account (score centring within each margin, as R's)
  4. estimation.mean("oop_cost", by=("migrant_status", "region"), drop_nulls=True) and, only
     for JOB=table+overall, estimation.mean("oop_cost", drop_nulls=True): rows with a null
     oop_cost or by-variable leave the estimate and stay in the design (R: na.rm=TRUE,
     na.rm.by=TRUE)
  5. write one CSV: domain (migrant_status, region; a row with both blank for the overall
     mean, JOB=table+overall only), estimate, se; and print it
The script prints the time of each step to stderr.
"""

import os
import sys
import time
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path

t_script = time.perf_counter()


@contextmanager
def step(name):
    t = time.perf_counter()
    yield
    print(f"svy-raked: {name:<8} {time.perf_counter() - t:8.2f} s", file=sys.stderr)


if len(sys.argv) < 2:
    sys.exit("usage: svy-raked.py DIR [OUT.csv]")
folder = Path(sys.argv[1])
out = Path(sys.argv[2]) if len(sys.argv) > 2 else folder / "svy-raked.csv"
job = os.environ.get("JOB", "table")
if job not in ("table", "table+overall"):
    sys.exit("JOB must be table or table+overall")

with step("load"):
    import polars as pl
    import svy
print(f"svy-raked: Python {sys.version.split()[0]}, svy {version('svy')}, "
      f"svy_rs {version('svy_rs')}, polars {pl.__version__} ({pl.thread_pool_size()} threads)",
      file=sys.stderr)

with step("read"):
    data = svy.read_csv(folder / "survey.csv")
    margins = pl.read_csv(folder / "margins.csv", schema_overrides={"level": pl.Utf8})
print(f"svy-raked: {data.height} rows, {data.width} columns; JOB={job}", file=sys.stderr)

with step("design"):
    sample = svy.Sample(
        data,
        svy.Design(stratum="stratum", psu="psu", pop_size="fpc", wgt="design_weight",
                   singleton="center"),
    )

rake_vars = ["sex", "region", "age_group"]
with step("rake"):
    controls = {}
    for v in rake_vars:
        integer = data.schema[v].is_integer()
        rows = margins.filter(pl.col("variable") == v)
        controls[v] = {
            (int(lv) if integer else lv): float(t)
            for lv, t in zip(rows["level"], rows["total"])
        }
    sample = sample.weighting.rake(controls=controls, wgt_name="rk_wgt")

with step("by"):
    by = sample.estimation.mean("oop_cost", by=("migrant_status", "region"),
                                drop_nulls=True).to_polars()
if job == "table+overall":
    with step("overall"):
        overall = sample.estimation.mean("oop_cost", drop_nulls=True).to_polars()

with step("write"):
    res = by.select(
        pl.col("migrant_status").cast(pl.Utf8), pl.col("region").cast(pl.Utf8),
        pl.col("est").alias("estimate"), pl.col("se"),
    ).sort(pl.col("migrant_status").cast(pl.Int64), pl.col("region").cast(pl.Int64))
    if job == "table+overall":
        res = pl.concat([res, pl.DataFrame({
            "migrant_status": [""], "region": [""],
            "estimate": overall["est"].to_list(), "se": overall["se"].to_list(),
        })])
    with open(out, "w") as f:
        f.write("migrant_status,region,estimate,se\n")
        for r in res.iter_rows(named=True):
            f.write(f"{r['migrant_status']},{r['region']},{r['estimate']!r},{r['se']!r}\n")
with pl.Config(tbl_rows=-1, float_precision=6):
    print(res)
print(f"svy-raked: total    {time.perf_counter() - t_script:8.2f} s (after Python started)",
      file=sys.stderr)
