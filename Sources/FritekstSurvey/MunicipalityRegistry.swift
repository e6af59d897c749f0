import Foundation

/// A 2024 municipality or one of Oslo's 15 districts (bydeler).
public struct Municipality: Sendable, Hashable, Codable {
  /// "0301" for a municipality, "030101" for an Oslo district.
  public let number: String
  public let name: String
  /// County (fylke) name; "Oslo" for the districts.
  public let county: String
  /// Inhabitants at 1 January 2024 (SSB).
  public let population: Int
  public let isOsloDistrict: Bool

  public init(number: String, name: String, county: String, population: Int, isOsloDistrict: Bool) {
    self.number = number
    self.name = name
    self.county = county
    self.population = population
    self.isOsloDistrict = isOsloDistrict
  }
}

/// The bundled 2024 municipality registry (357 municipalities + Oslo's 15 districts) and the
/// 2020–2023 → 2024 renumbering.
public struct MunicipalityRegistry: Sendable {
  public static let osloNumber = "0301"

  /// The result of looking up a municipality number from a survey.
  public enum Lookup: Sendable, Hashable {
    /// A 2024 number (or an Oslo district).
    case current(Municipality)
    /// A 2020–2023 number that has a different 2024 number.
    case renumbered(old: String, Municipality)
    /// A 2020–2023 number split into several 2024 municipalities (1507 Ålesund → 1508, 1580).
    case ambiguous(old: String, candidates: [Municipality])
    /// Not a municipality or district number we know.
    case unknown

    public var municipality: Municipality? {
      switch self {
      case .current(let m), .renumbered(_, let m): return m
      case .ambiguous, .unknown: return nil
      }
    }
  }

  /// Municipalities first (by number), then the Oslo districts (by number).
  public let municipalities: [Municipality]
  private let byNumber: [String: Municipality]
  private let renumbering: [String: [String]]

  public init(municipalities: [Municipality], renumbering: [String: [String]]) {
    self.municipalities = municipalities
    var byNumber: [String: Municipality] = [:]
    for m in municipalities { byNumber[m.number] = m }
    self.byNumber = byNumber
    self.renumbering = renumbering
  }

  /// Loads the bundled CSV files (no network).
  public static func load() throws(SurveyError) -> MunicipalityRegistry {
    func resource(_ name: String) throws(SurveyError) -> [[String]] {
      guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Resources")
        ?? Bundle.module.url(forResource: name, withExtension: "csv")
      else { throw .registryUnavailable(reason: "\(name).csv is not in the bundle") }
      guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
        throw .registryUnavailable(reason: "\(name).csv cannot be read as UTF-8")
      }
      // These files are simple: no quoted fields, no embedded commas (checked by a test).
      return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst().map {
        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      }
    }
    var list: [Municipality] = []
    for f in try resource("kommuner-2024") {
      guard f.count >= 5, let pop = Int(f[4]) else {
        throw .registryUnavailable(reason: "bad row in kommuner-2024.csv: \(f.joined(separator: ","))")
      }
      list.append(Municipality(number: f[0], name: f[1], county: f[3], population: pop, isOsloDistrict: false))
    }
    for f in try resource("oslo-bydeler-2024") {
      guard f.count >= 3, let pop = Int(f[2]) else {
        throw .registryUnavailable(reason: "bad row in oslo-bydeler-2024.csv: \(f.joined(separator: ","))")
      }
      list.append(Municipality(number: f[0], name: f[1], county: "Oslo", population: pop, isOsloDistrict: true))
    }
    var renumbering: [String: [String]] = [:]
    for f in try resource("kommunenummer-2023-2024") where f.count >= 2 && f[0] != f[1] {
      renumbering[f[0], default: []].append(f[1])
    }
    return MunicipalityRegistry(
      municipalities: list.sorted { ($0.isOsloDistrict ? 1 : 0, $0.number) < ($1.isOsloDistrict ? 1 : 0, $1.number) },
      renumbering: renumbering)
  }

  /// Every municipality and Oslo district name, for redaction. Names the registry writes with
  /// the county in brackets ("Herøy (Nordland)") are listed both ways ("Herøy" too). Sorted,
  /// without duplicates.
  public var names: [String] {
    var set = Set<String>()
    for m in municipalities {
      set.insert(m.name)
      if let open = m.name.firstIndex(of: "(") {
        set.insert(m.name[..<open].trimmedWhitespace())
      }
    }
    return set.sorted()
  }

  /// Normalises a raw value to a municipality/district number: trims, accepts a number written
  /// as "301", "301.0" or "0301 Oslo", restores the leading zero Excel drops ("301" → "0301",
  /// "30101" → "030101"). Returns nil for anything else.
  public static func normalizeNumber(_ raw: String) -> String? {
    var s = Substring(raw.trimmedWhitespace())
    if s.hasSuffix(".0") { s = s.dropLast(2) }
    let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
    guard !digits.isEmpty else { return nil }
    let rest = s.dropFirst(digits.count)
    // "0301 Oslo", "0301 - Oslo" are fine; "0301x" or "3,5" are not numbers.
    if let first = rest.first, !(first == " " || first == "\t") { return nil }
    switch digits.count {
    case 3: return "0" + digits
    case 4, 6: return String(digits)
    case 5: return "0" + digits
    default: return nil
    }
  }

  public func lookup(_ raw: String) -> Lookup {
    guard let number = Self.normalizeNumber(raw) else { return .unknown }
    if let m = byNumber[number] { return .current(m) }
    if let targets = renumbering[number] {
      let ms = targets.compactMap { byNumber[$0] }
      if ms.count == 1 { return .renumbered(old: number, ms[0]) }
      if ms.count > 1 { return .ambiguous(old: number, candidates: ms) }
    }
    return .unknown
  }

  public func municipality(number: String) -> Municipality? { byNumber[number] }
}
