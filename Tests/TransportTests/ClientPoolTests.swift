import AsyncHTTPClient
import Testing
@testable import Transport

@Suite("Client pool bounds (no network: making a client does no I/O)")
struct ClientPoolTests {
    private func target(_ n: Int) throws -> CheckedTarget {
        CheckedTarget(host: "host\(n).example", address: try #require(IPAddress(literal: "192.0.2.\(n)")), hostIsLiteral: false)
    }

    @Test("idle clients beyond capacity are shut down, least recently used first")
    func evictsIdleBeyondCapacity() async throws {
        let pool = ClientPool(configuration: HTTPClient.Configuration(), capacity: 2)
        for n in 1...3 {
            let client = try #require(await pool.lease(try target(n)))
            await pool.release(client, for: try target(n))
        }
        #expect(await pool.liveClientCount == 2)
        let again = try #require(await pool.lease(try target(3)))
        await pool.release(again, for: try target(3))
        #expect(await pool.liveClientCount == 2, "a cached client is reused")
        await pool.shutdown()
        #expect(await pool.liveClientCount == 0)
        #expect(await pool.lease(try target(1)) == nil)
    }

    @Test("an evicted client in use is kept until released")
    func leasedClientSurvivesEviction() async throws {
        let pool = ClientPool(configuration: HTTPClient.Configuration(), capacity: 1)
        let first = try #require(await pool.lease(try target(1)))
        let second = try #require(await pool.lease(try target(2)))
        #expect(await pool.liveClientCount == 2)
        await pool.release(first, for: try target(1))
        #expect(await pool.liveClientCount == 1)
        await pool.release(second, for: try target(2))
        await pool.shutdown()
    }
}
