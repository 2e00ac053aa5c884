import Testing

@testable import PlauditClients

@Suite("ReplicaBalancer")
struct ReplicaBalancerTests {
    @Test("fewest outstanding wins; ties go round robin from the cursor")
    func choice() {
        #expect(ReplicaBalancer.choose(outstanding: [0, 0, 0], cursor: 0) == 0)
        #expect(ReplicaBalancer.choose(outstanding: [0, 0, 0], cursor: 2) == 2)
        #expect(ReplicaBalancer.choose(outstanding: [1, 0, 0], cursor: 0) == 1)
        #expect(ReplicaBalancer.choose(outstanding: [0, 1, 0], cursor: 1) == 2)
        #expect(ReplicaBalancer.choose(outstanding: [0, 1, 1], cursor: 1) == 0)
        #expect(ReplicaBalancer.choose(outstanding: [3, 1, 2], cursor: 2) == 1)
        #expect(ReplicaBalancer.choose(outstanding: [5], cursor: 0) == 0)
    }

    @Test("one request at a time alternates; concurrent requests spread out")
    func sequence() {
        let balancer = ReplicaBalancer(replicas: 2)
        var chosen: [Int] = []
        for _ in 0..<4 {
            let replica = balancer.start()
            chosen.append(replica)
            balancer.finish(replica)
        }
        #expect(chosen == [0, 1, 0, 1])
        let a = balancer.start(), b = balancer.start(), c = balancer.start()
        #expect([a, b, c] == [0, 1, 0])
        #expect(balancer.outstanding == [2, 1])
        balancer.finish(a)
        balancer.finish(c)
        #expect(balancer.start() == 0)
        #expect(balancer.outstanding == [1, 1])
    }
}
