#!/usr/bin/env Rscript
# Peer benchmark, "raked job": R's `survey` package doing what this call does
#   survey-pipe estimate DIR/survey.csv --weight design_weight --strata stratum --psu psu \
#     --fpc fpc --lonely-psu adjust --rake sex,region,age_group --margins DIR/margins.csv \
#     --mean oop_cost --by migrant_status,region --format csv
#   (JOB=table+overall: and the same without --by, for the overall mean)
# on the data written by `survey-pipe synth --rows N --seed 1 --out DIR`.
#
# Usage:
#   [JOB=table|table+overall] Rscript Benchmarks/peers/r-survey-raked.R DIR [OUT.csv]
#     JOB      table (default): only the domain table; table+overall: also the overall mean
#     DIR      folder with survey.csv and margins.csv (from `survey-pipe synth`)
#     OUT.csv  where the estimates go (default: DIR/r-raked.csv), 17 significant digits
#   Time and peak memory of the whole process: /usr/bin/time -v Rscript ... (run-raked.sh does).
#
# Needs: R with the `survey` package (Debian: r-base-core r-cran-survey) and `data.table`
# (Debian: r-cran-data.table), whose fread reads the CSV (all columns, 30 since 3 December; empty cell = NA).
#
# The job:
#   1. read survey.csv with data.table::fread (na.strings = ""), all columns, all rows kept
#      (nonrespondents have a blank oop_cost and migrant_status; they stay in the design)
#   2. svydesign(ids=~psu, strata=~stratum, fpc=~fpc, weights=~design_weight, nest=TRUE),
#      options(survey.lonely.psu = "adjust")
#   3. rake() to the sex, region and age_group margins of margins.csv, default control
#      (maxit 10, epsilon 1)
#   4. svyby(~oop_cost, ~migrant_status+region, des, svymean, na.rm=TRUE, na.rm.by=TRUE)
#      (na.rm.by: no domain for a blank migrant_status, as survey-pipe and svy) and, only
#      for JOB=table+overall, svymean(~oop_cost, des, na.rm=TRUE); the SEs take the raking
#      into account
#   5. write one CSV: domain (migrant_status, region; a row with both blank for the overall
#      mean, JOB=table+overall only), estimate, se; and print it
# The script prints the time of each step (R's own clock) to stderr.

t_script <- proc.time()
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: Rscript r-survey-raked.R DIR [OUT.csv]")
dir <- normalizePath(args[1], mustWork = TRUE)
out <- if (length(args) >= 2) args[2] else file.path(dir, "r-raked.csv")
job <- Sys.getenv("JOB", "table")
if (!job %in% c("table", "table+overall")) stop("JOB must be table or table+overall")

step <- function(name, expr) {
  t <- system.time(expr, gcFirst = FALSE)[["elapsed"]]
  message(sprintf("r-survey-raked: %-8s %8.2f s", name, t))
}

step("load", suppressPackageStartupMessages({
  library(survey)
  library(data.table)
}))
message(sprintf("r-survey-raked: R %s, survey %s, data.table %s (%d threads)",
                getRversion(), packageVersion("survey"), packageVersion("data.table"),
                getDTthreads()))
options(survey.lonely.psu = "adjust")

step("read", {
  d <- fread(file.path(dir, "survey.csv"), na.strings = "", data.table = FALSE)
  m <- read.csv(file.path(dir, "margins.csv"), stringsAsFactors = FALSE)
})
message(sprintf("r-survey-raked: %d rows, %d columns; JOB=%s", nrow(d), ncol(d), job))

step("design", {
  des <- svydesign(ids = ~psu, strata = ~stratum, fpc = ~fpc, weights = ~design_weight,
                   data = d, nest = TRUE)
})

rake_vars <- c("sex", "region", "age_group")
step("rake", {
  pop <- lapply(rake_vars, function(v) {
    mv <- m[m$variable == v, ]
    lev <- mv$level
    # the population table's key must have the data column's type
    key <- if (is.numeric(d[[v]])) as.numeric(lev) else as.character(lev)
    df <- data.frame(key, Freq = mv$total)
    names(df)[1] <- v
    df
  })
  des <- rake(des, sample.margins = lapply(rake_vars, function(v) reformulate(v)),
              population.margins = pop)
})

step("by", {
  by <- svyby(~oop_cost, ~migrant_status + region, des, svymean, na.rm = TRUE,
              na.rm.by = TRUE)
})
if (job == "table+overall") step("overall", {
  all <- svymean(~oop_cost, des, na.rm = TRUE)
})

step("write", {
  res <- data.frame(migrant_status = as.character(by$migrant_status),
                    region = as.character(by$region),
                    estimate = unname(coef(by)), se = unname(SE(by)),
                    stringsAsFactors = FALSE)
  if (job == "table+overall")
    res <- rbind(res, data.frame(migrant_status = "", region = "",
                                 estimate = unname(coef(all)), se = unname(SE(all))))
  res <- res[order(res$migrant_status == "", as.numeric(res$migrant_status),
                   as.numeric(res$region)), ]
  txt <- res
  txt$estimate <- sprintf("%.17g", res$estimate)
  txt$se <- sprintf("%.17g", res$se)
  write.csv(txt, out, row.names = FALSE, quote = FALSE)
})
print(res, row.names = FALSE, digits = 10)
message(sprintf("r-survey-raked: total    %8.2f s (after R started)",
                (proc.time() - t_script)[["elapsed"]]))
