// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "survey-pipe",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "survey-pipe", targets: ["survey-pipe"]),
    .library(name: "SurveyCore", targets: ["SurveyCore"]),
    .library(name: "SurveyIngest", targets: ["SurveyIngest"]),
    .library(name: "SurveyValidate", targets: ["SurveyValidate"]),
    .library(name: "SurveyClean", targets: ["SurveyClean"]),
    .library(name: "SurveyDesign", targets: ["SurveyDesign"]),
    .library(name: "SurveyWeight", targets: ["SurveyWeight"]),
    .library(name: "SurveyTabulate", targets: ["SurveyTabulate"]),
    .library(name: "SurveySynth", targets: ["SurveySynth"]),
    .library(name: "SurveyPipeline", targets: ["SurveyPipeline"]),
    .library(name: "SurveyExport", targets: ["SurveyExport"]),
    .library(name: "SurveyXLSForm", targets: ["SurveyXLSForm"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    // Reading .xlsx files (XLSForms): the ZIP container and its XML parts.
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.1.1"),
  ],
  targets: [
    // libcsv, from Debian's libcsv-dev (no pkg-config file: the module map links it).
    .systemLibrary(
      name: "CLibCSV",
      providers: [.apt(["libcsv-dev"])]
    ),
    // libreadstat, from Debian's libreadstat-dev (no pkg-config file either): Stata and SPSS files.
    .systemLibrary(
      name: "CReadStat",
      providers: [.apt(["libreadstat-dev"])]
    ),
    // libxlsxwriter, from Debian's libxlsxwriter-dev: Excel workbooks (tables.xlsx, validation.xlsx).
    .systemLibrary(
      name: "CXLSXWriter",
      pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"])]
    ),
    .target(
      name: "SurveyCore",
      dependencies: [
        .product(name: "Yams", package: "Yams"),
        // SHA-256 of every input for run.json, with BoringSSL's SHA extensions (about 2 GB/s).
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(name: "SurveyIngest", dependencies: ["SurveyCore", "CLibCSV"]),
    .target(name: "SurveyValidate", dependencies: ["SurveyCore"]),
    .target(name: "SurveyClean", dependencies: ["SurveyCore"]),
    // The survey design model that Weight and Tabulate share: sampling stages, weights, the
    // weighting steps that change the variance, the variance method.
    .target(name: "SurveyDesign", dependencies: ["SurveyCore"]),
    .target(name: "SurveyWeight", dependencies: ["SurveyCore", "SurveyDesign"]),
    .target(name: "SurveyTabulate", dependencies: ["SurveyCore", "SurveyDesign"]),
    // Deterministic synthetic surveys (`survey-pipe synth`) for benchmarks and scale tests.
    .target(name: "SurveySynth", dependencies: ["SurveyCore"]),
    // Labelled exports: the tidy data for Stata and SPSS through libreadstat, tables and logs for
    // Excel through libxlsxwriter.
    .target(name: "SurveyExport", dependencies: ["SurveyCore", "CReadStat", "CXLSXWriter"]),
    // Reading Excel workbooks (the sheets of an XLSForm) with ZIPFoundation and SWXMLHash.
    .target(
      name: "SurveyXLSForm",
      dependencies: [
        "SurveyCore",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "SWXMLHash", package: "SWXMLHash"),
      ]),
    // The driver: runs a pipeline's stages and writes the run folder (used by `run` and the
    // benchmarks).
    .target(
      name: "SurveyPipeline",
      dependencies: [
        "SurveyCore", "SurveyIngest", "SurveyValidate", "SurveyClean", "SurveyDesign", "SurveyWeight", "SurveyTabulate",
        "SurveyExport", "SurveyXLSForm",
      ]
    ),
    .executableTarget(
      name: "survey-pipe",
      dependencies: [
        "SurveyCore", "SurveyIngest", "SurveyValidate", "SurveyClean", "SurveyDesign", "SurveyWeight",
        "SurveyTabulate", "SurveySynth", "SurveyPipeline", "SurveyXLSForm",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Fuzzing (docs/fuzzing.md): the targets and their checks, libFuzzer's C entry, and one
    // executable per target, which runs libFuzzer when built with `-DFUZZING` and the sanitizer,
    // and otherwise replays the input files it is given.
    .target(name: "SurveyFuzz", dependencies: ["SurveyCore", "SurveyIngest", "SurveyValidate", "CLibFuzzer"]),
    .systemLibrary(name: "CLibFuzzer"),
    .executableTarget(name: "FuzzCSV", dependencies: ["SurveyFuzz"]),
    .executableTarget(name: "FuzzExpression", dependencies: ["SurveyFuzz"]),
    .executableTarget(name: "FuzzYAML", dependencies: ["SurveyFuzz"]),
    .target(
      name: "_SurveyTestSupport",
      dependencies: ["SurveyCore"],
      path: "Tests/_SurveyTestSupport"
    ),
    .testTarget(name: "SurveyCoreTests", dependencies: ["SurveyCore", "_SurveyTestSupport"]),
    .testTarget(
      name: "SurveyIngestTests", dependencies: ["SurveyIngest", "SurveyCore", "_SurveyTestSupport"]),
    .testTarget(
      name: "SurveyValidateTests",
      dependencies: ["SurveyValidate", "SurveyIngest", "SurveyCore", "_SurveyTestSupport"]),
    .testTarget(
      name: "SurveyCleanTests",
      dependencies: ["SurveyClean", "SurveyValidate", "SurveyIngest", "SurveyCore", "_SurveyTestSupport"]),
    .testTarget(
      name: "SurveyDesignTests", dependencies: ["SurveyDesign", "SurveyCore", "_SurveyTestSupport"]),
    .testTarget(
      name: "SurveyWeightTests", dependencies: ["SurveyWeight", "SurveyDesign", "SurveyCore", "_SurveyTestSupport"]),
    .testTarget(
      name: "SurveyTabulateTests",
      dependencies: ["SurveyTabulate", "SurveyDesign", "SurveyCore", "_SurveyTestSupport"]),
    .testTarget(
      name: "SurveyPipelineTests",
      dependencies: [
        "SurveyPipeline", "SurveyIngest", "SurveyValidate", "SurveyClean", "SurveyWeight", "SurveyCore",
        "SurveyExport", "_SurveyTestSupport",
      ]),
    .testTarget(
      name: "SurveySynthTests",
      dependencies: ["SurveySynth", "SurveyCore", "_SurveyTestSupport"]),
    .testTarget(name: "SurveyFuzzTests", dependencies: ["SurveyFuzz", "_SurveyTestSupport"]),
    .testTarget(name: "SurveyExportTests", dependencies: ["SurveyExport", "SurveyCore", "_SurveyTestSupport"]),
    .testTarget(
      name: "SurveyXLSFormTests", dependencies: ["SurveyXLSForm", "SurveyExport", "SurveyCore", "_SurveyTestSupport"]),
    .testTarget(
      name: "SurveyPipeTests",
      dependencies: ["survey-pipe", "SurveyExport", "_SurveyTestSupport"]),
  ]
)
