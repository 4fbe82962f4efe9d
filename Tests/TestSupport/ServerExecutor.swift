import Foundation

/// Runs tasks on threads of its own, for the servers tests start in their own process.
///
/// Test bodies hold Swift's cooperative threads (two on two cores) with synchronous database work:
/// loading a demo county, seeding a fixture, a `CREATE DATABASE` that checkpoints (`TemplateRegistry`
/// runs those one at a time on them, which keeps the suite within the cluster's connections). A
/// server whose handlers shared those threads could answer nothing for seconds, and its test would
/// take the silence for a stalled server. Tasks started with this executor as their preference
/// (`withTaskExecutorPreference`, `addTask(executorPreference:)`), and their child tasks such as the
/// server's connections, run here instead. Unstructured tasks (`Task {}`: a graceful shutdown's, the
/// pool's wait timeouts) do not inherit the preference and still run on the shared threads.
public final class ServerExecutor: TaskExecutor, @unchecked Sendable {
    public static let shared = ServerExecutor(threads: 2)

    /// Guards `jobs`; signalled when one is added.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [unowned self] in self.run() }
            thread.name = "ServerExecutor-\(index)"
            thread.start()
        }
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
