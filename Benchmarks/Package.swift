// swift-tools-version:6.1
// Benchmarks of survey-pipe, a package of their own so the main build stays lean.
// Run from this folder: swift package benchmark   (see ../docs/benchmarks.md)
import PackageDescription

import class Foundation.ProcessInfo
import struct Foundation.URL

// SwiftPM names a path dependency after its folder, which is whatever the clone is called.
let surveyPipe = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .lastPathComponent.lowercased()

let package = Package(
  name: "survey-pipe-benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "Pipeline",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "SurveyPipeline", package: surveyPipe),
        .product(name: "SurveySynth", package: surveyPipe),
        .product(name: "SurveyCore", package: surveyPipe),
        .product(name: "SurveyTabulate", package: surveyPipe),
      ],
      path: "Benchmarks/Pipeline",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
