import FritekstText
import Testing

@Test func sha256KnownVectors() {
  #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
  #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  // Streaming in odd-sized pieces gives the same digest.
  var s = SHA256()
  let bytes = Array(String(repeating: "Bø i Telemark ", count: 1000).utf8)
  var i = 0
  while i < bytes.count {
    s.update(bytes[i..<min(i + 37, bytes.count)])
    i += 37
  }
  #expect(s.finalizeHex() == SHA256.hex(bytes))
}
