// The verbs that talk to databases: apply and import.
#include "cli.h"
#include "cliverbs.h"

#include "db/catalogimport.h"
#include "db/database.h"
#include "ddl/ddlgenerator.h"
#include "io/schemawriter.h"
#include "rules/analysis.h"
#include "rules/derive.h"

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace mc::cli {

namespace {

/// apply's per-table progress line on stderr: `[3/12] Pictures`.
void reportProgress(int done, int total, const QString &table)
{
    err() << "[" << done << "/" << total << "] " << table << "\n";
    err().flush();
}

/// Reads a line from the terminal without echoing it; empty when stdin is not a terminal.
QString promptPassword(const QString &prompt)
{
#ifdef Q_OS_UNIX
    if (!isatty(STDIN_FILENO))
        return QString();
    err() << prompt;
    err().flush();
    termios saved{};
    const bool quiet = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (quiet) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    char line[1024] = {};
    const bool read = std::fgets(line, sizeof line, stdin) != nullptr;
    if (quiet)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    err() << "\n";
    return read ? QString::fromUtf8(line).chopped(QByteArray(line).endsWith('\n') ? 1 : 0)
                : QString();
#else
    Q_UNUSED(prompt);
    return QString();
#endif
}

/// The `--db` URL as a target, with the password asked for on a terminal when a server
/// may need one; nullopt after printing why the URL is unusable.
std::optional<DatabaseTarget> targetOf(const QString &verb, const QString &url, bool dryRun)
{
    QString why;
    std::optional<DatabaseTarget> target = parseDatabaseUrl(url, &why);
    if (!target) {
        err() << verb << ": bad database URL \"" << url << "\": " << why << "\n";
        return std::nullopt;
    }
    if (!dryRun && mayNeedPassword(*target)) {
        const ServerTarget &s = target->server;
        target->server.password = promptPassword(
            QStringLiteral("Password for %1@%2 (empty for none): ")
                .arg(s.user.isEmpty() ? QStringLiteral("(default user)") : s.user, s.host));
    }
    return target;
}

std::optional<ApplyMode> modeFromName(const QString &name)
{
    if (name == QLatin1String("create"))
        return ApplyMode::Create;
    if (name == QLatin1String("force"))
        return ApplyMode::Force;
    if (name == QLatin1String("alter"))
        return ApplyMode::Alter;
    return std::nullopt;
}

} // namespace

int apply(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QStringLiteral("A modelcanvas/1 project file."));
    p.addOption({QStringLiteral("db"),
                 QStringLiteral("Required: the database, sqlite:PATH (created if missing), "
                                "sqlite::memory:, postgres://USER@HOST:PORT/DB or "
                                "mysql://USER@HOST:PORT/DB (password from "
                                "MODELCANVAS_DB_PASSWORD, or asked for on a terminal)."),
                 QStringLiteral("URL")});
    p.addOption({QStringLiteral("mode"),
                 QStringLiteral("create (default): CREATE TABLE IF NOT EXISTS, like sync(). "
                                "force: drop the design's tables that exist, then create "
                                "them (refused when they hold rows, unless --yes). alter: "
                                "change the tables to match the design, keeping rows "
                                "(ALTER TABLE on PostgreSQL and MariaDB, rebuilds on "
                                "SQLite). All three modes work on every engine."),
                 QStringLiteral("MODE"), QStringLiteral("create")});
    p.addOption({QStringLiteral("yes"),
                 QStringLiteral("With --mode force: drop tables even when they hold rows.")});
    p.addOption({QStringLiteral("dry-run"),
                 QStringLiteral("Print the statements that would run; touch nothing (force "
                                "and alter read the live catalog to plan them).")});
    const int stop =
        parse(p, args,
              QStringLiteral("Creates FILE's schema in a database the way Sequelize 6.37.8's "
                             "sync() does (the statements of `ddl`). On SQLite and PostgreSQL "
                             "every mode runs in one transaction: if a statement fails, nothing "
                             "is left behind. MariaDB commits DDL as it goes, so a failed run "
                             "sends compensating statements (drops what it created, puts back "
                             "what it changed) and names what it could not undo. "
                             "Progress per table goes to stderr. Exit status 1 when Sequelize "
                             "rejects the schema or a statement fails."));
    if (stop >= 0)
        return stop;
    if (p.positionalArguments().size() != 1) {
        err() << "apply: expected exactly one FILE\n" << p.helpText();
        return ExitUsage;
    }
    const auto mode = modeFromName(p.value(QStringLiteral("mode")));
    if (!mode) {
        err() << "apply: unknown mode \"" << p.value(QStringLiteral("mode"))
              << "\" (expected create, force or alter)\n";
        return ExitUsage;
    }
    if (!p.isSet(QStringLiteral("db"))) {
        err() << "apply: --db is required (sqlite:PATH, sqlite::memory:, "
                 "postgres://USER@HOST:PORT/DB or mysql://USER@HOST:PORT/DB)\n";
        return ExitUsage;
    }
    ApplyOptions options;
    options.mode = *mode;
    options.dryRun = p.isSet(QStringLiteral("dry-run"));
    options.allowDataLoss = p.isSet(QStringLiteral("yes"));
    options.progress = reportProgress;
    const QString url = p.value(QStringLiteral("db"));
    // A force or alter dry run reads the live catalog, so it connects (and may need a password).
    const auto target =
        targetOf(QStringLiteral("apply"), url, options.dryRun && options.mode == ApplyMode::Create);
    if (!target)
        return ExitUsage;
    const QString path = p.positionalArguments().first();
    const auto schema = load(path);
    if (!schema)
        return ExitUsage;
    const DerivedSchema derived = derive(*schema);
    const ApplyResult result = applySchema(*target, derived, analyse(derived), options);
    for (const QString &note : result.notes)
        err() << "apply: " << note << "\n";
    if (!result.ok) {
        err() << path << ": error: " << result.error << "\n";
        if (result.unchanged && !options.dryRun)
            err() << "apply: nothing was changed in " << url << "\n";
        return ExitProblems;
    }
    if (options.dryRun) {
        out() << ddlScript(result.executed);
        return ExitOk;
    }
    if (result.foreignKeyViolations > 0)
        err() << "apply: warning: PRAGMA foreign_key_check reports " << result.foreignKeyViolations
              << " row(s) violating foreign keys in " << url << "\n";
    err() << "apply: " << url << " is up to date (" << result.executed.size() << " statements)\n";
    return ExitOk;
}

