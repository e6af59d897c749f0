import FritekstAnalysis
import FritekstText
import Testing

@Suite struct RedactorTests {
  let r = Redactor(names: ["Oslo", "Nord-Fron", "St. Hanshaugen", "Bø", "Time", "Moss", "Nordstrand", "Søndre Nordstrand", "Bærum", "Herøy"])

  @Test(arguments: [
    ("Vi i Oslo mangler psykolog", "Vi i [kommune] mangler psykolog"),
    ("Nord-Fron og St. Hanshaugen samarbeider", "[kommune] og [kommune] samarbeider"),
    ("OSLO og oslo", "[kommune] og [kommune]"),
    ("Oslos tilbud og Bærums", "[kommune] tilbud og [kommune]"),
    ("Søndre Nordstrand har få", "[kommune] har få"),
    ("Oslofjorden og Bøker", "Oslofjorden og Bøker"),
    ("en time i uka på bø", "en time i uka på bø"),
    ("Vi i Bø og Time har moss", "Vi i [kommune] og [kommune] har moss"),
    ("Herøy (Nordland)", "[kommune] (Nordland)"),
  ])
  func names(_ input: String, _ expected: String) {
    #expect(r.redact(input).text == expected)
  }

  @Test func fødselsnummerNeedsBothControlDigits() {
    // 01010012356 is a valid synthetic number; changing the last digit breaks control digit 2.
    #expect(Redactor.validFnr([0, 1, 0, 1, 0, 0, 1, 2, 3, 5, 6]))
    #expect(!Redactor.validFnr([0, 1, 0, 1, 0, 0, 1, 2, 3, 5, 7]))
    #expect(r.redact("fnr 01010012356 ble sendt").text == "fnr [fnr] ble sendt")
    #expect(r.redact("fnr 010100 12356.").text == "fnr [fnr].")
    #expect(r.redact("nummer 01010012357 er ugyldig").text == "nummer 01010012357 er ugyldig")
  }

  @Test(arguments: [
    ("ring 91234567 i dag", "ring [tlf] i dag"),
    ("ring +47 912 34 567.", "ring [tlf]."),
    ("ring +4791234567", "ring [tlf]"),
    ("ring 0047 91 23 45 67", "ring [tlf]"),
    ("ring 22 33 44 55 eller", "ring [tlf] eller"),
    ("budsjett 12 000 000 kr", "budsjett 12 000 000 kr"),
    ("123456789 er ni sifre", "123456789 er ni sifre"),
    ("1234567 er sju", "1234567 er sju"),
  ])
  func phones(_ input: String, _ expected: String) {
    #expect(r.redact(input).text == expected)
  }

  @Test func emailsWinOverNamesInside() {
    let res = r.redact("Skriv til post.mottak@oslo.kommune.no, takk.")
    #expect(res.text == "Skriv til [e-post], takk.")
    #expect(res.count(.email) == 1)
    #expect(res.count(.municipality) == 0)
  }

  @Test func spansAreMappedThroughEditsAndDroppedInside() {
    // "Oslo" is redacted; "psykolog" after it shifts by len("[kommune]") - len("Oslo").
    let text = "I Oslo 😀 mangler vi psykolog"
    let res = r.redact(text)
    #expect(res.text == "I [kommune] 😀 mangler vi psykolog")
    let utf16 = Array(text.utf16)
    let start = utf16.count - "psykolog".utf16.count
    let mapped = res.map(TextSpan(start: start, end: utf16.count))!
    #expect(mapped.substring(of: res.text) == "psykolog")
    #expect(res.map(TextSpan(start: 2, end: 6)) == nil)  // the name itself
    #expect(res.map(TextSpan(start: 0, end: 1))?.substring(of: res.text) == "I")
  }
}
