import TandemCore

/// How the kernel carries out the fault plan: connections that drop and come back with
/// exponential backoff, partitions, server crashes at a time or at a point of the server's
/// work, restarts and failovers.
extension SimulationKernel {
    /// The first retry waits this long; each failure doubles it, up to the cap.
    static var firstBackoffMicroseconds: Int64 { 500_000 }
    /// The longest wait between two connection attempts.
    static var maximumBackoffMicroseconds: Int64 { 30_000_000 }

    /// Carries out a fault step; returns what the protocol must do about it, if anything.
    mutating func apply(_ step: FaultStep) -> FaultEffect? {
        let faults = trace.faults
        switch step {
        case .disconnect(let index):
            let fault = faults.disconnects[index]
            switch fault.trigger {
            case .time:
                note(fault.client, "FAULT disconnect for \(VirtualTime(microseconds: fault.durationMicroseconds))")
                takeOffline(fault.client, for: fault.durationMicroseconds)
            case .nextAck:
                note(fault.client, "FAULT armed: the connection resets after the next acknowledgement")
                network.clients[fault.client].armedResets.append(fault.durationMicroseconds)
            }
        case .reconnect(let client, let token):
            guard token == network.clients[client].attemptToken, !network.clients[client].connected else { return nil }
            if network.canConnect(client, at: now) {
                network.clients[client].connected = true
                network.clients[client].connection += 1
                network.clients[client].failedAttempts = 0
                statistics.reconnects += 1
                let connection = network.clients[client].connection
                note(client, "connected (connection \(connection))")
                observed(.connectionChanged(client: client, up: true))
                return .connected(client: client)
            }
            network.clients[client].failedAttempts += 1
            scheduleReconnect(client, at: now.advanced(by: backoff(client)))
        case .partitionStarts(let index):
            let fault = faults.partitions[index]
            network.activePartitions.append(index)
            if trace.topology == .mesh {
                note(fault.clients[0], "FAULT \(fault.clients.map { "c\($0)" }.joined(separator: ",")) partitioned from the other "
                     + "peers for \(VirtualTime(microseconds: fault.durationMicroseconds))")
                return nil
            }
            for client in fault.clients {
                note(client, "FAULT partitioned from the server for \(VirtualTime(microseconds: fault.durationMicroseconds))")
                network.clients[client].partitions += 1
                dropConnection(of: client)
                scheduleReconnect(client, at: now.advanced(by: backoff(client)))
            }
        case .partitionHeals(let index):
            network.activePartitions.removeAll { $0 == index }
            if trace.topology == .mesh {
                note(faults.partitions[index].clients[0], "partition heals")
                return nil
            }
            for client in faults.partitions[index].clients {
                network.clients[client].partitions -= 1
                note(client, "partition heals")
            }
        case .crash(let index):
            let fault = faults.crashes[index]
            guard fault.point == .idle else {
                note(0, "FAULT armed: crash \(fault.point.rawValue)")
                network.armedCrashes.append(index)
                return nil
            }
            guard network.serverIsUp else { return nil }
            crashServer(index)
            return .serverCrashed
        case .restart(let index):
            let fault = faults.crashes[index]
            network.serverIsUp = true
            note(0, fault.failover ? "a standby server takes over" : "the server restarts")
            return .serverRestarted(failover: fault.failover)
        case .revoke(let index):
            note(faults.revocations[index].client, "FAULT edit access revoked")
        case .departed(let client, let connection):
            guard network.connection(of: client) == connection, !network.clients[client].connected else { return nil }
            return .departed(client: client)
        case .faultsHealed:
            let deadline = deadline
            note(0, "every fault has healed; the system must now reach quiescence by \(deadline)")
            network.armedCrashes = []
            for client in network.clients.indices {
                network.clients[client].armedResets = []
            }
        }
        return nil
    }

    /// Whether an armed crash strikes at this point of the server's work. When it does, the
    /// kernel has already dropped every connection and scheduled the restart; the protocol
    /// must then drop the server's memory and stop what it was doing.
    mutating func crashStrikes(at point: ServerCrash.Point) -> Bool {
        guard let position = network.armedCrashes.firstIndex(where: { trace.faults.crashes[$0].point == point }) else {
            return false
        }
        let index = network.armedCrashes.remove(at: position)
        crashServer(index)
        return true
    }

    private mutating func crashServer(_ index: Int) {
        let fault = trace.faults.crashes[index]
        note(0, "FAULT server crash (\(fault.point.rawValue)); back in \(VirtualTime(microseconds: fault.downtimeMicroseconds))")
        statistics.crashes += 1
        network.serverIsUp = false
        for client in 1..<network.clients.count where network.clients[client].connected {
            dropConnection(of: client, announced: false)
            scheduleReconnect(client, at: now.advanced(by: backoff(client)))
        }
        schedule(.fault(.restart(index)), at: now.advanced(by: fault.downtimeMicroseconds))
        observed(.serverCrashed)
    }

    /// Drops the client's connection right after an acknowledgement was sent on it, if a
    /// lost-ack reset is armed for the client.
    mutating func resetAfterAck(client: Int) {
        guard !network.clients[client].armedResets.isEmpty else { return }
        let duration = network.clients[client].armedResets.removeFirst()
        note(client, "FAULT the connection resets: the acknowledgement just sent is lost")
        takeOffline(client, for: duration)
    }

    private mutating func takeOffline(_ client: Int, for duration: Int64) {
        let until = now.advanced(by: duration)
        network.clients[client].offlineUntil = max(network.clients[client].offlineUntil, until)
        dropConnection(of: client)
        scheduleReconnect(client, at: network.clients[client].offlineUntil)
    }

    /// Closes the client's connection; unless a crash closed it (`announced` false), the
    /// server or the peers learn right after that the client left.
    private mutating func dropConnection(of client: Int, announced: Bool = true) {
        guard network.clients[client].connected else { return }
        network.clients[client].connected = false
        network.clients[client].connection += 1
        forgetDeliveries(of: client)
        statistics.disconnects += 1
        observed(.connectionChanged(client: client, up: false))
        if announced { schedule(.fault(.departed(client: client, connection: network.clients[client].connection)), at: now) }
    }

    /// Schedules the client's next connection attempt, superseding any scheduled one.
    private mutating func scheduleReconnect(_ client: Int, at time: VirtualTime) {
        network.clients[client].attemptToken += 1
        schedule(.fault(.reconnect(client: client, token: network.clients[client].attemptToken)), at: time)
    }

    /// The wait before the client's next attempt: exponential in its failures so far, capped,
    /// with up to 50% jitter drawn from the network seed.
    private func backoff(_ client: Int) -> Int64 {
        let failures = min(network.clients[client].failedAttempts, 16)
        let base = min(Self.maximumBackoffMicroseconds, Self.firstBackoffMicroseconds << Int64(failures))
        var generator = SplitMix64(seed: StableHash.combine([
            trace.network.seed, 0x6261_636B_6F66_66, UInt64(client), UInt64(network.clients[client].attemptToken),
        ]))
        return base + Int64(generator.below(UInt64(base / 2) + 1))
    }
}
