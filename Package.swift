// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "ParleyText", targets: ["ParleyText"]),
        .library(name: "ParleyTesting", targets: ["ParleyTesting"]),
        .library(name: "ParleyModeration", targets: ["ParleyModeration"]),
        .library(name: "ParleyLanguage", targets: ["ParleyLanguage"]),
        .library(name: "ParleyVocabulary", targets: ["ParleyVocabulary"]),
        .library(name: "ParleyVocabularyFTS5", targets: ["ParleyVocabularyFTS5"]),
        .library(name: "ParleyTone", targets: ["ParleyTone"]),
        .library(name: "ParleyRedis", targets: ["ParleyRedis"]),
        .library(name: "ParleyServer", targets: ["ParleyServer"]),
        .library(name: "ParleyTranslation", targets: ["ParleyTranslation"]),
        .library(name: "ParleyReplies", targets: ["ParleyReplies"]),
        .library(name: "ParleyNegotiation", targets: ["ParleyNegotiation"]),
        .executable(name: "parley", targets: ["parley"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", "5.0.1"..<"7.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-atomics", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
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
        // Snowball stemmers from Debian's libstemmer-dev (no pkg-config file: the module map links it).
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .target(name: "ParleyVocabulary", dependencies: ["ParleyText", "CICUBridge", "CStemmer"]),
        // The SQLite FTS5 tokenizer lives apart so that the core library does not depend on GRDB.
        .target(
            name: "ParleyVocabularyFTS5",
            dependencies: ["ParleyVocabulary", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        .target(name: "ParleyTesting", dependencies: ["ParleyText"]),
        .target(name: "ParleyModeration", dependencies: ["ParleyText", "CICUBridge", .product(name: "Yams", package: "Yams")]),
        .target(name: "ParleyLanguage", dependencies: ["ParleyText"]),
        .target(name: "ParleyTone", dependencies: ["ParleyText"]),
        // FR↔EN phrase-based translation with a TBX glossary and a TMX memory (read through CXMLBridge).
        .target(name: "ParleyTranslation", dependencies: ["ParleyText", "CXMLBridge"]),
        // Smart replies, templates and ice-breakers; replies read the tone's register and pass moderation.
        .target(name: "ParleyReplies", dependencies: ["ParleyText", "ParleyTone", "ParleyModeration"]),
        // Prices, proposals, market guidance from a deals file, and the checklist of a conversation.
        .target(name: "ParleyNegotiation", dependencies: ["ParleyText", "ParleyTone"]),
        // Shared moderation state for sidecar replicas: a RESP client on SwiftNIO (no Swift Redis client is mirrored).
        .target(
            name: "ParleyRedis",
            dependencies: ["ParleyModeration", .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]
        ),
        // The HTTP sidecar: decode JSON, call the library, encode. No logic of its own.
        .target(
            name: "ParleyServer",
            dependencies: [
                "ParleyText", "ParleyLanguage", "ParleyTone", "ParleyVocabulary", "ParleyModeration",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Atomics", package: "swift-atomics"),
            ]
        ),
        .executableTarget(
            name: "parley",
            dependencies: ["ParleyText", "ParleyModeration", "ParleyLanguage", "ParleyVocabulary", "ParleyTone", "ParleyServer", "ParleyRedis", "ParleyReplies", "ParleyTranslation", "ParleyNegotiation", .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "ParleyToneTests", dependencies: ["ParleyTone", "ParleyText", "ParleyTesting"], exclude: ["Fixtures"]),
        .testTarget(name: "ParleyCLITests", dependencies: ["parley", "ParleyTesting"]),
        .testTarget(
            name: "ParleyTextTests",
            dependencies: ["ParleyText", "ParleyTesting", "CXMLBridge", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "ParleyModerationTests",
            dependencies: ["ParleyModeration", "ParleyText", "ParleyTesting"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ParleyLanguageTests", dependencies: ["ParleyLanguage", "ParleyText", "ParleyTesting"]),
        .testTarget(name: "ParleyVocabularyTests", dependencies: ["ParleyVocabulary", "ParleyTesting"]),
        .testTarget(name: "ParleyRedisTests", dependencies: ["ParleyRedis", "ParleyModeration", "ParleyTesting"]),
        // Processes: two `parley serve` replicas sharing a real redis-server.
        .testTarget(name: "ParleyIntegrationTests", dependencies: ["parley", "ParleyRedis", "ParleyTesting", .product(name: "NIOPosix", package: "swift-nio")]),
        .testTarget(name: "ParleyServerTests", dependencies: ["ParleyServer", "ParleyTesting", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "ParleyTranslationTests", dependencies: ["ParleyTranslation", "ParleyText", "ParleyTesting"], exclude: ["Fixtures"]),
        .testTarget(name: "ParleyNegotiationTests", dependencies: ["ParleyNegotiation", "ParleyTone", "ParleyText", "ParleyTesting"]),
        .testTarget(name: "ParleyRepliesTests", dependencies: ["ParleyReplies", "ParleyTone", "ParleyModeration", "ParleyText", "ParleyTesting"]),
        .testTarget(name: "ParleyVocabularyFTS5Tests", dependencies: ["ParleyVocabularyFTS5", "ParleyTesting"]),
    ],
    swiftLanguageModes: [.v6]
)
