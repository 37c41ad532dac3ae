import ServiceLifecycle
import UnixSignals

/// Reloads the resources on each SIGHUP until shutdown.
struct SignalReloadService: Service {
    let server: ParleyServer

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            _ = await server.reload()
        }
    }
}
