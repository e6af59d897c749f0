import Foundation
import Testing
@testable import FritekstSurvey

@Suite struct RegistryTests {
  @Test func bundledDataIsComplete() {
    let municipalities = registry.municipalities.filter { !$0.isOsloDistrict }
    let districts = registry.municipalities.filter(\.isOsloDistrict)
    #expect(municipalities.count == 357)
    #expect(districts.count == 15)
    #expect(municipalities.reduce(0) { $0 + $1.population } == 5_550_203)
    #expect(registry.municipality(number: "0301")?.population == 717_710)
    #expect(registry.municipality(number: "4601")?.name == "Bergen")
    #expect(registry.municipality(number: "4601")?.population == 291_940)
    #expect(districts.map(\.number).first == "030101")
    #expect(districts.allSatisfy { $0.county == "Oslo" })
  }

  @Test func lookupNormalisesAndRenumbers() {
    #expect(registry.lookup("301") == .current(registry.municipality(number: "0301")!))
    #expect(registry.lookup(" 0301 ").municipality?.name == "Oslo")
    #expect(registry.lookup("301.0").municipality?.number == "0301")
    #expect(registry.lookup("0301 Oslo").municipality?.number == "0301")
    #expect(registry.lookup("30101").municipality?.name == "Gamle Oslo")
    #expect(registry.lookup("030115").municipality?.isOsloDistrict == true)
    guard case .renumbered(let old, let halden) = registry.lookup("3001") else {
      Issue.record("3001 should be renumbered")
      return
    }
    #expect(old == "3001")
    #expect(halden.number == "3101" && halden.name == "Halden")
    #expect(registry.lookup("5401").municipality?.number == "5501")
    guard case .ambiguous(let split, let candidates) = registry.lookup("1507") else {
      Issue.record("1507 was split and must be ambiguous")
      return
    }
    #expect(split == "1507")
    #expect(candidates.map(\.number).sorted() == ["1508", "1580"])
    #expect(registry.lookup("9999") == .unknown)
    #expect(registry.lookup("12") == .unknown)
    #expect(registry.lookup("abc") == .unknown)
    #expect(registry.lookup("3,5") == .unknown)
    #expect(registry.lookup("") == .unknown)
  }

  @Test func namesIncludeDistrictsAndBareNames() {
    let names = Set(registry.names)
    #expect(names.contains("Gamle Oslo"))
    #expect(names.contains("Herøy (Nordland)"))
    #expect(names.contains("Herøy"))
    #expect(names.contains("Bergen"))
    #expect(registry.names.count == Set(registry.names).count)
  }
}

@Suite struct SizeBandTests {
  @Test func standardLabelsAndOrder() {
    let b = SizeBands.standard
    #expect(b.all.map(\.label) == [
      "< 2000", "2000-4999", "5000-9999", "10000-19999", "20000-49999", "50000+", "Oslo", "Bydel i Oslo",
    ])
    #expect(b.all == b.all.sorted())
    #expect(b.everyone.label == "alle")
  }

  @Test(arguments: [
    (0, "< 2000"), (1999, "< 2000"), (2000, "2000-4999"), (4999, "2000-4999"), (5000, "5000-9999"),
    (9999, "5000-9999"), (10000, "10000-19999"), (19999, "10000-19999"), (20000, "20000-49999"),
    (49999, "20000-49999"), (50000, "50000+"), (717_710, "50000+"),
  ])
  func edges(population: Int, label: String) {
    #expect(SizeBands.standard.band(forPopulation: population, isOsloDistrict: false).label == label)
  }

  @Test func osloAndDistricts() {
    let b = SizeBands.standard
    #expect(b.band(forPopulation: 500, isOsloDistrict: true).label == "Bydel i Oslo")
    #expect(b.band(for: registry.municipality(number: "0301")!).label == "Oslo")
    #expect(b.band(for: registry.municipality(number: "030101")!).label == "Bydel i Oslo")
    #expect(b.band(for: registry.municipality(number: "1103")!).label == "50000+")
    #expect(b.band(for: registry.municipality(number: "1103")!, population: 1500).label == "< 2000")
  }

  @Test func customEdges() throws {
    let b = try SizeBands(edges: [1000, 3000])
    #expect(b.populationBands.map(\.label) == ["< 1000", "1000-2999", "3000+"])
    #expect(b.band(forPopulation: 2999, isOsloDistrict: false).label == "1000-2999")
    #expect(try SizeBands(parsing: "2000, 5000,10000,20000,50000") == SizeBands.standard)
    #expect(throws: SurveyError.self) { try SizeBands(edges: [5000, 2000]) }
    #expect(throws: SurveyError.self) { try SizeBands(edges: []) }
    #expect(throws: SurveyError.self) { try SizeBands(parsing: "2000,mange") }
  }
}
