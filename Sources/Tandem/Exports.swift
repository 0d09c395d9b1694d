@_exported import TandemChecks
@_exported import TandemCore
@_exported import TandemEngines
@_exported import TandemSimulation
@_exported import TandemShrinking
