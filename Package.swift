// swift-tools-version:6.1
import PackageDescription

// Dependency arrows (docs/ARCHITECTURE.md): CLI -> Server -> everything; Storage implements the
// protocols of Commerce and ActorIdentity; Inbox/Outbox -> ActorIdentity, Commerce;
// ActorIdentity -> COpenSSL, Transport; Commerce -> nothing.
let swiftSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "cart-actor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cart-actor", targets: ["CartActorCLI"]),
        // The end-to-end suite's fake SumUp as its own process (Tests/EndToEnd/run starts it).
        .executable(name: "fake-sumup", targets: ["FakeSumUpServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-structured-headers", from: "1.7.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // System OpenSSL 3 (libssl-dev): RSA, Ed25519, SHA-256, HMAC, random bytes.
        .systemLibrary(
            name: "COpenSSL",
            path: "Sources/COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // The shop: pages, catalog, carts, money. Knows nothing of HTTP, SQL or ActivityPub.
        // Byte-level reading of plain http(s) IRIs, shared by Commerce's IRI and ActorIdentity's
        // Origin (each hot on the inbox path); no dependencies, so neither arrow changes.
        .target(name: "PlainIRI", path: "Sources/PlainIRI", swiftSettings: swiftSettings),
        .target(name: "Commerce", dependencies: ["PlainIRI"], path: "Sources/Commerce", swiftSettings: swiftSettings),
        // The actor's identity: keys, HTTP signatures, key resolution, vocabulary.
        // Not named `Actor`: that would shadow the standard library's `Actor` protocol.
        .target(
            name: "ActorIdentity",
            dependencies: [
                "COpenSSL", "Transport", "PlainIRI",
                .product(name: "RawStructuredFieldValues", package: "swift-http-structured-headers"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Actor",
            swiftSettings: swiftSettings
        ),
        // One guarded outbound HTTP transport for every request that leaves the process.
        .target(
            name: "Transport",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Transport",
            swiftSettings: swiftSettings
        ),
        // Payment providers behind Commerce's `PaymentProvider`: SumUp's Checkouts API over the
        // guarded transport, exact money on its wire, sealed per-page credentials.
        .target(
            name: "Payments",
            dependencies: ["Commerce", "ActorIdentity", "Transport", .product(name: "Logging", package: "swift-log")],
            path: "Sources/Payments",
            swiftSettings: swiftSettings
        ),
        // Verified activities -> Commerce commands (issue 6).
        .target(
            name: "Inbox",
            dependencies: ["Commerce", "ActorIdentity", "Outbox",
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "Metrics", package: "swift-metrics"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
            path: "Sources/Inbox",
            swiftSettings: swiftSettings
        ),
        // Domain events -> signed, delivered activities (issue 5).
        .target(
            name: "Outbox",
            dependencies: ["Commerce", "ActorIdentity", "Transport",
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "Metrics", package: "swift-metrics"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
            path: "Sources/Outbox",
            swiftSettings: swiftSettings
        ),
        // SQLKit implementations of every store protocol, for SQLite and PostgreSQL.
        .target(
            name: "Storage",
            dependencies: [
                "Commerce", "ActorIdentity", "Outbox", "Inbox",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Storage",
            swiftSettings: swiftSettings
        ),
        // The HTTP application: the only importer of Hummingbird and Mustache.
        .target(
            name: "Server",
            dependencies: [
                "Commerce", "ActorIdentity", "Transport", "Storage", "Inbox", "Outbox", "Payments",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Server",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "CartActorCLI",
            dependencies: [
                "Server", "Storage", "Commerce", "ActorIdentity", "Transport", "Payments", "Outbox", "Inbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/CartActorCLI",
            swiftSettings: swiftSettings
        ),

        // Shared test helpers: keys made once per run, the test PostgreSQL, free ports, clocks.
        .target(
            name: "TestSupport",
            dependencies: ["Commerce", "ActorIdentity", "Storage", "Transport", "Payments",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Logging", package: "swift-log")],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        // `fake-sumup --bind 127.0.0.6:PORT --api-key K --merchant M`: TestSupport's FakeSumUp as a
        // process for the end-to-end suite; prints `READY <apiBase>`.
        .executableTarget(
            name: "FakeSumUpServer",
            dependencies: ["TestSupport"],
            path: "Tests/FakeSumUpServer",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CommerceTests", dependencies: ["Commerce"], path: "Tests/CommerceTests", swiftSettings: swiftSettings),
        .testTarget(
            name: "ActorTests",
            dependencies: ["ActorIdentity", "TestSupport"],
            path: "Tests/ActorTests",
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TransportTests",
            dependencies: ["Transport", "TestSupport", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Tests/TransportTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OrderTests",
            dependencies: ["Commerce", "Storage", "Payments", "TestSupport"],
            path: "Tests/OrderTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PaymentsTests",
            dependencies: ["Payments", "Commerce", "TestSupport", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Tests/PaymentsTests",
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OutboxTests",
            dependencies: ["Outbox", "Storage", "Commerce", "TestSupport", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Tests/OutboxTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InboxTests",
            dependencies: ["Inbox", "Outbox", "Storage", "Commerce", "TestSupport", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Tests/InboxTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "Commerce", "TestSupport"], path: "Tests/StorageTests", swiftSettings: swiftSettings),
        .testTarget(
            name: "ServerTests",
            dependencies: ["Server", "TestSupport",
                           .product(name: "HummingbirdTesting", package: "hummingbird")],
            path: "Tests/ServerTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LiveTests",
            dependencies: ["TestSupport",
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "NIOPosix", package: "swift-nio")],
            path: "Tests/LiveTests",
            swiftSettings: swiftSettings
        ),
    ]
)
