import HummingbirdBcrypt
import NIOPosix

/// Hashes passwords with bcrypt on the shared thread pool (never on an event loop); used by the
/// users API and the `user add` command so both store the same kind of hash.
public enum PasswordHasher {
    /// bcrypt's cost factor: 2^12 rounds, about a quarter of a second.
    public static let cost: UInt8 = 12

    public static func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }
}
