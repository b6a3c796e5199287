#!/usr/bin/env Rscript
# Peer benchmark: R's `survey` package doing the analysis job of `survey-pipe run` on the
# synthetic data written by `survey-pipe synth`.
#
# Usage:
#   Rscript Benchmarks/peers/r-survey.R DIR [OUTDIR] [--reader=both|base|fread]
#
#   DIR     a folder written by `survey-pipe synth --rows N --seed S --out DIR`
#           (survey.csv, codebook.yml, pipeline.yml, margins.csv)
#   OUTDIR  where the tables go (default: DIR-rout); one CSV per table of pipeline.yml
#   --reader  both (default): time base R read.csv and data.table::fread (if installed), go on
#             with the fread copy; base / fread: read only with that one (for peak memory)
#
# Peak memory: run under `/usr/bin/time -v` ("Maximum resident set size"); the script also
# prints the process's own VmHWM from /proc/self/status and R's gc() "max used".
#
# The job, as `survey-pipe run DIR/pipeline.yml` does it for this data:
#   1. read survey.csv (empty cell = missing; codes kept as in the file)
#   2. clean: the missing codes (survey-wide 98/99 unless the variable sets its own
#      `missing_codes`, `{}` = none) become NA in integer, decimal and categorical variables;
#      categorical variables become factors with the codebook's code order as levels
#      (so every domain has the same level set, and rows come out in codebook order)
#   3. design: svydesign(ids=~psu, strata=~stratum, fpc=~fpc, weights=~design_weight,
#      nest=TRUE), options(survey.lonely.psu = "adjust") (taken from pipeline.yml `design`)
#   4. the tables of pipeline.yml: proportion -> svymean(~factor), mean -> svymean,
#      total -> svytotal; by domains via svyby; always na.rm = TRUE
#   5. write one CSV per table (estimate, se, Wald 95% CI, unweighted n)
# Note: R's svyby gives estimate 0 and se 0 for a domain where the variable is all NA
# (insured_abroad among never-migrants); survey-pipe writes blanks there (docs/statistics.md §7).
# Weighting (nonresponse, calibration, trimming) is not in the synthetic pipeline.yml, so it is
# not done here either: the design weights are used as they are.

t_script <- proc.time()

args <- commandArgs(trailingOnly = TRUE)
opts <- grep("^--", args, value = TRUE)
pos <- setdiff(args, opts)
if (length(pos) < 1) stop("usage: Rscript r-survey.R DIR [OUTDIR] [--reader=both|base|fread]")
dir <- normalizePath(pos[1], mustWork = TRUE)
outdir <- if (length(pos) >= 2) pos[2] else paste0(sub("/+$", "", dir), "-rout")
reader <- "both"
for (o in opts) {
  if (startsWith(o, "--reader=")) reader <- sub("^--reader=", "", o)
  else stop("unknown option: ", o)
}
stopifnot(reader %in% c("both", "base", "fread"))

timings <- numeric(0)
tick <- function(name, expr) {
  t <- system.time(expr)            # gcFirst = TRUE: a gc() before the clock starts
  timings[[name]] <<- t[["elapsed"]]
  cat(sprintf("%-12s %9.3f s elapsed  (user %.3f, sys %.3f)\n",
              name, t[["elapsed"]], t[["user.self"]] + t[["user.child"]],
              t[["sys.self"]] + t[["sys.child"]]))
  invisible(NULL)
}

tick("load", suppressPackageStartupMessages({
  library(survey)
  library(yaml)
}))
has_dt <- requireNamespace("data.table", quietly = TRUE)
if (reader == "fread" && !has_dt) stop("data.table is not installed")
if (reader == "both" && !has_dt) {
  cat("data.table is not installed: timing base read.csv only\n")
  reader <- "base"
}
cat(sprintf("R %s, survey %s, data.table %s\n", getRversion(), packageVersion("survey"),
            if (has_dt) as.character(packageVersion("data.table")) else "not installed"))
if (has_dt) cat(sprintf("data.table threads: %d\n", data.table::getDTthreads()))

tick("setup", {
  codebook <- yaml::read_yaml(file.path(dir, "codebook.yml"))
  pipeline <- yaml::read_yaml(file.path(dir, "pipeline.yml"))
})
csv <- file.path(dir, pipeline$inputs[[1]])
cat(sprintf("input: %s (%.1f MB)\n", csv, file.size(csv) / 1e6))

# ---- 1. read ----------------------------------------------------------------------------
d <- NULL
if (reader %in% c("both", "base")) {
  tick("read_base", {
    d_base <- read.csv(csv, na.strings = "", stringsAsFactors = FALSE)
  })
}
if (reader %in% c("both", "fread")) {
  tick("read_fread", {
    d <- data.table::fread(csv, na.strings = "", data.table = FALSE)
  })
}
if (reader == "both") {
  # not timed: both readers must give the same data
  same <- isTRUE(all.equal(d_base, d, check.attributes = FALSE))
  cat(sprintf("read.csv and fread agree: %s\n", same))
  if (!same) print(all.equal(d_base, d, check.attributes = FALSE))
  rm(d_base)
  invisible(gc())
} else if (reader == "base") {
  d <- d_base
  rm(d_base)
}
cat(sprintf("rows: %d, columns: %d\n", nrow(d), ncol(d)))