int import(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("db"),
                 QStringLiteral("Required: the database to read, sqlite:PATH, "
                                "postgres://USER@HOST:PORT/DB or mysql://USER@HOST:PORT/DB "
                                "(password from MODELCANVAS_DB_PASSWORD, or asked for on a "
                                "terminal)."),
                 QStringLiteral("URL")});
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                 QStringLiteral("Write the project to FILE (atomically) instead of stdout."),
                 QStringLiteral("FILE")});
    const int stop =
        parse(p, args,
              QStringLiteral("Reads the tables, columns, keys, uniques, indexes and foreign keys "
                             "of a database and writes a modelcanvas/1 project whose models and "
                             "associations Sequelize 6.37.8 turns back into the same tables: a "
                             "foreign key becomes belongsTo plus hasMany (hasOne when it is "
                             "unique), a table that only joins two others a belongsToMany pair. "
                             "What the project cannot reproduce exactly is reported as a "
                             "warning. Exit status 1 when the database cannot be read."));
    if (stop >= 0)
        return stop;
    if (!p.positionalArguments().isEmpty()) {
        err() << "import: unexpected argument \"" << p.positionalArguments().first() << "\"\n"
              << p.helpText();
        return ExitUsage;
    }
    if (!p.isSet(QStringLiteral("db"))) {
        err() << "import: --db is required (sqlite:PATH, postgres://USER@HOST:PORT/DB or "
                 "mysql://USER@HOST:PORT/DB)\n";
        return ExitUsage;
    }
    const QString url = p.value(QStringLiteral("db"));
    const auto target = targetOf(QStringLiteral("import"), url, false);
    if (!target)
        return ExitUsage;
    QString why;
    QHash<QString, QStringList> enumLabels;
    const std::optional<JsonValue> tables = readDatabaseCatalog(*target, &why, &enumLabels);
    if (!tables) {
        err() << "import: " << why << "\n";
        return ExitProblems;
    }
    const ImportResult imported = importCatalog(*tables, target->dialect(), enumLabels);
    for (const Diagnostic &d : imported.diagnostics)
        err() << url << ": " << severityName(d.severity) << ": " << d.toString() << "\n";
    if (!imported.schema)
        return ExitProblems;
    if (!p.isSet(QStringLiteral("output"))) {
        const QByteArray json = writeSchema(*imported.schema);
        out().flush();
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        std::fflush(stdout);
        return ExitOk;
    }
    const QString path = p.value(QStringLiteral("output"));
    if (!saveSchemaFile(*imported.schema, path, &why)) {
        err() << "import: cannot write " << path << ": " << why << "\n";
        return ExitProblems;
    }
    return ExitOk;
}

} // namespace mc::cli
