import Foundation

/// One size band of the IS-24/8 tallies, e.g. "5000-9999" or "Bydel i Oslo".
public struct SizeBand: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
  public let label: String
  /// Display order (ascending).
  public let order: Int

  public init(label: String, order: Int) {
    self.label = label
    self.order = order
  }

  public static func < (a: SizeBand, b: SizeBand) -> Bool {
    (a.order, a.label) < (b.order, b.label)
  }

  public var description: String { label }
}

/// Population size bands with configurable edges.
///
/// Edges `[e0, e1, …, en]` give the bands `"< e0"`, `"e0-(e1-1)"`, …, `"en+"`, then the special
/// bands `"Oslo"` (Oslo kommune as a whole, 0301, excluded from the population bands as IS-24/8
/// does), `"Bydel i Oslo"` (each Oslo district, 0301xx), and `"alle"` (used only when a survey has
/// no municipality and no population column).
public struct SizeBands: Sendable, Hashable {
  /// The population edges, strictly increasing and positive.
  public let edges: [Int]
  /// The population bands, smallest first.
  public let populationBands: [SizeBand]
  public let oslo: SizeBand
  public let osloDistrict: SizeBand
  public let everyone: SizeBand

  /// IS-24/8: "< 2000", "2000-4999", "5000-9999", "10000-19999", "20000-49999", "50000+",
  /// then "Oslo", "Bydel i Oslo" (and "alle" when there is no municipality column).
  public static let standard = try! SizeBands(edges: [2000, 5000, 10000, 20000, 50000])

  public init(edges: [Int]) throws(SurveyError) {
    guard !edges.isEmpty else { throw .invalidOption("size band edges must not be empty") }
    guard edges.allSatisfy({ $0 > 0 }) else {
      throw .invalidOption("size band edges must be positive: \(edges)")
    }
    guard zip(edges, edges.dropFirst()).allSatisfy({ $0 < $1 }) else {
      throw .invalidOption("size band edges must be strictly increasing: \(edges)")
    }
    self.edges = edges
    var bands = [SizeBand(label: "< \(edges[0])", order: 0)]
    for i in 0..<(edges.count - 1) {
      bands.append(SizeBand(label: "\(edges[i])-\(edges[i + 1] - 1)", order: i + 1))
    }
    bands.append(SizeBand(label: "\(edges[edges.count - 1])+", order: edges.count))
    populationBands = bands
    oslo = SizeBand(label: "Oslo", order: edges.count + 1)
    osloDistrict = SizeBand(label: "Bydel i Oslo", order: edges.count + 2)
    everyone = SizeBand(label: "alle", order: edges.count + 3)
  }

  /// Parses "2000,5000,10000" (spaces allowed).
  public init(parsing text: String) throws(SurveyError) {
    var edges: [Int] = []
    for part in text.split(separator: ",") {
      let trimmed = part.trimmedWhitespace()
      guard let n = Int(trimmed) else {
        throw .invalidOption("size band edge '\(trimmed)' is not a whole number")
      }
      edges.append(n)
    }
    try self.init(edges: edges)
  }

  /// Display order: population bands, "Oslo", "Bydel i Oslo". ("alle" is not listed: it is only
  /// used for surveys without municipality information.)
  public var all: [SizeBand] { populationBands + [oslo, osloDistrict] }

  /// The band for a population; Oslo districts always go to "Bydel i Oslo".
  public func band(forPopulation population: Int, isOsloDistrict: Bool) -> SizeBand {
    if isOsloDistrict { return osloDistrict }
    for (i, edge) in edges.enumerated() where population < edge {
      return populationBands[i]
    }
    return populationBands[populationBands.count - 1]
  }

  /// The band for a municipality: 0301 (Oslo as a whole) → "Oslo", districts → "Bydel i Oslo",
  /// others by `population` (the survey's value if given, else the registry's).
  public func band(for municipality: Municipality, population: Int? = nil) -> SizeBand {
    if municipality.isOsloDistrict { return osloDistrict }
    if municipality.number == MunicipalityRegistry.osloNumber { return oslo }
    return band(forPopulation: population ?? municipality.population, isOsloDistrict: false)
  }
}
