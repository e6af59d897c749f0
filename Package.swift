// swift-tools-version: 6.0
//
// Fritekst: transparent keyword and rule coding of Norwegian open survey answers.
//
// Module flow (each arrow is a target dependency; nothing points back):
//
//   CICUShim (C, the only code that includes ICU headers)
//     ← FritekstText      tokens, sentences, normalisation (ICU)
//     ← FritekstCodebook  codebook YAML → diagnostics → compiled matcher → hits
//   FritekstSurvey        CSV / XLSX / JSONL readers, municipality registry, size bands
//   FritekstAnalysis      code a survey, tally by size band, select quotes, agreement
//     ← FritekstReport    CSV, Markdown, JSON, XLSX, HTML, REFI-QDA printers
//     ← fritekst          the command-line tool (only place that prints or exits)
import PackageDescription

let package = Package(
  name: "Fritekst",
  products: [
    .executable(name: "fritekst", targets: ["fritekst"]),
    .library(
      name: "Fritekst",
      targets: [
        "FritekstText", "FritekstCodebook", "FritekstSurvey", "FritekstAnalysis", "FritekstReport",
      ]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
  ],
  targets: [
    // ICU behind a C target whose public header exposes only <stdint.h> types and opaque handles.
    // Foundation on Linux ships its own ICU headers (_FoundationICU); importing system ICU headers
    // into Swift next to Foundation fails to compile, so <unicode/*.h> is included only in shim.c.
    .target(
      name: "CICUShim",
      linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
    ),
    .target(name: "FritekstText", dependencies: ["CICUShim"]),
    .target(
      name: "FritekstCodebook",
      dependencies: ["FritekstText", .product(name: "Yams", package: "Yams")]),
    .target(
      name: "FritekstSurvey",
      dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
      resources: [.copy("Resources")]),
    .target(
      name: "FritekstAnalysis", dependencies: ["FritekstCodebook", "FritekstSurvey"],
      resources: [.copy("Resources")]),
    .target(
      name: "FritekstReport",
      dependencies: ["FritekstAnalysis", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    .executableTarget(
      name: "fritekst",
      dependencies: [
        "FritekstReport", "FritekstAnalysis", "FritekstCodebook", "FritekstSurvey", "FritekstText",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Micro-benchmarks (Benchmarks/run.sh builds and runs them in release mode).
    .executableTarget(
      name: "fritekst-bench", dependencies: ["FritekstText", "FritekstCodebook"],
      path: "Benchmarks/fritekst-bench"),
    // Test helpers: golden files (RECORD_GOLDEN=1 rewrites and fails) and «marked» text.
    .target(name: "FritekstTestSupport", path: "Tests/Support"),
    .testTarget(
      name: "FritekstTextTests", dependencies: ["FritekstText", "FritekstTestSupport"]),
    .testTarget(
      name: "FritekstCodebookTests",
      dependencies: ["FritekstCodebook", "FritekstTestSupport"],
      exclude: ["Golden", "Fixtures"]),
    .testTarget(
      name: "FritekstSurveyTests",
      dependencies: ["FritekstSurvey", "FritekstTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "FritekstAnalysisTests",
      dependencies: ["FritekstAnalysis", "FritekstTestSupport"]),
    .testTarget(
      name: "FritekstReportTests",
      dependencies: ["FritekstReport", "FritekstTestSupport"],
      exclude: ["Golden"]),
    .testTarget(
      name: "FritekstCLITests",
      dependencies: ["fritekst", "FritekstTestSupport"],
      exclude: ["Golden"]),
  ],
  swiftLanguageModes: [.v6]
)
