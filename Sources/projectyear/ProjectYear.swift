import ArgumentParser

/// The `projectyear` executable: the server, the assessment worker and the operator's commands.
@main
struct ProjectYear: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projectyear",
        abstract: "The back end of the county's Project Construction Year campaign (项目建设年).",
        discussion: "Settings come from config/app.json, overridden by environment variables such as DATABASE_URL, HTTP_HOST and HTTP_PORT.",
        version: ProjectYear.version,
        subcommands: [
            MigrateCommand.self, ServeCommand.self, WorkerCommand.self, AgencyCommand.self, UserCommand.self,
            AnalystCommand.self, DemoCommand.self,
        ]
    )

    /// The release, as `projectyear --version` prints it.
    static let version = "1.1.0"
}
