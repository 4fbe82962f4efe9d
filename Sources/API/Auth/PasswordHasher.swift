import HummingbirdBcrypt
import NIOPosix

/// Hashes and checks passwords with bcrypt on a thread pool of its own (never on an event loop,
/// and never behind spreadsheet parsing, which has its own: imports cannot starve sign-in); used
/// by sign-in, the users API and the `user add` command so all store the same kind of hash.
public enum PasswordHasher {
    /// bcrypt's cost factor: 2^12 rounds, about a quarter of a second.
    public static let cost: UInt8 = 12

    /// Two threads: one bcrypt keeps a core for a quarter of a second, and the machine has two.
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        return pool
    }()

    /// A new hash of `password` at `cost` (the server's setting, 12 unless a test sets less).
    public static func hash(_ password: String, cost: UInt8 = cost) async throws -> String {
        try await pool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// A hash verified when a username is unknown, so that both cases take as long; at `cost`,
    /// the cost real hashes have.
    static func decoy(cost: UInt8) -> String {
        cost == Self.cost ? standardDecoy : Bcrypt.hash("decoy-password-never-used", cost: cost)
    }

    private static let standardDecoy = Bcrypt.hash("decoy-password-never-used", cost: cost)

    /// Whether `password` is the one `hash` was made from.
    public static func verify(_ password: String, hash: String) async throws -> Bool {
        try await pool.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
