import Testing
@testable import Transport

@Suite("Address policy (pure, no I/O)")
struct AddressPolicyTests {
    let strict = AddressPolicy(allowPrivateNetworks: false)

    private func address(_ text: String) throws -> IPAddress {
        try #require(IPAddress(literal: text), "not a literal: \(text)")
    }

    @Test("special-purpose addresses are refused", arguments: [
        "127.0.0.1", "127.255.0.9", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "100.64.0.1", "100.127.255.254", "169.254.169.254", "0.0.0.0", "0.1.2.3", "224.0.0.1",
        "239.255.255.250", "255.255.255.255", "240.0.0.1",
        "::1", "::", "fd00::1", "fc00::1", "fe80::1", "febf::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "::a00:1",
        "64:ff9b::a00:1", "64:ff9b::7f00:1", "64:ff9b:1::1", "2002:7f00:1::1", "2002:a00:1::",
    ])
    func refusesSpecialPurpose(_ text: String) throws {
        #expect(!strict.permits(try address(text)))
    }

    @Test("public addresses are permitted", arguments: [
        "93.184.216.34", "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.255.255",
        "11.0.0.1", "169.253.1.1", "223.255.255.255",
        "2606:4700::1111", "2a01:4f8::1", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
    ])
    func permitsPublic(_ text: String) throws {
        #expect(strict.permits(try address(text)))
    }

    @Test("the switch permits everything")
    func switchOnPermitsAll() throws {
        let open = AddressPolicy(allowPrivateNetworks: true)
        #expect(open.permits(try address("127.0.0.1")))
        #expect(open.permits(try address("fd00::1")))
    }

    @Test("allowing exactly loopback still refuses 10/8 and mapped private forms")
    func loopbackHoleIsExact() throws {
        let policy = AddressPolicy(allowPrivateNetworks: false, alsoAllowed: IPRange.loopback)
        #expect(policy.permits(try address("127.0.0.1")))
        #expect(policy.permits(try address("::1")))
        #expect(!policy.permits(try address("10.0.0.1")))
        #expect(!policy.permits(try address("::ffff:192.168.0.1")))
    }

    @Test("only canonical literals parse", arguments: ["2130706433", "0x7f.0.0.1", "0177.0.0.1", "127.1", "1.2.3.4.5", "fe80::1%eth0", "example.com"])
    func nonCanonicalLiteralsDoNotParse(_ text: String) {
        #expect(IPAddress(literal: text) == nil)
    }

    @Test("literals print canonically")
    func canonicalText() throws {
        #expect(try address("127.0.0.1").description == "127.0.0.1")
        #expect(try address("[0:0:0:0:0:0:0:1]").description == "::1")
        #expect(try address("::ffff:7f00:1") == (try address("::ffff:127.0.0.1")))
    }

    @Test("numeric host names are not handed to the resolver", arguments: ["2130706433", "0x7f000001", "127.1", "0x7f.1", "1.2.3.999", "a..b", "exa mple.com", "ex%61mple.com"])
    func numericNamesAreNotNames(_ host: String) {
        #expect(!HostSyntax.isPlainName(host))
    }

    @Test("ordinary names are names", arguments: ["example.com", "localhost", "my-shop.example.", "1.example", "x_y.test"])
    func plainNames(_ host: String) {
        #expect(HostSyntax.isPlainName(host))
    }
}
