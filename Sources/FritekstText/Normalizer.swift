/// The one normalisation used for answers and codebooks alike: NFC, Unicode (full, default) case
/// folding, NFC again. "Å", "å" and "a\u{30A}" all become "å"; "ß" becomes "ss".
public enum Normalizer {
  /// Normalises a whole string (a codebook term, a token).
  public static func normalize(_ text: String) -> String {
    var units = Array(text.utf16)
    return units.withUnsafeMutableBufferPointer { normalize(UnsafeBufferPointer($0)) }
  }

  /// Normalises UTF-16 code units. Text made only of Latin-1 characters (almost all Norwegian
  /// text) takes a fast path with no ICU call: Latin-1 is already NFC and its case folding is a
  /// fixed offset, except for ß and µ, which go to ICU.
  public static func normalize(_ units: UnsafeBufferPointer<UInt16>) -> String {
    // Typographic hyphens (U+2010, U+2011) count as "-" so "rus‐psykisk" = "rus-psykisk".
    if units.contains(where: { $0 == 0x2010 || $0 == 0x2011 }) {
      let mapped = units.map { $0 == 0x2010 || $0 == 0x2011 ? 0x2D : $0 }
      return mapped.withUnsafeBufferPointer { normalize($0) }
    }
    var utf8Count = 0
    for u in units {
      if u >= 0x100 || u == 0xDF || u == 0xB5 { return ICUNormalizer.foldCase(units) }
      utf8Count += u < 0x80 ? 1 : 2
    }
    return String(unsafeUninitializedCapacity: utf8Count) { out in
      var i = 0
      for u in units {
        var c = u
        if (0x41...0x5A).contains(c) || ((0xC0...0xDE).contains(c) && c != 0xD7) { c += 0x20 }
        if c < 0x80 {
          out[i] = UInt8(c)
          i += 1
        } else {
          out[i] = UInt8(0xC0 | (c >> 6))
          out[i + 1] = UInt8(0x80 | (c & 0x3F))
          i += 2
        }
      }
      return i
    }
  }

  /// NFC without case folding (for text that is shown, e.g. quotes).
  public static func nfc(_ text: String) -> String {
    let units = Array(text.utf16)
    return units.withUnsafeBufferPointer { ICUNormalizer.nfc($0) }
  }

  /// Removes diacritics ("å" → "a", "é" → "e"). Only for codebooks that opt in to
  /// diacritic-insensitive matching; Norwegian needs å ≠ a by default.
  public static func stripDiacritics(_ text: String) -> String {
    let units = Array(text.utf16)
    return units.withUnsafeBufferPointer { ICUNormalizer.stripDiacritics($0) }
  }

  /// The spelling of a normalised word as someone without a Norwegian keyboard might type it,
  /// reduced to one key: diacritics removed (å → a, é → e), æ → ae, ø → o, then the ASCII
  /// stand-ins "aa" → "a" and "oe" (or œ) → "o". So "søkere", "sokere" and "soekere" all become
  /// "sokere"; "på", "paa" and "pa" become "pa"; "lærer" and "laerer" become "laerer".
  /// Applied to both the codebook's words and the answer's tokens, it merges real words too
  /// ("før"/"for", "mål"/"mal"), which is why it is an opt-in codebook option.
  public static func foldToASCII(_ normalized: String) -> String {
    let stripped = stripDiacritics(normalized)
    var scalars = String.UnicodeScalarView()
    for u in stripped.unicodeScalars {
      switch u {
      case "æ": scalars.append("a"); scalars.append("e")
      case "ø": scalars.append("o")
      case "œ": scalars.append("o")  // as "oe" below
      case "e" where scalars.last == "o": break  // "oe" → "o"
      case "a" where scalars.last == "a": break  // "aa" → "a"
      default: scalars.append(u)
      }
    }
    return String(scalars)
  }
}

/// How a codebook treats diacritics and the Norwegian letters æ, ø, å when matching.
public enum Diacritics: String, Sendable, Hashable, CaseIterable {
  /// å ≠ a, ø ≠ o (the default: Norwegian spelling matters).
  case keep
  /// Combining marks are removed on both sides: å = a, é = e (but ø ≠ o, æ ≠ ae).
  case ignore
  /// ``Normalizer/foldToASCII(_:)`` on both sides: å = a = aa, ø = o = oe, æ = ae.
  case fold

  /// The key a normalised word is looked up by.
  public func key(_ normalized: String) -> String {
    switch self {
    case .keep: return normalized
    case .ignore: return Normalizer.stripDiacritics(normalized)
    case .fold: return Normalizer.foldToASCII(normalized)
    }
  }
}
