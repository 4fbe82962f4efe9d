import HummingbirdBcrypt

/// One password per role for every demo user, printed once after loading.
public struct DemoPasswords: Sendable, Equatable {
    public var admin: String
    public var editor: String
    public var viewer: String

    public init(admin: String, editor: String, viewer: String) {
        self.admin = admin
        self.editor = editor
        self.viewer = viewer
    }

    /// Passwords from `DEMO_ADMIN_PASSWORD`, `DEMO_EDITOR_PASSWORD` and `DEMO_VIEWER_PASSWORD`,
    /// with fresh random ones for any that is unset.
    public static func from(environment: [String: String]) -> DemoPasswords {
        func value(_ name: String) -> String {
            environment[name].flatMap { $0.isEmpty ? nil : $0 } ?? random()
        }
        return DemoPasswords(admin: value("DEMO_ADMIN_PASSWORD"), editor: value("DEMO_EDITOR_PASSWORD"),
                             viewer: value("DEMO_VIEWER_PASSWORD"))
    }

    /// Sixteen characters from an alphabet without look-alikes.
    public static func random() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// bcrypt hashes by role name; each distinct password is hashed once.
    func hashes(cost: UInt8) -> [String: String] {
        var byPassword: [String: String] = [:]
        var result: [String: String] = [:]
        for (role, password) in [("admin", admin), ("editor", editor), ("viewer", viewer)] {
            if byPassword[password] == nil { byPassword[password] = Bcrypt.hash(password, cost: cost) }
            result[role] = byPassword[password]
        }
        return result
    }
}
