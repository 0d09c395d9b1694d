// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Tandem",
    products: [
        .library(name: "Tandem", targets: ["Tandem"]),
        .executable(name: "tandem", targets: ["tandem"]),
    ],
    targets: [
        .target(name: "TandemCore"),
        .target(name: "TandemEngines", dependencies: ["TandemCore"]),
        .target(name: "TandemSimulation", dependencies: ["TandemCore"]),
        .target(name: "TandemChecks", dependencies: ["TandemCore", "TandemSimulation"]),
        .target(name: "TandemShrinking", dependencies: ["TandemCore", "TandemSimulation"]),
        .target(
            name: "Tandem",
            dependencies: ["TandemCore", "TandemEngines", "TandemSimulation", "TandemChecks", "TandemShrinking"]
        ),
        .executableTarget(name: "tandem", dependencies: ["Tandem"]),
        .testTarget(name: "TandemCoreTests", dependencies: ["TandemCore"]),
        .testTarget(name: "TandemEnginesTests", dependencies: ["TandemEngines"]),
        .testTarget(name: "TandemSimulationTests", dependencies: ["TandemSimulation", "TandemEngines"]),
        .testTarget(name: "TandemChecksTests", dependencies: ["TandemChecks", "TandemEngines"]),
        .testTarget(name: "TandemShrinkingTests", dependencies: ["TandemShrinking", "TandemChecks", "TandemEngines"]),
        .testTarget(name: "TandemTests", dependencies: ["Tandem"]),
        .testTarget(name: "TandemCLITests", dependencies: ["tandem"]),
    ],
    swiftLanguageModes: [.v6]
)
