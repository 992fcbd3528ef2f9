import Metrics
import Prometheus

/// The process's one Prometheus registry. `MetricsSystem.bootstrap` may run only once per
/// process, so it happens in this lazily initialised static (thread-safe, run at first use).
enum PrometheusBootstrap {
    /// The registry every metric of the process lands in.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}
