/*
 * The libcsv limit: how fast libcsv alone reads a CSV file on one core, with the options
 * survey-pipe uses (strict quotes, empty unquoted fields as NULL). The file is read into memory
 * first (not timed separately: the page cache is warm in the benchmark), then parsed in one
 * csv_parse call; the callbacks count fields and records and sum one numeric column with strtod,
 * so the fields are really looked at. Prints the parse time alone and the whole time.
 *
 *   cc -O2 -o /tmp/libcsv-limit Benchmarks/libcsv-limit/parse.c -lcsv
 *   /tmp/libcsv-limit FILE.csv [COLUMN-NAME]
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct state {
  long fields, records, column, position;
  int header;
  const char *name;
  double sum;
  char number[64];
};

static void on_field(void *data, size_t length, void *context) {
  struct state *s = context;
  if (s->header) {
    if (data && s->name && length == strlen(s->name) && memcmp(data, s->name, length) == 0) s->column = s->position;
  } else if (s->position == s->column && data && length > 0 && length < sizeof s->number) {
    memcpy(s->number, data, length);
    s->number[length] = 0;
    s->sum += strtod(s->number, NULL);
  }
  s->position++;
  s->fields++;
}

static void on_record(int terminator, void *context) {
  struct state *s = context;
  (void)terminator;
  s->header = 0;
  s->position = 0;
  s->records++;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s FILE.csv [COLUMN-NAME]\n", argv[0]);
    return 2;
  }
  double start = now();
  FILE *file = fopen(argv[1], "rb");
  if (!file) { perror(argv[1]); return 1; }
  fseek(file, 0, SEEK_END);
  long size = ftell(file);
  fseek(file, 0, SEEK_SET);
  char *bytes = malloc(size > 0 ? size : 1);
  if (!bytes || fread(bytes, 1, size, file) != (size_t)size) { perror("read"); return 1; }
  fclose(file);
  double parseStart = now();
  struct csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL) != 0) return 1;
  struct state s = {0, 0, -1, 0, 1, argc > 2 ? argv[2] : "oop_cost", 0, {0}};
  if (csv_parse(&parser, bytes, size, on_field, on_record, &s) != (size_t)size) {
    fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&parser)));
    return 1;
  }
  csv_fini(&parser, on_field, on_record, &s);
  double end = now();
  csv_free(&parser);
  printf("bytes %ld records %ld fields %ld sum %.6g\n", size, s.records, s.fields, s.sum);
  printf("parse %.3f s (%.0f MB/s), read+parse %.3f s\n", end - parseStart, size / 1e6 / (end - parseStart), end - start);
  free(bytes);
  return 0;
}
