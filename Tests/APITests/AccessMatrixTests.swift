import API
import HTTPTypes
import Postgres
import Prometheus
import Store
import Testing
import TestSupport

/// Generated from the route table, so a new route cannot be forgotten: every signed-in route
/// answers 401 without a token, and every caller whose kind or role the route excludes gets 403
/// before anything is read or written.
@Suite struct AccessMatrixTests {
    func routes(_ api: APIClient) -> [APIRoute] {
        apiRoutes(AppDependencies(
            database: Database(pool: api.database.makePool(maxConnections: 1)),
            migrator: Migrator(migrations: []), metrics: PrometheusCollectorRegistry()
        ))
    }

    /// The route's path with every parameter filled with something plausible: a month, a year,
    /// and `id` for any other parameter.
    func concretePath(_ route: APIRoute, id: String = "1") -> String {
        "/api/v1/" + route.path.split(separator: "/").map { segment -> String in
            switch segment {
            case ":month": "2026-01"
            case ":year": "2026"
            case let parameter where parameter.hasPrefix(":"): id
            default: String(segment)
            }
        }.joined(separator: "/")
    }

    @Test func signedInRoutesNeedAToken() async throws {
        try await APIHarness.run { api in
            for route in routes(api) where route.access != .anyone {
                let response = try await api.request(route.method, concretePath(route), json: [:] as [String: Any])
                #expect(response.status == .unauthorized, "\(route.method) \(route.path) answered \(response.status)")
            }
        }
    }

    @Test func excludedCallersAreForbidden() async throws {
        try await APIHarness.run { api in
            var tokens: [(CountyFixture.Agency, String, String)] = []
            for agency in [api.fixture.county, api.fixture.drc, api.fixture.district1] {
                for role in CountyFixture.roles {
                    tokens.append((agency, role, try await api.signIn(agency, role)))
                }
            }
            for route in routes(api) where route.access != .anyone {
                for (agency, role, token) in tokens {
                    let caller = Caller(userID: 0, agencyID: agency.id, agencyKind: .init(rawValue: agency.kind)!, role: .init(rawValue: role)!)
                    guard !route.permits(caller) else { continue }
                    let response = try await api.request(route.method, concretePath(route), token: token, json: [:] as [String: Any])
                    #expect(response.status == .forbidden, "\(route.method) \(route.path) as \(agency.code) \(role) answered \(response.status)")
                }
            }
        }
    }
}
