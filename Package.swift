// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "ParleyText", targets: ["ParleyText"]),
        .library(name: "ParleyTesting", targets: ["ParleyTesting"]),
        .library(name: "ParleyLanguage", targets: ["ParleyLanguage"]),
        .executable(name: "parley", targets: ["parley"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // System libraries. Only the C bridges below import them: a Swift module that also imports
        // Foundation cannot see ICU's or libxml2's headers (UErrorCode clashes with Foundation's ICU).
        .systemLibrary(name: "CICU", path: "Sources/CICU", pkgConfig: "icu-i18n", providers: [.apt(["libicu-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "CICUBridge",
            dependencies: ["CICU"],
            cxxSettings: [.unsafeFlags(["-std=c++17"])],
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"), .linkedLibrary("stdc++")]
        ),
        .target(
            name: "CXMLBridge",
            dependencies: ["CLibXML2"],
            linkerSettings: [.linkedLibrary("xml2")]
        ),
        .target(name: "ParleyText", dependencies: ["CICUBridge"]),
        .target(name: "ParleyTesting", dependencies: ["ParleyText"]),
        .target(name: "ParleyLanguage", dependencies: ["ParleyText"]),
        .executableTarget(
            name: "parley",
            dependencies: ["ParleyText", "ParleyLanguage", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "ParleyCLITests", dependencies: ["parley", "ParleyTesting"]),
        .testTarget(
            name: "ParleyTextTests",
            dependencies: ["ParleyText", "ParleyTesting", "CXMLBridge", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "ParleyLanguageTests", dependencies: ["ParleyLanguage", "ParleyText", "ParleyTesting"]),
    ],
    swiftLanguageModes: [.v6]
)