# ---- 2. clean ---------------------------------------------------------------------------
tick("clean", {
  survey_mc <- names(codebook$missing_codes)
  n_set_na <- 0L
  for (v in codebook$variables) {
    if (!(v$name %in% names(d))) next
    if (v$type %in% c("integer", "decimal", "categorical")) {
      mc <- if ("missing_codes" %in% names(v)) names(v$missing_codes) else survey_mc
      if (length(mc) > 0) {
        x <- d[[v$name]]
        hit <- if (is.numeric(x)) x %in% as.numeric(mc) else x %in% mc
        n_set_na <- n_set_na + sum(hit)
        x[hit] <- NA
        d[[v$name]] <- x
      }
    }
    if (v$type == "categorical") {
      d[[v$name]] <- factor(d[[v$name]], levels = names(v$codes))
    }
  }
})
cat(sprintf("clean: %d missing codes set to NA\n", n_set_na))

# ---- 3. design --------------------------------------------------------------------------
lonely <- if (is.null(pipeline$design$lonely_psu)) "fail" else pipeline$design$lonely_psu
options(survey.lonely.psu = c(fail = "fail", remove = "remove", adjust = "adjust",
                              average = "average", certainty = "certainty")[[lonely]])
tick("design", {
  des <- svydesign(ids = reformulate(pipeline$design$psu),
                   strata = reformulate(pipeline$design$strata),
                   fpc = reformulate(pipeline$design$fpc),
                   weights = reformulate(pipeline$design$weight),
                   data = d, nest = TRUE)
})

# ---- 4. tables --------------------------------------------------------------------------
results <- list()
tick("tables", {
  for (tb in pipeline$tables) {
    stat <- intersect(c("proportion", "mean", "total"), names(tb))[1]
    var <- tb[[stat]]
    fml <- reformulate(var)
    FUN <- if (stat == "total") svytotal else svymean   # a proportion is the mean of factor dummies
    t1 <- system.time({
      est <- if (length(tb$by) == 0) {
        FUN(fml, des, na.rm = TRUE)
      } else {
        svyby(fml, reformulate(tb$by), des, FUN, na.rm = TRUE)
      }
    }, gcFirst = FALSE)[["elapsed"]]
    results[[tb$name]] <- list(spec = tb, stat = stat, var = var, est = est)
    cat(sprintf("  %-26s %8.3f s\n", tb$name, t1))
  }
})

# ---- 5. write ---------------------------------------------------------------------------
tick("write", {
  dir.create(file.path(outdir, "tables"), recursive = TRUE, showWarnings = FALSE)
  z <- qnorm(0.975)
  for (name in names(results)) {
    r <- results[[name]]
    x <- d[[r$var]]
    levs <- if (is.factor(x)) levels(x) else NA_character_
    colnm <- if (is.factor(x)) paste0(r$var, levs) else r$var
    by <- r$spec$by
    if (length(by) == 0) {
      e <- coef(r$est)[colnm]
      s <- SE(r$est)[colnm]
      n <- sum(!is.na(x))
      out <- data.frame(statistic = r$stat, variable = r$var, level = levs,
                        estimate = unname(e), se = unname(s), n = n)
    } else {
      df <- as.data.frame(r$est)
      secol <- if (is.factor(x)) paste0("se.", colnm) else "se"
      keys <- df[by]
      nd <- nrow(df)
      nl <- length(levs)
      out <- data.frame(statistic = r$stat, variable = r$var,
                        level = rep(levs, times = nd),
                        keys[rep(seq_len(nd), each = nl), , drop = FALSE],
                        estimate = as.vector(t(as.matrix(df[colnm]))),
                        se = as.vector(t(as.matrix(df[secol]))),
                        check.names = FALSE, row.names = NULL)
      # unweighted n per domain: rows with a value of the variable
      grp <- interaction(d[by], drop = FALSE, lex.order = FALSE)
      ncount <- tapply(!is.na(x), grp, sum)
      out$n <- rep(as.vector(ncount[as.character(interaction(keys, lex.order = FALSE))]), each = nl)
    }
    out$ci_low <- out$estimate - z * out$se
    out$ci_high <- out$estimate + z * out$se
    out <- out[c(setdiff(names(out), c("estimate", "se", "ci_low", "ci_high", "n")),
                 "estimate", "se", "ci_low", "ci_high", "n")]
    write.csv(out, file.path(outdir, "tables", paste0(name, ".csv")), row.names = FALSE, na = "")
  }
})
cat(sprintf("wrote %d tables to %s\n", length(results), file.path(outdir, "tables")))

# ---- summary ----------------------------------------------------------------------------
job <- sum(timings[c("clean", "design", "tables", "write")])
cat("\n== timings (wall-clock seconds) ==\n")
for (nm in names(timings)) cat(sprintf("%-12s %9.3f\n", nm, timings[[nm]]))
if (!is.na(timings["read_base"]))
  cat(sprintf("%-12s %9.3f   (read.csv + clean + design + tables + write)\n",
              "job_base", timings[["read_base"]] + job))
if (!is.na(timings["read_fread"]))
  cat(sprintf("%-12s %9.3f   (fread + clean + design + tables + write)\n",
              "job_fread", timings[["read_fread"]] + job))
cat(sprintf("%-12s %9.3f   (whole script after R started, incl. load/setup)\n",
            "script", (proc.time() - t_script)[["elapsed"]]))
g <- gc()
cat(sprintf("R heap max used: %.0f MB (Ncells + Vcells)\n", sum(g[, ncol(g)])))
st <- tryCatch(readLines("/proc/self/status"), error = function(e) character(0))
hwm <- grep("^VmHWM", st, value = TRUE)
if (length(hwm)) cat(sprintf("peak RSS (VmHWM): %s\n", trimws(sub("^VmHWM:", "", hwm))))
