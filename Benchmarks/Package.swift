// swift-tools-version: 6.1
// Parley's benchmarks: their own package, so users of the library never build the benchmark
// dependencies. Run from this folder: `swift package benchmark` (see README, "Measured figures").
import PackageDescription

let package = Package(
    name: "ParleyBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Parley", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ParleyBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ParleyText", package: "Parley"),
                .product(name: "ParleyModeration", package: "Parley"),
                .product(name: "ParleyLanguage", package: "Parley"),
                .product(name: "ParleyTesting", package: "Parley"),
                .product(name: "ParleyVocabulary", package: "Parley"),
                .product(name: "ParleyTone", package: "Parley"),
                .product(name: "ParleyTranslation", package: "Parley"),
                "CICUBaseline",
            ],
            path: "Benchmarks/ParleyBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // One workload per run, for instruction counts under valgrind (`Scripts/bench-ratios.sh`):
        // this machine's VMs expose no hardware counters to package-benchmark.
        .executableTarget(
            name: "ParleyWorkload",
            dependencies: [
                .product(name: "ParleyText", package: "Parley"),
                .product(name: "ParleyModeration", package: "Parley"),
                .product(name: "ParleyLanguage", package: "Parley"),
                .product(name: "ParleyTesting", package: "Parley"),
                .product(name: "ParleyTone", package: "Parley"),
                .product(name: "ParleyVocabulary", package: "Parley"),
                .product(name: "ParleyTranslation", package: "Parley"),
                "CICUBaseline",
            ],
            path: "Sources/ParleyWorkload"
        ),
        // The baseline: raw ICU word break over the same messages, in C, so the ratio Parley
        // reports is against ICU itself and not against a Swift wrapper.
        .systemLibrary(name: "CICUBaselineSystem", path: "Sources/CICUBaselineSystem", pkgConfig: "icu-uc"),
        .target(
            name: "CICUBaseline",
            dependencies: ["CICUBaselineSystem"],
            path: "Sources/CICUBaseline",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
    ]
)
