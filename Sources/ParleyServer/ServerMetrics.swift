import Metrics
import NIOConcurrencyHelpers
import Prometheus

/// The sidecar's metrics, through swift-metrics into its own Prometheus registry (one per server,
/// so that several servers in one process, as in the tests, do not mix their counts).
///
/// Served on `GET /metrics` in the Prometheus text format.
public final class ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    /// The version currently reported as 1 by `parley_resources_info`.
    private let reportedVersion = NIOLockedValueBox<String?>(nil)
    /// Handles already made, by series: the registry's own look-up builds and sorts label keys on
    /// every call, this is one hash of a short string under one lock.
    private let handles = NIOLockedValueBox<[RouteKey: RouteHandles]>([:])
    private let counters = NIOLockedValueBox<[CounterKey: Metrics.Counter]>([:])

    /// Keys of the handle caches: hashed field by field, so a look-up builds no string.
    private struct RouteKey: Hashable {
        let route: String
        let method: String
        let status: Int
    }

    private struct CounterKey: Hashable {
        let name: String
        let value: String
        let value2: String
    }

    private struct RouteHandles: Sendable {
        let requests: Metrics.Counter
        let duration: Metrics.Timer
    }

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
            .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(1000),
        ]
        self.factory = factory
        // Present from the start, at 0, so that an alert on it has a series to read.
        _ = Counter(label: "parley_resources_reload_failures_total", factory: factory)
    }

    /// One request answered: counts it per route, method and status, and records its latency per route.
    /// - Complexity: one hash look-up under a lock (the registry only for a new series).
    public func requestFinished(route: String, method: String, status: Int, nanoseconds: Int64) {
        let key = RouteKey(route: route, method: method, status: status)
        let series = handles.withLockedValue { handles in
            if let found = handles[key] { return found }
            let made = RouteHandles(
                requests: Counter(label: "parley_http_requests_total",
                                  dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory),
                duration: Metrics.Timer(label: "parley_http_request_duration_seconds",
                                        dimensions: [("route", route), ("method", method)], factory: factory))
            handles[key] = made
            return made
        }
        series.requests.increment()
        series.duration.recordNanoseconds(nanoseconds)
    }

    /// One message analysed: counts its dominant language and sentiment label.
    public func messageAnalysed(language: String, sentiment: String) {
        counter("parley_messages_language_total", "language", language).increment()
        counter("parley_messages_sentiment_total", "label", sentiment).increment()
    }

    /// A counter with one label, made once.
    private func counter(_ name: String, _ label: String, _ value: String, _ label2: String = "", _ value2: String = "") -> Metrics.Counter {
        let key = CounterKey(name: name, value: value, value2: value2)
        return counters.withLockedValue { counters in
            if let found = counters[key] { return found }
            let dimensions = label2.isEmpty ? [(label, value)] : [(label, value), (label2, value2)]
            let made = Counter(label: name, dimensions: dimensions, factory: factory)
            counters[key] = made
            return made
        }
    }

    /// One verdict: counts it per action and label (`block`/`scam`, `allow`/`ok`…).
    public func verdict(action: String, label: String) {
        counter("parley_verdicts_total", "action", action, "label", label).increment()
    }

    /// One message refused (too long, invalid): counts it per reason.
    public func messageRejected(reason: String) {
        counter("parley_messages_rejected_total", "reason", reason).increment()
    }

    /// A snapshot started serving: `parley_resources_info{version}` is 1 for it and 0 for the one before.
    public func resourcesLoaded(_ snapshot: ResourceSnapshot) {
        let previous = reportedVersion.withLockedValue { reported in
            defer { reported = snapshot.version }
            return reported
        }
        if let previous, previous != snapshot.version {
            Gauge(label: "parley_resources_info", dimensions: [("version", previous)], factory: factory).record(0)
        }
        Gauge(label: "parley_resources_info", dimensions: [("version", snapshot.version)], factory: factory).record(1)
        Gauge(label: "parley_resources_loaded_timestamp_seconds", factory: factory).record(snapshot.loadedAt)
        Counter(label: "parley_resources_loads_total", factory: factory).increment()
    }

    /// The shared state store (Redis) failed one operation (`rate`, `contacts`, `bulk`) with an
    /// error of `kind` (`connect`, `timeout`, `closed`…), answered in the declared failure mode.
    /// - Complexity: one dictionary look-up under a lock.
    public func redisError(operation: String, kind: String) {
        counter("parley_redis_errors_total", "operation", operation, "kind", kind).increment()
    }

    /// A reload failed and the old snapshot keeps serving.
    public func reloadFailed() {
        Counter(label: "parley_resources_reload_failures_total", factory: factory).increment()
    }

    /// The Prometheus text exposition of every metric.
    /// - Complexity: O(number of series).
    public func exposition() -> [UInt8] { registry.emitToBuffer() }
}
