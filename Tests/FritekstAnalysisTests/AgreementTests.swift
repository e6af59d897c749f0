import Testing
@testable import FritekstAnalysis
