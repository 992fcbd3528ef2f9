import Testing
@testable import ActorIdentity

@Suite("Signature header parsing")
struct SignatureParsingTests {
    @Test func dictionaryMembersAreCountedPastStringsBytesAndTokensWithColons() {
        #expect(RFC9421Signature.topLevelMembers(#"sig1=("@method" "a,b");keyid="x,y", sig2=:AAAA:"#) == 2)
        #expect(RFC9421Signature.topLevelMembers(#"sig1=("@method");tag=urn:x:y, sig2=:AA/A:"#) == 2)
        #expect(RFC9421Signature.topLevelMembers(#"sig1=("@method"), sig1=("@path")"#) == 2)
    }

    @Test func cavageHeaderAcceptsQuotedCommasAndUnquotedNumbers() throws {
        let parsed = try #require(CavageSignatureHeader(
            #"signature="AAAA", created=1402170695, keyId="https://a.example/u,1#k", headers="(request-target) (created)""#))
        #expect(parsed.keyID == "https://a.example/u,1#k")
        #expect(parsed.created == 1_402_170_695)
        #expect(parsed.covered == ["(request-target)", "(created)"])
        #expect(parsed.algorithm == nil)
    }

    /// The parser reads bytes: escapes, non-ASCII text and broken quoting must come out as
    /// they did when it walked `Character`s.
    @Test func cavageHeaderKeepsEscapesAndNonASCIIAndRefusesBrokenQuotes() throws {
        let parsed = try #require(CavageSignatureHeader(
            #"Signature keyId="https://é.example/a\"b\\c#k" , signature="AAAA",algorithm ="HS2019",headers="Host Date""#))
        #expect(parsed.keyID == #"https://é.example/a"b\c#k"#)
        #expect(parsed.algorithm == "hs2019")
        #expect(parsed.covered == ["host", "date"])
        #expect(parsed.signature == [0, 0, 0])
        #expect(CavageSignatureHeader(#"keyId="a\"#) == nil)
        #expect(CavageSignatureHeader(#"keyId="a"x,signature="AAAA""#) == nil)
        #expect(CavageSignatureHeader(#"keyId="a",signature="AAAA",="x""#) == nil)
        #expect(CavageSignatureHeader(#"keyId="a",signature"#) == nil)
    }

    @Test func cavageHeaderRefusesRepeatedParameters() {
        #expect(CavageSignatureHeader(#"keyId="a",keyId="b",signature="AAAA""#) == nil)
        #expect(CavageSignatureHeader(#"keyId="a",signature="AAAA",created=soon"#) == nil)
    }
}
