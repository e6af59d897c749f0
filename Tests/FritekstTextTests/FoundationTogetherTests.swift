// Guards against the ICU header clash coming back: this file imports Foundation *and* the public
// text module in one compilation unit. If FritekstText ever re-exports ICU headers, the build of
// this test target fails with "'U_…' from module '_FoundationICU' is not present".
import Foundation
import FritekstText
import Testing

@Test func foundationAndFritekstTextBuildTogether() throws {
  let text = NSString(string: "Sjukepleiar").lowercased
  #expect(Normalizer.normalize(text) == "sjukepleiar")
  #expect(icuVersion.split(separator: ".").count >= 2)
}
