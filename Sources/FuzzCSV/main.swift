// FuzzCSV: libFuzzer on the CSVFuzzTarget when built with -DFUZZING, else a replayer of the files it is
// given (docs/fuzzing.md).
import SurveyFuzz

FuzzMain.run { try CSVFuzzTarget() }
